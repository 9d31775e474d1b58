/// What an entity importer (doccano JSONL, Label Studio JSON, brat `.ann`) reads from a file, before anything is
/// matched to the corpus: for each document, which page it names and the spans it holds, converted to code points.
///
/// The parsers are pure (`shared/export/importers/`); electron/services/export/import-entities.ts matches each
/// document to a corpus page, checks every span's quote against the page's corrected text, and writes sidecars
/// only for pages where every span matches.
import type { Reason } from '../errors/reasons';

/// One span read from a file: code points [start, end) on the document's text, its type, and the text the file
/// says it covers (the quote checked against the page).
export interface ImportedSpan {
  start: number;
  end: number;
  type: string;
  /// The covered text as the file gives it, or as cut from the file's own text at the file's offsets.
  quote: string;
}

/// One document of an import file: the page it names (the corpus-relative page path Jiaodui exported it from, or
/// a file name to match by base name), the text the file holds for it (null when the format has none, such as a
/// bare `.ann`), and its spans.
export interface ImportedDocument {
  page: string;
  text: string | null;
  spans: ImportedSpan[];
}

/// A problem with one document or line of an import file (unreadable JSON, an offset past the text…), with the
/// place in the file it was found.
export interface ImportProblem {
  /// Where in the import file: `tasks.json#3`, `corpus.jsonl:12`, `p1.ann:4`.
  where: string;
  code: 'malformed' | 'offset-out-of-range' | 'quote-mismatch' | 'unknown-page' | 'no-page';
  message: string;
  /// What is wrong as a reason with values (shared/errors/reasons.ts), for wording in another language.
  reason?: Reason;
}

/// What a parser gives: the documents it could read and the problems it found.
export interface ImportParse {
  documents: ImportedDocument[];
  problems: ImportProblem[];
}
