import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import { Slice } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { Step, Transform } from 'prosemirror-transform';
import { createPageState } from '../../../renderer/editor/page-state';
import { editorSchema } from '../../../renderer/editor/schema';
import { cpToPmPos, docFromText, sliceFromText, textFromDoc } from '../../../renderer/editor/text-doc';
import { manyRangesMapper } from '../../../renderer/review/many-steps';
import { ReplaceEachStep, type ReplacePart } from '../../../renderer/review/replace-each-step';
import { acceptRule } from '../../../renderer/review/review-commands';
import { reviewItems, reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';

const TEXT = '𠮷田 记者\n报道 ,核酸检\n\n测 工作𠮷';

// Replacements on TEXT in code points: a space removed, a comma widened, a line break removed (a reflow across
// a blank line), an insertion, and an Extension B character replaced.
const EDITS: [number, number, string][] = [
  [2, 3, ''],
  [9, 10, '，'],
  [13, 15, ''],
  [17, 17, '在'],
  [19, 20, '吉'],
];

function partsOn(doc: ReturnType<typeof docFromText>): ReplacePart[] {
  return EDITS.map(([start, end, text]) => ({ from: cpToPmPos(doc, start), to: cpToPmPos(doc, end), slice: text === '' ? Slice.empty : sliceFromText(text) }));
}

// The same edit as ReplaceSteps, from the last place to the first.
function oneStepEach(doc: ReturnType<typeof docFromText>, parts: readonly ReplacePart[]): Transform {
  const tr = new Transform(doc);
  for (let i = parts.length - 1; i >= 0; i--) tr.replace(parts[i]!.from, parts[i]!.to, parts[i]!.slice);
  return tr;
}

describe('ReplaceEachStep', () => {
  it('makes the same document and maps every position as one ReplaceStep per part', () => {
    const doc = docFromText(TEXT);
    const parts = partsOn(doc);
    const separate = oneStepEach(doc, parts);
    const together = new Transform(doc).step(new ReplaceEachStep(parts));
    expect(textFromDoc(together.doc)).toBe('𠮷田记者\n报道 ，核酸检测 在工作吉');
    expect(together.doc.eq(separate.doc)).toBe(true);
    const one = manyRangesMapper(together.mapping)!;
    const many = manyRangesMapper(separate.mapping)!;
    for (let pos = 0; pos <= doc.content.size; pos++) {
      for (const assoc of [-1, 1]) {
        const expected = separate.mapping.map(pos, assoc);
        expect(together.mapping.map(pos, assoc)).toBe(expected);
        expect(one.map(pos, assoc)).toBe(expected);
        expect(many.map(pos, assoc)).toBe(expected);
      }
    }
  });

  it('rebuilds only the changed lines when no part crosses a line break, and inverts to the original', () => {
    const doc = docFromText('甲 乙 丙\n不变的行\n丁 戊');
    const parts = [1, 3, 12].map((cp) => ({ from: cpToPmPos(doc, cp), to: cpToPmPos(doc, cp + 1), slice: Slice.empty }));
    const tr = new Transform(doc).step(new ReplaceEachStep(parts));
    expect(textFromDoc(tr.doc)).toBe('甲乙丙\n不变的行\n丁戊');
    expect(tr.doc.child(1)).toBe(doc.child(1));
    const back = new Transform(tr.doc).step(tr.steps[0]!.invert(doc));
    expect(back.doc.eq(doc)).toBe(true);
  });

  it('survives a JSON round trip', () => {
    const doc = docFromText(TEXT);
    const step = new ReplaceEachStep(partsOn(doc));
    const again = Step.fromJSON(editorSchema, step.toJSON());
    expect(again).toBeInstanceOf(ReplaceEachStep);
    expect(new Transform(doc).step(again).doc.eq(new Transform(doc).step(step).doc)).toBe(true);
  });
});

describe('accept all on a page of thousands of suggestions', () => {
  it('removes 3,000 spaces in one undoable step, keeping the other rule’s suggestions in place', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `第${i}行 𠮷 党 员,`);
    const text = lines.join('\n');
    const suggestions: OcrSuggestion[] = [];
    let cp = 0;
    for (const line of lines) {
      [...line].forEach((char, k) => {
        if (char === ' ') suggestions.push({ start: cp + k, end: cp + k + 1, replacement: '', rule: 'cjk-spacing', confidence: 0.9, explanation: 'space', safe: true });
        if (char === ',') suggestions.push({ start: cp + k, end: cp + k + 1, replacement: '，', rule: 'punctuation-width', confidence: 0.9, explanation: 'comma', safe: true });
      });
      cp += [...line].length + 1;
    }
    const opened = createPageState({ originalText: text, text, review: { rejected: [] } });
    let state: EditorState = opened.apply(opened.tr.setMeta(reviewKey, { type: 'set', doc: opened.doc, suggestions } satisfies ReviewAction));
    state = state.apply(acceptRule(state, 'cjk-spacing')!);
    expect(textFromDoc(state.doc)).toBe(text.replace(/ /g, ''));
    const left = reviewItems(state);
    expect(left).toHaveLength(1000);
    expect(left.every((item) => item.rule === 'punctuation-width' && state.doc.textBetween(item.from, item.to) === ',')).toBe(true);
    let undone: EditorState | null = null;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(textFromDoc(undone!.doc)).toBe(text);
  });
});
