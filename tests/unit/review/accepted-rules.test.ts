import { describe, expect, it } from 'vitest';
import { redo, undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { recomputeCorrections } from '../../../renderer/editor/corrections-plugin';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, textFromDoc } from '../../../renderer/editor/text-doc';
import { acceptItem, acceptRule } from '../../../renderer/review/review-commands';
import { correctionsWithRules } from '../../../renderer/review/corrections-with-rules';
import { reviewItems, reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';
import type { Correction } from '../../../shared/model/sidecar-schema';
import type { OcrSuggestion, RuleId } from '../../../shared/ocr-assist/types';

const EXT_B = '𠮷';

function suggestion(start: number, end: number, replacement: string, rule: RuleId): OcrSuggestion {
  return { start, end, replacement, rule, confidence: 0.8, explanation: rule, safe: true };
}

function reviewed(original: string, suggestions: OcrSuggestion[], text = original, corrections?: Correction[]): EditorState {
  const state = createPageState({ originalText: original, text, ...(corrections && { corrections }) });
  return state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions } satisfies ReviewAction));
}

// What the editor hands to the save: corrections brought up to date, then labelled.
function saved(state: EditorState): Correction[] {
  const refresh = recomputeCorrections(state);
  return correctionsWithRules(refresh ? state.apply(refresh) : state);
}

function run(state: EditorState, tr: Transaction | null): EditorState {
  expect(tr).not.toBeNull();
  return state.apply(tr!);
}

function history(state: EditorState, command: typeof undo): EditorState {
  let next: EditorState | null = null;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next!;
}

