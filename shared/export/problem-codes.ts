/// The codes of export and entity-import problems (`ExportProblem.code` in shared/ipc/contract.ts), which the
/// renderer words in the UI language; the main process's own English words travel beside them for logs and the
/// command line.
export const EXPORT_PROBLEM_CODES = [
  /// The page's sidecar cannot be trusted: the page was exported as its original, uncorrected and untagged.
  'sidecar-unusable',
  /// The format does not apply to the page (a layout format for a page of another format); summarised per format.
  'not-applicable',
  /// The page's layout file and its text do not line up, so the corrected layout file could not be made.
  'layout-mismatch',
  /// The exporter judged the page unusable for its format.
  'invalid-page',
  /// The page (or its sidecar) could not be read, or leads outside the corpus.
  'unreadable',
  /// A file could not be written (disk full, permissions); its partial file was removed.
  'write-failed',
  /// A target of the export lies inside the corpus folder (a symlink in the export folder); not written.
  'inside-corpus',
  /// Two formats (or two pages) would write the same file; the second was not written.
  'duplicate-path',
  /// A format has no exporter in this build.
  'unknown-format',
  /// The exporter failed on the page (a bug); the page is skipped for that format.
  'exporter-failed',
] as const;

/// One export problem code.
export type ExportProblemCode = (typeof EXPORT_PROBLEM_CODES)[number];

/// The codes of `import-entities` problems: the parser's (see ImportProblem in import-types.ts) and the corpus
/// side's.
export const IMPORT_PROBLEM_CODES = [
  'malformed',
  'offset-out-of-range',
  'quote-mismatch',
  'unknown-page',
  'no-page',
  /// Two documents of the import name the same page; neither was written.
  'duplicate-page',
  /// The page's saved corrections cannot be used, so its sidecar is not touched.
  'sidecar-unusable',
  /// The page or sidecar could not be read, or the sidecar could not be written (changed meanwhile, locked, disk).
  'unreadable',
  'write-failed',
] as const;

/// One import problem code.
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];
