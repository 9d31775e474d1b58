import type { ExportFormatId } from '../../../shared/export/format-ids';
import { DEFAULT_EXPORT_OPTIONS } from '../../../shared/export/types';
import type { ExportRequest } from '../../../shared/ipc/contract';

/// An export request for `formats` (default: the corrected text) of the named pages, or of all pages (null), with
/// the default options.
export function exportRequest(pages: string[] | null, formats: ExportFormatId[] = ['text']): ExportRequest {
  return { formats, scope: pages === null ? { kind: 'all' } : { kind: 'pages', pages }, options: DEFAULT_EXPORT_OPTIONS };
}
