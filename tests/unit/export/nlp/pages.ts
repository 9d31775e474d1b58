/// Test pages for the NLP exporters: a text page whose sidecar holds `text` and the given entities (offsets in code
/// points, the quote cut from the text so every span is what the app would store).
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportOptions, type ExportPage } from '../../../../shared/export/types';
import type { EntitySpan, Sidecar } from '../../../../shared/model/sidecar-schema';
import { cpSlice } from '../../../../shared/text/codepoints';

/// An entity as [start, end, type] in code points.
export type SpanSpec = [start: number, end: number, type: string];

/// A text page `path` with a sidecar of `text` and `spans`.
export function textPage(path: string, text: string, spans: SpanSpec[] = []): ExportPage {
  const entities: EntitySpan[] = spans.map(([start, end, type], i) => ({ id: `e${i + 1}`, start, end, type, text: cpSlice(text, start, end) }));
  const sha256 = '0'.repeat(64);
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.0.0-test' },
    status: 'reviewed',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    source: { file: path, format: 'text', bytes: 0, sha256, encoding: 'utf-8', bom: false, lineEnding: 'LF' },
    text,
    corrections: [],
    entities,
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
    moves: [],
  };
  return {
    path,
    base: path.replace(/\.[^./]+$/u, ''),
    originalText: text,
    source: { format: 'text', sha256, bytes: 0, encoding: 'utf-8', lineEnding: 'LF' },
    layoutXml: null,
    layout: null,
    sidecar,
    scan: null,
  };
}

/// A run context with `options` over the defaults.
export function context(options: Partial<ExportOptions> = {}): ExportContext {
  return { appVersion: '9.9.9', startedAt: '2026-12-07T12:00:00.000Z', options: { ...DEFAULT_EXPORT_OPTIONS, ...options } };
}

/// Code-point offset of the `occurrence`-th (0-based) `needle` in `text`.
export function cpIndexOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in text`);
  }
  return Array.from(text.slice(0, at)).length;
}

/// An ALTO page without a usable sidecar whose layout file carries entity tags (`entities`, code points on `text`).
export function layoutPageWithoutSidecar(path: string, text: string, spans: SpanSpec[]): ExportPage {
  const entities = spans.map(([start, end, type]) => ({ start, end, type, text: cpSlice(text, start, end) }));
  return {
    path,
    base: path.replace(/\.[^./]+$/u, ''),
    originalText: text,
    source: { format: 'alto', sha256: '1'.repeat(64), bytes: 0, encoding: 'utf-8', lineEnding: 'LF' },
    layoutXml: '<alto/>',
    layout: { format: 'alto', formatVersion: '3', image: null, text, lines: [], entities },
    sidecar: null,
    scan: null,
  };
}
