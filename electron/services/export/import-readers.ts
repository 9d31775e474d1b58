import type { EntityImportFormat } from '../../../shared/export/format-ids';
import type { EntityFileReader } from './import-files';

/// The reader of each entity import format: the files it takes from a folder and the pure parser of
/// shared/export/importers/ that turns one file into documents and spans (code points).
///
/// Filled as the parsers land: doccano `{ extensions: ['.jsonl'], parse: ({ text, relPath }) => parseDoccano(text,
/// relPath) }`, Label Studio `{ extensions: ['.json'], parse: ({ text, relPath }) => parseLabelStudio(text, relPath) }`,
/// brat `{ extensions: ['.ann'], parse: async ({ text, relPath, companion }) => parseBratAnn(text, await
/// companion('.txt'), relPath) }`. A format missing here is refused with a plain message.
export const ENTITY_READERS: Partial<Record<EntityImportFormat, EntityFileReader>> = {};
