/// What every exporter gets and gives: one page as the main process read it, and the files made from it.
///
/// Exporters are pure functions in `shared/export/formats/`: no disk, no clock except through `ExportContext`.
/// The main process (electron/services/export/) reads each page, hands it to the chosen exporters one page at a
/// time and streams their output to disk, so a corpus never has to fit in memory.
import type { LayoutPage } from '../layout/types';
import type { Sidecar, SourceFormat } from '../model/sidecar-schema';
import type { LineEnding } from '../text/normalize';

/// One page as read for export.
export interface ExportPage {
  /// The page file's path relative to the corpus root, `/`-separated (the page's identity).
  path: string;
  /// The group key: `path` without its extension (`scans/p1.xml` → `scans/p1`).
  base: string;
  /// The original text: decoded, LF line endings, NFC (for a layout file: the text its importer built).
  originalText: string;
  /// The page file's facts: what it was read as, its SHA-256, size, encoding and line ending.
  source: {
    format: SourceFormat;
    sha256: string;
    bytes: number;
    encoding: string;
    lineEnding: LineEnding;
  };
  /// The page file's own text when it is a layout file (hOCR, ALTO, PAGE XML), decoded; null for a text page.
  layoutXml: string | null;
  /// The imported layout when the page file is a layout file, else null.
  layout: LayoutPage | null;
  /// The page's usable sidecar, or null when it has none (or one that cannot be trusted: then the page is exported
  /// as its original, uncorrected and untagged, and the export reports a problem).
  sidecar: Sidecar | null;
  /// The page's scan image relative to the corpus root, or null when it has none.
  scan: string | null;
}

/// Options every exporter may read; each ignores what does not concern it.
export interface ExportOptions {
  /// TEI: one document per page, or one document for the whole selection.
  teiGrouping: 'per-page' | 'one-document';
  /// TEI and plain text: keep the original line breaks (`<lb/>`), or reflow lines into paragraphs.
  lineBreaks: 'original' | 'paragraphs';
  /// CoNLL: how nested or overlapping spans are labelled (the outermost span wins, or the innermost).
  nestedSpans: 'outermost' | 'innermost';
}

/// The defaults the dialog and the command line start from.
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  teiGrouping: 'per-page',
  lineBreaks: 'original',
  nestedSpans: 'outermost',
};

/// What an exporter may know about the run: the app's version and the moment it started (ISO 8601).
export interface ExportContext {
  appVersion: string;
  /// When the export started, ISO 8601; exporters write it instead of reading the clock, so output is repeatable.
  startedAt: string;
  options: ExportOptions;
}

/// One output file: its path under the export folder (`/`-separated, no `..`) and its content.
export interface ExportedFile {
  path: string;
  content: string;
}

/// An output file whose content an exporter built directly as UTF-8 bytes (UIMA CAS XMI: see byte-out.ts).
export interface ExportedBytes {
  path: string;
  content: Uint8Array;
  /// The content is a view of a buffer the exporter reuses: valid until the exporter's next call, so it is written
  /// (or copied) before that. Saves copying a few hundred kilobytes a page.
  transient?: boolean;
}

/// A page the exporter could not turn into its format, in words, with the code the renderer words it by.
export interface ExportPageProblem {
  code: 'layout-mismatch' | 'not-applicable' | 'invalid-page';
  message: string;
}

/// What an exporter makes of one page: files, or a problem (the export goes on with the next page).
/// `F` is the kind of file the exporter makes: text by default, or bytes too.
export type PageExportResult<F extends ExportedFile | ExportedBytes = ExportedFile> = { ok: true; files: F[] } | { ok: false; problem: ExportPageProblem };

/// An exporter that writes files of their own for each page (corrected ALTO, brat `.txt` + `.ann`, TEI per page…).
/// `F` as in PageExportResult; the pipeline takes either.
export interface PerPageExporter<F extends ExportedFile | ExportedBytes = ExportedFile> {
  kind: 'per-page';
  exportPage(page: ExportPage, context: ExportContext): PageExportResult<F>;
  /// Files written once beside the pages' (a labelling config, a README), or none.
  extraFiles?(context: ExportContext): ExportedFile[];
}

/// An exporter that writes one file for the whole selection, page after page (CoNLL, doccano JSONL, Label Studio
/// tasks, TEI as one document): `start`, then `page` for each page in order, then `end`; the chunks are
/// concatenated as they come, so the whole file never sits in memory.
export interface CollectionExporter {
  kind: 'collection';
  /// The file's name under the export folder (`corpus.conll`, `tasks.json`…).
  fileName(context: ExportContext): string;
  start(context: ExportContext): string;
  /// The chunk for one page; `index` counts the pages written before it (0 for the first), so separators can be
  /// put between pages. A page it cannot express gives a problem and no chunk.
  page(page: ExportPage, index: number, context: ExportContext): { ok: true; chunk: string } | { ok: false; problem: ExportPageProblem };
  end(context: ExportContext): string;
  /// Files written once beside the collection (a labelling config), or none.
  extraFiles?(context: ExportContext): ExportedFile[];
}

/// Any exporter.
export type Exporter = PerPageExporter<ExportedFile | ExportedBytes> | CollectionExporter;
