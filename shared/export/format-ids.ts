/// The export formats, by the names the command line and the dialog use.
export const EXPORT_FORMATS = [
  'text',
  'original',
  'alto',
  'hocr',
  'page',
  'tei',
  'conll',
  'conll-bioes',
  'doccano',
  'label-studio',
  'brat',
  'xmi',
  'webanno-tsv',
  'web-annotation',
] as const;

/// One export format.
export type ExportFormatId = (typeof EXPORT_FORMATS)[number];

/// The formats whose entity spans can be read back by `import-entities`.
export const ENTITY_IMPORT_FORMATS = ['doccano', 'label-studio', 'brat'] as const;

/// One format `import-entities` reads.
export type EntityImportFormat = (typeof ENTITY_IMPORT_FORMATS)[number];

/// Whether `value` names an export format.
export function isExportFormat(value: string): value is ExportFormatId {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
