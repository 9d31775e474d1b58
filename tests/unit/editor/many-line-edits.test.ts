import { describe, expect, it } from 'vitest';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { correctionsKey, decorationsFor, recomputeCorrections } from '../../../renderer/editor/corrections-plugin';
import { lineByLineSet } from '../../../renderer/editor/line-decorations';
import { createPageState } from '../../../renderer/editor/page-state';
import { docFromText, textFromDoc } from '../../../renderer/editor/text-doc';
import { acceptRule } from '../../../renderer/review/review-commands';
import { reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';

const EXT_B = '𠮷';
const lines = Array.from({ length: 600 }, (_, i) => `第${i}行${EXT_B}党 员年龄${i % 3 === 0 ? '' : ' '}的人`);
const page = lines.join('\n');

describe('corrections of a page whose lines were edited in place', () => {
  it('are found line by line, one per edit, with code-point offsets', () => {
    const corrected = page.replace(/ /g, '');
    const corrections = computeCorrections(page, corrected);
    expect(corrections).toHaveLength([...page].filter((c) => c === ' ').length);
    expect(corrections[0]).toEqual({ start: 5, end: 6, original: ' ', corrected: '' });
    expect(applyCorrections(page, corrections)).toEqual({ ok: true, value: corrected });
  });

  it('fall back to the line diff when lines moved (one removed at the top, one added at the end)', () => {
    const moved = [...lines.slice(1), '新的一行'].join('\n');
    const corrections = computeCorrections(page, moved);
    expect(corrections.map((c) => [c.original === '' ? 'insert' : 'delete', c.corrected === '' ? c.original : c.corrected])).toEqual([
      ['delete', `${lines[0]}\n`],
      ['insert', '\n新的一行'],
    ]);
  });
});

describe('lineByLineSet', () => {
  it('gives the decorations DecorationSet.create gives, and falls back for one that crosses lines', () => {
    const doc = docFromText('甲乙丙\n丁戊\n己庚辛');
    const inside = [Decoration.inline(1, 3, { class: 'a' }), Decoration.widget(4, () => document.createElement('span')), Decoration.inline(10, 12, { class: 'b' })];
    const shape = (set: DecorationSet) => set.find().map((d) => `${d.from}-${d.to}`).sort();
    // Copies for DecorationSet.create: it empties the array it is given.
    expect(shape(lineByLineSet(doc, inside))).toEqual(shape(DecorationSet.create(doc, [...inside])));
    const crossing = [...inside, Decoration.inline(2, 7, { class: 'c' })];
    expect(shape(lineByLineSet(doc, crossing))).toEqual(shape(DecorationSet.create(doc, [...crossing])));
  });
});

describe('the corrections plugin after an accept-all', () => {
  it('drops its highlights and builds them all again at the idle recompute, one per accepted change', () => {
    const suggestions: OcrSuggestion[] = [];
    let cp = 0;
    for (const line of lines) {
      [...line].forEach((char, k) => {
        if (char === ' ') suggestions.push({ start: cp + k, end: cp + k + 1, replacement: '', rule: 'cjk-spacing', confidence: 0.9, explanation: 'space', safe: true });
      });
      cp += [...line].length + 1;
    }
    const opened = createPageState({ originalText: page, text: page, review: { rejected: [] } });
    let state = opened.apply(opened.tr.setMeta(reviewKey, { type: 'set', doc: opened.doc, suggestions } satisfies ReviewAction));
    state = state.apply(acceptRule(state, 'cjk-spacing')!);
    // The accept itself drops the highlights; the idle recompute builds them all again.
    expect(correctionsKey.getState(state)).toMatchObject({ stale: true, rebuild: true });
    expect(correctionsKey.getState(state)!.decorations.find()).toHaveLength(0);
    state = state.apply(recomputeCorrections(state)!);
    const value = correctionsKey.getState(state)!;
    expect(value.stale).toBe(false);
    expect(value.corrections).toHaveLength(suggestions.length);
    expect(applyCorrections(page, value.corrections)).toEqual({ ok: true, value: textFromDoc(state.doc) });
    const shape = (set: DecorationSet) => set.find().map((d) => `${d.from}-${d.to}`).sort();
    expect(shape(value.decorations)).toEqual(shape(decorationsFor(state.doc, value.corrections)));
    expect(shape(value.decorations)).toHaveLength(suggestions.length);
  });
});
