import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, textFromDoc } from '../../../renderer/editor/text-doc';
import { acceptItem, acceptRule, focusItem, rejectItem, stepToItem, targetItem } from '../../../renderer/review/review-commands';
import { rejectionsForSave, reviewItems, reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';
import type { RejectedCorrection } from '../../../shared/model/sidecar-schema';
import { cpSlice } from '../../../shared/text/codepoints';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { OcrSuggestion, RuleId } from '../../../shared/ocr-assist/types';

const EXT_B = '𠮷';

function suggestion(text: string, start: number, end: number, replacement: string, rule: RuleId): OcrSuggestion {
  expect(end).toBeLessThanOrEqual([...text].length);
  return { start, end, replacement, rule, confidence: 0.8, explanation: `${rule} test`, safe: rule !== 'look-alike' };
}

/// A page state with the given suggestions delivered, as the refresher would after the page opened.
function reviewed(text: string, suggestions: OcrSuggestion[], rejected: RejectedCorrection[] = []): EditorState {
  const state = createPageState({ originalText: text, text, review: { rejected } });
  return state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions } satisfies ReviewAction));
}

function items(state: EditorState) {
  return reviewItems(state).map((item) => ({ rule: item.rule, text: state.doc.textBetween(item.from, item.to, '\n'), replacement: item.replacement }));
}

function run(state: EditorState, tr: Transaction | null): EditorState {
  expect(tr).not.toBeNull();
  return state.apply(tr!);
}

