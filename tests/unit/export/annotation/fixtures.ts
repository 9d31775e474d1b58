/// Pages for the annotation-tool exporter tests: corrected texts with Extension B characters (𠮷, one code point,
/// two UTF-16 units) before, inside and after entity spans, nested and overlapping spans, and a span across a line.
import { cpLength } from '../../../../shared/text/codepoints';
import type { EntitySpan, ReviewStatus, Sidecar } from '../../../../shared/model/sidecar-schema';
import { DEFAULT_EXPORT_OPTIONS, type CollectionExporter, type ExportContext, type ExportPage } from '../../../../shared/export/types';

export const EXT_B = '𠮷';

/// The context every test exports with.
export const CONTEXT: ExportContext = { appVersion: '0.0.0-test', startedAt: '2026-12-07T12:00:00.000Z', options: DEFAULT_EXPORT_OPTIONS };

/// The span of the `occurrence`-th (0-based) `needle` in `text`, in code points.
export function spanOf(text: string, needle: string, type: string, id: string, occurrence = 0): EntitySpan {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const start = cpLength(text.slice(0, at));
  return { id, start, end: start + cpLength(needle), type, text: needle };
}

/// A page at `path` whose sidecar holds `text` and `entities`.
export function pageWith(path: string, text: string, entities: EntitySpan[], status: ReviewStatus = 'reviewed'): ExportPage {
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.0.0-test' },
    status,
    created: '2026-12-01T00:00:00.000Z',
    modified: '2026-12-01T00:00:00.000Z',
    text,
    corrections: [],
    entities,
    source: { file: path.split('/').pop()!, format: 'text', bytes: 0, sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'LF' },
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
    moves: [],
  };
  return {
    path,
    base: path.replace(/\.[^./]+$/, ''),
    originalText: text,
    source: { format: 'text', sha256: '0'.repeat(64), bytes: 0, encoding: 'utf-8', lineEnding: 'LF' },
    layoutXml: null,
    layout: null,
    sidecar,
    scan: null,
  };
}

/// Text with 𠮷 before, inside and after spans, a nested pair, an overlapping pair and a span across a line end.
export const TEXT_A = `${EXT_B}${EXT_B}据报：${EXT_B}田先生昨抵北京${EXT_B}祥饭店。\n上海商务印书馆\n总经理王云五谈${EXT_B}`;

/// The spans on TEXT_A.
export function spansA(): EntitySpan[] {
  return [
    spanOf(TEXT_A, `${EXT_B}田`, 'PER', 'e1'),
    spanOf(TEXT_A, '北京', 'LOC', 'e2'),
    spanOf(TEXT_A, `北京${EXT_B}祥饭店`, 'ORG', 'e3'),
    spanOf(TEXT_A, `${EXT_B}祥`, 'MISC', 'e4'),
    spanOf(TEXT_A, '商务印书馆\n总经理', 'ORG', 'e5'),
    spanOf(TEXT_A, '王云五', 'PER', 'e6'),
    spanOf(TEXT_A, `谈${EXT_B}`, 'EVENT', 'e7'),
  ];
}

/// A second page: no line ends, a span at the very start and one ending at the very end.
export const TEXT_B = `${EXT_B}氏宗祠在${EXT_B}`;

/// The spans on TEXT_B.
export function spansB(): EntitySpan[] {
  return [spanOf(TEXT_B, `${EXT_B}氏宗祠`, 'ORG', 'b1'), spanOf(TEXT_B, EXT_B, 'PER', 'b2', 1)];
}

/// The spans as an importer gives them back: offsets, type and quote (the entity's text).
export function expected(spans: EntitySpan[]): Array<{ start: number; end: number; type: string; quote: string }> {
  return spans.map((s) => ({ start: s.start, end: s.end, type: s.type, quote: s.text }));
}

/// The whole file a collection exporter writes for `pages`, with the problems it gave, called as the export run
/// calls it (electron/services/export/): each page first, `start` only once the first page has given a chunk (or at
/// the end when none did), then `end`.
export function runCollection(exporter: CollectionExporter, pages: ExportPage[]): { content: string; problems: string[] } {
  let content = '';
  const problems: string[] = [];
  let written = 0;
  for (const page of pages) {
    const result = exporter.page(page, written, CONTEXT);
    if (result.ok) {
      content += (written === 0 ? exporter.start(CONTEXT) : '') + result.chunk;
      written++;
    } else problems.push(`${page.path}: ${result.problem.code}`);
  }
  return { content: content + (written === 0 ? exporter.start(CONTEXT) : '') + exporter.end(CONTEXT), problems };
}

/// Spans in a stable order for comparing (by start, longer first, then type).
export function ordered<T extends { start: number; end: number; type: string }>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
}
