// Issue 12 item 2: after a reading-order repair and the joins of its wrapped lines, the record holds moves and
// line-break corrections only, the highlights mark only real changes and every line links to the lines its text
// came from. Driven on the real sample page, through the editor state and the main process's suggestions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { redo, undo } from 'prosemirror-history';
import type { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { suggestForText } from '../../../electron/services/ocr/suggest-for-text';
import { readPageSourceAtPath } from '../../../electron/services/page/page-source';
import { correctionsKey, recomputeCorrections, type CorrectionDecorationSpec } from '../../../renderer/editor/corrections-plugin';
import { createPageState } from '../../../renderer/editor/page-state';
import { movesOf } from '../../../renderer/editor/schema';
import { textFromDoc } from '../../../renderer/editor/text-doc';
import { correctionsWithRules } from '../../../renderer/review/corrections-with-rules';
import { acceptItem, acceptRule } from '../../../renderer/review/review-commands';
import { reviewItems, reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import { arrangeText, movesFromRanges } from '../../../shared/model/moves';
import { spansOf } from '../../../renderer/entities/spans-io';

const scans = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/samples/scans');
const PAGE = 'pharmacy-supply.txt';

async function withSuggestions(state: EditorState): Promise<EditorState> {
  const moves = movesOf(state.doc);
  const result = await suggestForText(scans, { path: PAGE, text: textFromDoc(state.doc), ...(moves.length > 0 && { moves: [...moves] }) });
  if (!result.ok) throw new Error(result.error.message);
  return state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions: result.value } satisfies ReviewAction));
}

function upToDate(state: EditorState): EditorState {
  const refresh = recomputeCorrections(state);
  return refresh ? state.apply(refresh) : state;
}

const visible = (text: string) => text.replace(/\s/g, '');

describe('a reading-order repair followed by the joins of its lines', () => {
  it('is recorded as moves and line-break corrections, highlighted and linked by where each character came from', async () => {
    const source = await readPageSourceAtPath(path.join(scans, PAGE), PAGE);
    if (!source.ok) throw new Error(source.error.message);
    const original = source.value.originalText;
    let state = await withSuggestions(createPageState({ originalText: original, text: original }));
    const repair = reviewItems(state).find((item) => item.rule === 'reading-order');
    expect(repair?.moves?.length).toBeGreaterThan(0);
    state = upToDate(state.apply(acceptItem(state, repair!.id)!));
    // The text is the original in the scan's reading order: moved, not rewritten.
    expect(movesOf(state.doc).length).toBeGreaterThan(0);
    expect(correctionsKey.getState(state)!.corrections).toEqual([]);
    const afterRepair = textFromDoc(state.doc);
    // Undo and redo of the repair bring the moves back with the text.
    const repaired = movesOf(state.doc);
    undo(state, (tr) => (state = state.apply(tr)));
    expect(movesOf(upToDate(state).doc)).toEqual([]);
    redo(state, (tr) => (state = state.apply(tr)));
    state = upToDate(state);
    expect(textFromDoc(state.doc)).toBe(afterRepair);
    expect(movesOf(state.doc)).toEqual(repaired);
    expect(correctionsKey.getState(state)!.corrections).toEqual([]);

    state = await withSuggestions(state);
    const reflows = reviewItems(state).filter((item) => item.rule === 'reflow').length;
    expect(reflows).toBeGreaterThanOrEqual(2);
    state = upToDate(state.apply(acceptRule(state, 'reflow')!));
    const text = textFromDoc(state.doc);
    expect(text).not.toBe(afterRepair);

    const moves = movesOf(state.doc);
    const corrections = correctionsWithRules(state);
    const arranged = arrangeText(original, moves);
    expect(arranged.ok && applyCorrections(arranged.value, corrections)).toEqual({ ok: true, value: text });
    // Only line breaks changed; the old record of the same text, a diff against the unmoved original, marked the
    // moved text as written anew (the meaningless substitutions of the report).
    for (const c of corrections) expect({ original: visible(c.original), corrected: visible(c.corrected) }).toEqual({ original: '', corrected: '' });
    expect(corrections.every((c) => c.rule === 'reflow')).toBe(true);
    const unmoved = computeCorrections(original, text);
    expect(unmoved.reduce((sum, c) => sum + visible(c.corrected).length, 0)).toBeGreaterThan(40);

    // No visible character is highlighted: only markers where line breaks went.
    const decorations = correctionsKey.getState(state)!.decorations.find();
    expect(decorations.length).toBe(corrections.length);
    for (const d of decorations) expect(['deleted', 'inserted-break']).toContain((d.spec as CorrectionDecorationSpec).kind);

    // Each line links to the original lines it is made of: each of them stands whole in it, and together they
    // are all of it.
    const originalLines = original.split('\n');
    const origins = computeLineOrigins(original, text, corrections, moves);
    text.split('\n').forEach((line, i) => {
      for (const n of origins[i]!) expect(visible(line)).toContain(visible(originalLines[n]!));
      expect(origins[i]!.reduce((sum, n) => sum + visible(originalLines[n]!).length, 0)).toBe(visible(line).length);
    });

    // Undo takes the joins back, then the repair: the original, with nothing recorded.
    let undone = state;
    undo(undone, (tr) => (undone = undone.apply(tr)));
    expect(textFromDoc(undone.doc)).toBe(afterRepair);
    undo(undone, (tr) => (undone = undone.apply(tr)));
    undone = upToDate(undone);
    expect(textFromDoc(undone.doc)).toBe(original);
    expect(movesOf(undone.doc)).toEqual([]);
    expect(correctionsKey.getState(undone)!.corrections).toEqual([]);
  }, 60_000);
});

describe('accepting a block move', () => {
  it('keeps the entity tags of the moved text on it, and records no correction', () => {
    const original = `右栏𠮷甲\n\n左栏乙`;
    let state = createPageState({ originalText: original, text: original, entities: [{ id: 'e1', start: 2, end: 4, type: 'PER', text: '𠮷甲' }] });
    // "左栏乙" goes before "右栏𠮷甲"; the blank line between them stays.
    const ranges = [{ from: 6, to: 9 }, { from: 4, to: 6 }, { from: 0, to: 4 }];
    const suggestion = { start: 0, end: 9, replacement: `左栏乙\n\n右栏𠮷甲`, rule: 'reading-order' as const, confidence: 0.7, explanation: 'order', safe: false, moves: movesFromRanges(ranges) };
    state = state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions: [suggestion] } satisfies ReviewAction));
    state = upToDate(state.apply(acceptItem(state, reviewItems(state)[0]!.id)!));
    expect(textFromDoc(state.doc)).toBe(`左栏乙\n\n右栏𠮷甲`);
    expect(spansOf(state.doc)).toEqual([{ id: 'e1', start: 7, end: 9, type: 'PER', text: '𠮷甲' }]);
    expect(correctionsKey.getState(state)!.corrections).toEqual([]);
    expect(arrangeText(original, movesOf(state.doc))).toEqual({ ok: true, value: `左栏乙\n\n右栏𠮷甲` });
  });
});
