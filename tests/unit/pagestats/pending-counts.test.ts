import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { computeCorrections } from '../../../shared/model/corrections';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';
import { createPageState } from '../../../renderer/editor/page-state';
import { pageFigures } from '../../../renderer/pagestats/page-figures';
import { pendingCounts } from '../../../renderer/pagestats/pending-counts';
import { reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';

const EXT_B = '𠮷';
const ORIGINAL = `${EXT_B}己经来了`;
// 𠮷 and 己 unsure, 来 sure: with the default threshold 0.8, two characters are underlined.
const MARKS = [
  { offset: 0, confidence: 0.2 },
  { offset: 1, confidence: 0.3 },
  { offset: 3, confidence: 0.95 },
];
const CHECK_JI: OcrSuggestion = { start: 1, end: 2, replacement: '已', rule: 'low-confidence', confidence: 0.7, explanation: '', safe: false };

function opened(text: string, rejected: { start: number; end: number; text: string; replacement: string }[] = []): EditorState {
  return createPageState({
    originalText: ORIGINAL,
    text,
    corrections: computeCorrections(ORIGINAL, text),
    confidenceMarks: MARKS,
    confidenceThreshold: 0.8,
    review: { rejected: rejected.map((r) => ({ rule: 'low-confidence', ...r })) },
  });
}

function withSuggestions(state: EditorState, suggestions: OcrSuggestion[]): EditorState {
  return state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions } satisfies ReviewAction));
}

describe('pendingCounts', () => {
  it('is not known until the page\'s OCR suggestions have come', () => {
    expect(pendingCounts(opened(ORIGINAL))).toBeNull();
  });

  it('counts underlined characters (Extension B as one), the review items, and no entity suggestions without any', () => {
    expect(pendingCounts(withSuggestions(opened(ORIGINAL), [CHECK_JI]))).toEqual({ lowConfidence: 2, ocrSuggestions: 1, entitySuggestions: 0 });
  });

  it('leaves out a character the editor corrected, and one inside a rejected suggestion ("this is right")', () => {
    expect(pendingCounts(withSuggestions(opened(`吉己经来了`), []))).toEqual({ lowConfidence: 1, ocrSuggestions: 0, entitySuggestions: 0 });
    const rejected = opened(`吉己经来了`, [{ start: 1, end: 2, text: '己', replacement: '已' }]);
    expect(pendingCounts(withSuggestions(rejected, [CHECK_JI]))).toEqual({ lowConfidence: 0, ocrSuggestions: 0, entitySuggestions: 0 });
  });
});

describe('pageFigures', () => {
  it('counts corrections by hand and by rule and entities by type as the corpus index does', () => {
    const state = withSuggestions(opened(ORIGINAL), []);
    const figures = pageFigures(
      [
        { start: 0, end: 1, original: EXT_B, corrected: '吉' },
        { start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' },
      ],
      [
        { id: 'a', start: 0, end: 1, type: 'PER', text: EXT_B },
        { id: 'b', start: 3, end: 4, type: 'LOC', text: '来' },
        { id: 'c', start: 4, end: 5, type: 'LOC', text: '了' },
      ],
      state,
    );
    expect(figures).toEqual({ hand: 1, rule: 1, entities: [{ type: 'LOC', count: 2 }, { type: 'PER', count: 1 }], pending: { lowConfidence: 2, ocrSuggestions: 0, entitySuggestions: 0 }, hasConfidences: true });
    expect(pageFigures([], [], null)).toMatchObject({ pending: null, hasConfidences: false });
  });
});
