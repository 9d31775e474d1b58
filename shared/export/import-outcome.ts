/// What `import-entities` reports: which pages got the imported entities, which already had exactly them, and every
/// problem (a page with any problem is not written).
import type { ImportProblemCode } from './problem-codes';
import type { Reason } from '../errors/reasons';

/// One problem of an import: the corpus page it concerns ('' when no page could be matched), where in the import
/// files it was found, a code the renderer words and the main process's English words.
export interface ImportEntitiesProblem {
  path: string;
  where: string;
  code: ImportProblemCode;
  message: string;
  /// What is wrong as a reason with values (shared/errors/reasons.ts), when the importer says.
  reason?: Reason;
}

/// The outcome of one import.
export interface ImportEntitiesOutcome {
  /// Files read and documents found in them.
  files: number;
  documents: number;
  /// Pages whose sidecar now holds the imported entities (replacing the entities it had).
  written: string[];
  /// Pages whose entities were already exactly the imported ones (nothing written).
  unchanged: string[];
  /// Entity spans in the pages written.
  spans: number;
  problems: ImportEntitiesProblem[];
}