describe('the rule of an accepted suggestion', () => {
  const page = `他${EXT_B}己经来了\n人民曰报 今天`;

  it('is named on the correction an accept made, and not on one the editor typed', () => {
    let state = reviewed(page, [suggestion(2, 3, '已', 'look-alike')]);
    state = run(state, acceptItem(state, reviewItems(state)[0]!.id));
    const at = cpToPmPos(state.doc, 9); // 曰
    state = state.apply(state.tr.insertText('日', at, at + 1));
    expect(saved(state)).toEqual([
      { start: 2, end: 3, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 9, end: 10, original: '曰', corrected: '日' },
    ]);
  });

  it('goes with an undo of the accept and comes back with its redo', () => {
    let state = reviewed(page, [suggestion(2, 3, '已', 'look-alike')]);
    state = run(state, acceptItem(state, reviewItems(state)[0]!.id));
    state = history(state, undo);
    expect(textFromDoc(state.doc)).toBe(page);
    expect(saved(state)).toEqual([]);
    // A redo brings the accept and its rule back.
    state = history(state, redo);
    expect(saved(state)).toEqual([{ start: 2, end: 3, original: '己', corrected: '已', rule: 'look-alike' }]);
  });

  it('stays on the correction when the editor types inside or next to the accepted change', () => {
    let state = reviewed(page, [suggestion(2, 3, '已', 'look-alike')]);
    state = run(state, acceptItem(state, reviewItems(state)[0]!.id));
    const after = cpToPmPos(state.doc, 3);
    state = state.apply(state.tr.insertText(EXT_B, after));
    expect(saved(state)).toEqual([{ start: 2, end: 3, original: '己', corrected: `已${EXT_B}`, rule: 'look-alike' }]);
  });

  it('names only the line breaks a reflow removed, not a fix typed inside the reflowed paragraph', () => {
    const wrapped = `标题\n核酸${EXT_B}检\n测工作\n完成。`;
    let state = reviewed(wrapped, [suggestion(3, 11, `核酸${EXT_B}检测工作`, 'reflow')]);
    state = run(state, acceptItem(state, reviewItems(state)[0]!.id));
    expect(textFromDoc(state.doc)).toBe(`标题\n核酸${EXT_B}检测工作\n完成。`);
    const at = cpToPmPos(state.doc, 8); // 工
    state = state.apply(state.tr.insertText('功', at, at + 1));
    expect(saved(state)).toEqual([
      { start: 7, end: 8, original: '\n', corrected: '', rule: 'reflow' },
      { start: 9, end: 10, original: '工', corrected: '功' },
    ]);
    // Undoing the typed fix and then the reflow leaves no correction and no rule.
    state = history(history(state, undo), undo);
    expect(textFromDoc(state.doc)).toBe(wrapped);
    expect(saved(state)).toEqual([]);
  });

  it('names every change of an accept-all, and one undo takes them back', () => {
    const spaced = `11 月 30 日\n第二行 文字`;
    const spaces = [...spaced].flatMap((char, i) => (char === ' ' ? [suggestion(i, i + 1, '', 'cjk-spacing')] : []));
    let state = reviewed(spaced, [...spaces, suggestion(0, 1, 'l', 'look-alike')]);
    state = run(state, acceptRule(state, 'cjk-spacing'));
    const corrections = saved(state);
    expect(corrections.map((c) => [c.start, c.original, c.corrected, c.rule])).toEqual([
      [2, ' ', '', 'cjk-spacing'],
      [4, ' ', '', 'cjk-spacing'],
      [7, ' ', '', 'cjk-spacing'],
      [13, ' ', '', 'cjk-spacing'],
    ]);
    state = history(state, undo);
    expect(saved(state)).toEqual([]);
  });

  it('places the changes of an accept-all that grow and shrink the text, across lines and Extension B characters', () => {
    const page = `${EXT_B}己 \n${EXT_B}己\n曰报`;
    let state = reviewed(page, [suggestion(1, 3, `已${EXT_B}`, 'look-alike'), suggestion(5, 6, '已', 'look-alike'), suggestion(7, 8, '日', 'look-alike')]);
    state = run(state, acceptRule(state, 'look-alike'));
    expect(textFromDoc(state.doc)).toBe(`${EXT_B}已${EXT_B}\n${EXT_B}已\n日报`);
    expect(saved(state)).toEqual([
      { start: 1, end: 3, original: '己 ', corrected: `已${EXT_B}`, rule: 'look-alike' },
      { start: 5, end: 6, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 7, end: 8, original: '曰', corrected: '日', rule: 'look-alike' },
    ]);
    // A fix typed right after an accepted change becomes one correction with it, which keeps the rule.
    const at = cpToPmPos(state.doc, 8);
    state = state.apply(state.tr.insertText('纸', at, at + 1));
    expect(saved(state)[2]).toEqual({ start: 7, end: 9, original: '曰报', corrected: '日纸', rule: 'look-alike' });
  });

  it('is kept from the sidecar when the page reopens, while the correction stays', () => {
    const corrected = `他${EXT_B}已经来了\n人民日报 今天`;
    const stored: Correction[] = [
      { start: 2, end: 3, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 9, end: 10, original: '曰', corrected: '日' },
    ];
    let state = reviewed(page, [], corrected, stored);
    expect(saved(state)).toEqual(stored);
    // An edit elsewhere re-diffs the page's lines; the rule survives it.
    state = state.apply(state.tr.insertText('，', cpToPmPos(state.doc, 1)));
    expect(saved(state)).toEqual([
      { start: 1, end: 1, original: '', corrected: '，' },
      { start: 2, end: 3, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 9, end: 10, original: '曰', corrected: '日' },
    ]);
    // Typing the OCR text back removes the correction, and its rule with it.
    const at = cpToPmPos(state.doc, 3);
    state = state.apply(state.tr.insertText('己', at, at + 1));
    expect(saved(state).some((c) => c.rule !== undefined)).toBe(false);
  });
});

describe('an undone accept', () => {
  it('does not lend its rule to a different fix the editor types there afterwards', () => {
    const page = `他${EXT_B}己经来了`;
    let state = reviewed(page, [suggestion(2, 3, '已', 'look-alike')]);
    state = run(state, acceptItem(state, reviewItems(state)[0]!.id));
    state = history(state, undo);
    const at = cpToPmPos(state.doc, 2);
    state = state.apply(state.tr.insertText('以', at, at + 1));
    expect(saved(state)).toEqual([{ start: 2, end: 3, original: '己', corrected: '以' }]);
  });
});
