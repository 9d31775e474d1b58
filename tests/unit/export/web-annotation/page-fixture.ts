// Builds ExportPages for the web annotation tests: a page with a sidecar (corrected text, entities) or without.
import { createHash } from 'node:crypto';
import type { ExportContext, ExportPage } from '../../../../shared/export/types';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/types';
import type { LayoutPage } from '../../../../shared/layout/types';
import type { EntitySpan, Sidecar } from '../../../../shared/model/sidecar-schema';
import { computeCorrections } from '../../../../shared/model/corrections';
import { cpSlice } from '../../../../shared/text/codepoints';

/// The context every test exports with.
export const context: ExportContext = { appVersion: '9.9.9', startedAt: '2026-12-07T12:00:00.000Z', options: DEFAULT_EXPORT_OPTIONS };

/// An entity span on `text` covering code points [start, end).
export function span(text: string, id: string, start: number, end: number, type: string): EntitySpan {
  return { id, start, end, type, text: cpSlice(text, start, end) };
}

/// A page `path` whose original is `original`, corrected to `corrected` with `entities` (no sidecar when
/// `corrected` is null), optionally read from `layout`.
export function exportPage(path: string, original: string, corrected: string | null, entities: EntitySpan[], layout: LayoutPage | null = null): ExportPage {
  const sha256 = createHash('sha256').update(original).digest('hex');
  const sidecar: Sidecar | null =
    corrected === null
      ? null
      : {
          format: 'jiaodui-sidecar',
          schemaVersion: 3,
          app: { name: 'jiaodui', version: '9.9.9' },
          status: 'reviewed',
          created: '2026-12-01T00:00:00.000Z',
          modified: '2026-12-02T00:00:00.000Z',
          text: corrected,
          corrections: computeCorrections(original, corrected),
          entities,
          source: { file: path, format: layout ? 'alto' : 'text', bytes: original.length, sha256, encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
          lineOrigins: [],
          rejectedEntities: [],
          rejectedCorrections: [],
          moves: [],
        };
  return {
    path,
    base: path.replace(/\.[^./]+$/, ''),
    originalText: original,
    source: { format: layout ? 'alto' : 'text', sha256, bytes: original.length, encoding: 'UTF-8', lineEnding: 'LF' },
    layoutXml: null,
    layout,
    sidecar,
    scan: null,
  };
}
