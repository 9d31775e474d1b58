import { describe, expect, it } from 'vitest';
import { computeCorrections } from '../../../shared/model/corrections';
import { arrangeText } from '../../../shared/model/moves';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { pageView } from '../../../shared/export/page-view';
import { correctedTextExporter, originalTextExporter } from '../../../shared/export/formats/plain-text';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportPage } from '../../../shared/export/types';

const EXT_B = '𠮷';
const original = `乙丙${EXT_B}己经\n甲\n\nab\ncd`;

function page(sidecar: Sidecar | null, lineEnding: ExportPage['source']['lineEnding'] = 'CRLF'): ExportPage {
  return {
    path: 'sub/p1.txt',
    base: 'sub/p1',
    originalText: original,
    source: { format: 'text', sha256: 'a'.repeat(64), bytes: 30, encoding: 'UTF-8', lineEnding },
    layoutXml: null,
    layout: null,
    sidecar,
    scan: null,
  };
}

function sidecarFor(moves: Sidecar['moves'], corrected: string, entities: Sidecar['entities']): Sidecar {
  const arranged = arrangeText(original, moves);
  if (!arranged.ok) throw new Error(arranged.error.message);
  return {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.1.0' },
    source: { file: 'p1.txt', format: 'text', bytes: 30, sha256: 'a'.repeat(64), encoding: 'UTF-8', bom: false, lineEnding: 'CRLF' },
    status: 'reviewed',
    created: '2026-12-07T10:00:00.000Z',
    modified: '2026-12-07T10:05:00.000Z',
    text: corrected,
    corrections: computeCorrections(arranged.value, corrected),
    entities,
    lineOrigins: [],
    moves,
    rejectedEntities: [],
    rejectedCorrections: [],
  };
}

const context: ExportContext = { appVersion: '0.1.0', startedAt: '2026-12-07T12:00:00.000Z', options: DEFAULT_EXPORT_OPTIONS };

describe('pageView', () => {
  it('gives the original, unreviewed and untagged, for a page without a sidecar', () => {
    const view = pageView(page(null));
    expect(view.corrected).toBe(original);
    expect(view.arranged).toBe(original);
    expect(view.entities).toEqual([]);
    expect(view.status).toBe('unreviewed');
    expect(view.originalToCorrected(3)).toBe(3);
  });

  it('maps offsets through moves and corrections in code points (Extension B counts one)', () => {
    // Move "甲" (original 6..7) to the front, then correct 己 → 已.
    const moves = [{ start: 6, end: 7, to: 0 }];
    const arranged = arrangeText(original, moves);
    expect(arranged.ok && arranged.value).toBe(`甲乙丙${EXT_B}己经\n\n\nab\ncd`);
    const corrected = `甲乙丙${EXT_B}已经\n\n\nab\ncd`;
    const view = pageView(page(sidecarFor(moves, corrected, [{ id: 'b', start: 1, end: 4, type: 'LOC', text: `乙丙${EXT_B}` }, { id: 'a', start: 0, end: 6, type: 'PER', text: `甲乙丙${EXT_B}已经` }])));
    expect(view.corrected).toBe(corrected);
    // Original 6 (甲) now stands at 0; original 4 (经) at 5 in the corrected text.
    expect(view.originalToCorrected(6)).toBe(0);
    // 己 itself was replaced: its start maps to the replacement's start (-1) or end (1).
    expect(view.originalToCorrected(3, -1)).toBe(4);
    expect(view.originalToCorrected(3, 1)).toBe(5);
    expect(view.originalToCorrected(4)).toBe(5);
    expect(view.correctedToOriginal(0)).toBe(6);
    expect(view.correctedToOriginal(5)).toBe(4);
    // The enclosing span comes first.
    expect(view.entities.map((e) => e.id)).toEqual(['a', 'b']);
    expect(view.status).toBe('reviewed');
  });
});

describe('plain text exporters', () => {
  const sidecar = sidecarFor([], original.replace('己', '已'), []);

  it('writes the corrected text under the page path with its own line ending, and the original beside it', () => {
    const corrected = correctedTextExporter.exportPage(page(sidecar), context);
    expect(corrected).toEqual({ ok: true, files: [{ path: 'sub/p1.txt', content: `乙丙${EXT_B}已经\r\n甲\r\n\r\nab\r\ncd` }] });
    const diplomatic = originalTextExporter.exportPage(page(sidecar), context);
    expect(diplomatic).toEqual({ ok: true, files: [{ path: 'sub/p1.original.txt', content: `乙丙${EXT_B}己经\r\n甲\r\n\r\nab\r\ncd` }] });
  });

  it('reflows paragraphs on request: CJK lines join without a space, Latin lines with one', () => {
    const reflowed = correctedTextExporter.exportPage(page(sidecar, 'LF'), { ...context, options: { ...DEFAULT_EXPORT_OPTIONS, lineBreaks: 'paragraphs' } });
    expect(reflowed).toEqual({ ok: true, files: [{ path: 'sub/p1.txt', content: `乙丙${EXT_B}已经甲\n\nab cd` }] });
  });

  it('joins a line ending in an Extension B character to the next without a space, as CJK', () => {
    const page2: ExportPage = { ...page(null, 'LF'), originalText: `甲𠮷\nab\ncd𠮷\n乙` };
    const reflowed = correctedTextExporter.exportPage(page2, { ...context, options: { ...DEFAULT_EXPORT_OPTIONS, lineBreaks: 'paragraphs' } });
    expect(reflowed).toEqual({ ok: true, files: [{ path: 'sub/p1.txt', content: '甲𠮷ab cd𠮷乙' }] });
  });

  it('keeps the final line break when reflowing', () => {
    const ending = sidecarFor([], original.replace('己', '已'), []);
    const withBreak: ExportPage = { ...page(null, 'LF'), originalText: `${original}\n`, sidecar: { ...ending, text: `${ending.text}\n` } };
    const reflowed = correctedTextExporter.exportPage(withBreak, { ...context, options: { ...DEFAULT_EXPORT_OPTIONS, lineBreaks: 'paragraphs' } });
    expect(reflowed).toEqual({ ok: true, files: [{ path: 'sub/p1.txt', content: `乙丙${EXT_B}已经甲\n\nab cd\n` }] });
  });
});
