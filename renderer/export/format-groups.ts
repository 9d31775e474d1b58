/// How the Export dialog lists the formats: in groups, each format with its message keys.
import { EXPORT_FORMATS, type ExportFormatId } from '../../shared/export/format-ids';
import type { MessageKey } from '../i18n/messages';

/// One group of formats in the dialog, under its heading.
export interface FormatGroup {
  heading: MessageKey;
  formats: readonly ExportFormatId[];
}

/// The format groups in the order shown; together they hold every id of EXPORT_FORMATS exactly once (tested).
export const FORMAT_GROUPS: readonly FormatGroup[] = [
  { heading: 'export.group.text', formats: ['text', 'original'] },
  { heading: 'export.group.layout', formats: ['alto', 'hocr', 'page'] },
  { heading: 'export.group.edition', formats: ['tei'] },
  { heading: 'export.group.training', formats: ['conll', 'conll-bioes', 'doccano', 'label-studio', 'brat', 'xmi', 'webanno-tsv'] },
  { heading: 'export.group.annotation', formats: ['web-annotation'] },
];

/// The message key of a format's name; the template type fails to compile when a format id has no name.
export function formatNameKey(format: ExportFormatId): MessageKey {
  return `exportFormat.${format}`;
}

/// The message key of a format's one-line description.
export function formatHintKey(format: ExportFormatId): MessageKey {
  return `exportFormat.${format}.hint`;
}

/// Every format id, for the test that the groups cover them all.
export const ALL_FORMATS: readonly ExportFormatId[] = EXPORT_FORMATS;