describe('the review plugin', () => {
  const text = `他${EXT_B}己经来了\n第二行 文字`;

  it('places suggestions by code point, after an Extension B character', () => {
    const state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 10, 11, '', 'cjk-spacing')]);
    expect(items(state)).toEqual([
      { rule: 'look-alike', text: '己', replacement: '已' },
      { rule: 'cjk-spacing', text: ' ', replacement: '' },
    ]);
  });

  it('keeps a suggestion in place when text is typed before it', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike')]);
    state = state.apply(state.tr.insertText(`${EXT_B}说`, 1));
    expect(items(state)).toEqual([{ rule: 'look-alike', text: '己', replacement: '已' }]);
    expect(reviewKey.getState(state)!.version).toBe(1);
  });

  it('drops a suggestion whose text the editor changed, but not one that an edit next to it left alone', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 3, 4, '红', 'look-alike')]);
    const at = cpToPmPos(state.doc, 2);
    state = state.apply(state.tr.insertText('以', at, at + 1));
    expect(items(state)).toEqual([{ rule: 'look-alike', text: '经', replacement: '红' }]);
  });

  it('ignores suggestions computed on a text that has changed since', () => {
    const state = createPageState({ originalText: text, text });
    const old = state.doc;
    const typed = state.apply(state.tr.insertText('新', 1));
    const after = typed.apply(typed.tr.setMeta(reviewKey, { type: 'set', doc: old, suggestions: [suggestion(text, 2, 3, '已', 'look-alike')] } satisfies ReviewAction));
    expect(items(after)).toEqual([]);
    expect(reviewKey.getState(after)!.loaded).toBe(false);
  });

  it('accepts one suggestion as an undoable edit and moves on to the next', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 10, 11, '', 'cjk-spacing')]);
    const first = reviewItems(state)[0]!;
    state = run(state, acceptItem(state, first.id));
    expect(textFromDoc(state.doc)).toBe(`他${EXT_B}已经来了\n第二行 文字`);
    expect(items(state)).toEqual([{ rule: 'cjk-spacing', text: ' ', replacement: '' }]);
    expect(targetItem(state)?.rule).toBe('cjk-spacing');
    let undone: EditorState | null = null;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(textFromDoc(undone!.doc)).toBe(text);
  });

  it('accepts a reflow by removing only the line breaks, so a suggestion inside the block stays', () => {
    const page = `标题\n核酸检\n\n测 工作\n完成。`;
    // Lines 1–3 (核酸检 … 测 工作) form one wrapped paragraph; the space is a separate spacing suggestion.
    const start = 3;
    const end = [...page].length - 4;
    let state = reviewed(page, [suggestion(page, start, end, '核酸检测 工作', 'reflow'), suggestion(page, 9, 10, '', 'cjk-spacing')]);
    const reflow = reviewItems(state).find((item) => item.rule === 'reflow')!;
    state = run(state, acceptItem(state, reflow.id));
    expect(textFromDoc(state.doc)).toBe(`标题\n核酸检测 工作\n完成。`);
    expect(items(state)).toEqual([{ rule: 'cjk-spacing', text: ' ', replacement: '' }]);
  });

  it('accepts a reflow the engine proposes on a column-wrapped page, giving its replacement', () => {
    const page = '本报讯\n\n一群众来朔城公安分局沙塄河派出所报警称，其\n儿子从家里出门后至今未归。值班民警接到求\n助后，立刻组织警力仔细寻找。\n\n记者 王明';
    const reflow = suggestCorrections(page, { rules: ['reflow'] });
    expect(reflow.length).toBeGreaterThan(0);
    let state = reviewed(page, reflow);
    const expected = cpSlice(page, 0, reflow[0]!.start) + reflow[0]!.replacement + cpSlice(page, reflow[0]!.end);
    state = run(state, acceptItem(state, reviewItems(state)[0]!.id));
    expect(textFromDoc(state.doc)).toBe(expected);
  });

  it('accepts all suggestions of a rule in one step that one undo takes back', () => {
    const page = `11 月 30 日\n第二行 ,文字 ,`;
    const spaces = [...page].flatMap((char, i) => (char === ' ' ? [suggestion(page, i, i + 1, '', 'cjk-spacing')] : []));
    let state = reviewed(page, [...spaces, suggestion(page, 14, 15, '，', 'punctuation-width')]);
    state = state.apply(state.tr.insertText('X', 2)); // a separate earlier edit
    state = run(state, acceptRule(state, 'cjk-spacing'));
    expect(textFromDoc(state.doc)).toBe(`1X1月30日\n第二行,文字,`);
    expect(items(state).map((item) => item.rule)).toEqual(['punctuation-width']);
    let undone: EditorState | null = null;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(textFromDoc(undone!.doc)).toBe(`1X1 月 30 日\n第二行 ,文字 ,`);
  });

  it('remembers a rejection through edits and gives it in code points on the current text', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike')]);
    const item = reviewItems(state)[0]!;
    state = run(state, rejectItem(state, item.id));
    expect(items(state)).toEqual([]);
    state = state.apply(state.tr.insertText(EXT_B, 1));
    expect(rejectionsForSave(state)).toEqual([{ rule: 'look-alike', start: 3, end: 4, text: '己', replacement: '已' }]);
  });

  it('does not suggest a rejected suggestion again after the page is reopened', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike')]);
    state = run(state, rejectItem(state, reviewItems(state)[0]!.id));
    const saved = rejectionsForSave(state);
    const reopened = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 3, 4, '红', 'look-alike')], saved);
    expect(items(reopened)).toEqual([{ rule: 'look-alike', text: '经', replacement: '红' }]);
    expect(rejectionsForSave(reopened)).toEqual(saved);
  });

  it('forgets a rejection once the text it was about changes', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike')]);
    state = run(state, rejectItem(state, reviewItems(state)[0]!.id));
    const at = cpToPmPos(state.doc, 2);
    state = state.apply(state.tr.insertText('以', at, at + 1));
    expect(rejectionsForSave(state)).toEqual([]);
  });

  it('steps through suggestions in text order, wrapping around, and selects the current one', () => {
    let state = reviewed(text, [suggestion(text, 10, 11, '', 'cjk-spacing'), suggestion(text, 2, 3, '已', 'look-alike')]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    state = run(state, stepToItem(state, 1));
    expect(targetItem(state)?.rule).toBe('look-alike');
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe('己');
    state = run(state, stepToItem(state, 1));
    expect(targetItem(state)?.rule).toBe('cjk-spacing');
    state = run(state, stepToItem(state, 1));
    expect(targetItem(state)?.rule).toBe('look-alike');
    state = run(state, stepToItem(state, -1));
    expect(targetItem(state)?.rule).toBe('cjk-spacing');
    const firstId = reviewItems(state)[0]!.id;
    state = run(state, focusItem(state, firstId));
    expect(reviewKey.getState(state)!.currentId).toBe(firstId);
  });

  it('decorates the suggestions that arrive and only those, after a refresh too', () => {
    const decorated = (state: EditorState) =>
      reviewKey
        .getState(state)!
        .decorations.find()
        .map((d) => state.doc.textBetween(d.from, d.to, '\n'))
        .sort();
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 3, 4, '红', 'look-alike')]);
    expect(decorated(state)).toEqual(['己', '经']);
    state = state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions: [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 10, 11, '', 'cjk-spacing')] } satisfies ReviewAction));
    expect(decorated(state)).toEqual([' ', '己']);
  });

  it('marks every line of a layout repair, a blank line with a widget', () => {
    const page = `标题\n核酸检\n\n测工作\n完成。`;
    const state = reviewed(page, [suggestion(page, 3, 11, '核酸检测工作', 'reflow')]);
    const decorations = reviewKey.getState(state)!.decorations.find();
    expect(decorations.map((d) => state.doc.textBetween(d.from, d.to))).toEqual(['核酸检', '', '测工作']);
    expect(decorations.map((d) => (d as unknown as { type: { attrs?: { class: string } } }).type.attrs?.class ?? 'widget')).toEqual([
      'sugg sugg-layout sugg-rule-reflow',
      'widget',
      'sugg sugg-layout sugg-rule-reflow',
    ]);
  });

  it('keeps the ids of unchanged suggestions when new ones arrive', () => {
    let state = reviewed(text, [suggestion(text, 2, 3, '已', 'look-alike')]);
    const id = reviewItems(state)[0]!.id;
    state = state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions: [suggestion(text, 2, 3, '已', 'look-alike'), suggestion(text, 10, 11, '', 'cjk-spacing')] } satisfies ReviewAction));
    expect(reviewItems(state).map((item) => item.id)).toContain(id);
    expect(reviewItems(state)).toHaveLength(2);
  });
});
