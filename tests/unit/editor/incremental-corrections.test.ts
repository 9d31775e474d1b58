import { describe, expect, it } from 'vitest';
import type { Node as PmNode } from 'prosemirror-model';
import { correctionsKey } from '../../../renderer/editor/corrections-plugin';
import { checkedCorrections, correctionsOf, indexOriginal, updateCorrections } from '../../../renderer/editor/incremental-corrections';
import { createPageState } from '../../../renderer/editor/page-state';
import { textFromDoc } from '../../../renderer/editor/text-doc';
import { random, randomEdit } from './random-edits';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';

const EXT_B = '𠮷';

function checkValid(original: string, doc: PmNode, corrections: Correction[]) {
  const applied = applyCorrections(original, corrections);
  expect(applied).toEqual({ ok: true, value: textFromDoc(doc) });
  for (let i = 1; i < corrections.length; i++) expect(corrections[i]!.start).toBeGreaterThanOrEqual(corrections[i - 1]!.end);
}

describe('updateCorrections', () => {
  const original = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? '' : `第${i}行${EXT_B}报纸己经印好${'文字'.repeat(i % 5)}`)).join('\n');

  it('produces corrections that turn the original into the edited text after each of many random edits', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const indexed = indexOriginal(original);
      let state = createPageState({ originalText: original, text: original });
      let prevDoc = state.doc;
      let corrections = correctionsOf(indexed, prevDoc);
      for (let step = 0; step < 60; step++) {
        state = randomEdit(state, next);
        corrections = updateCorrections(indexed, prevDoc, corrections, state.doc);
        prevDoc = state.doc;
        checkValid(original, state.doc, corrections);
      }
    }
  });

  it('finds the same single correction as a whole-page diff when one character is replaced', () => {
    const indexed = indexOriginal(original);
    const state = createPageState({ originalText: original, text: original });
    const edited = state.apply(state.tr.insertText('已', 12, 13));
    const incremental = updateCorrections(indexed, state.doc, [], edited.doc);
    expect(incremental).toEqual(computeCorrections(original, textFromDoc(edited.doc)));
    expect(incremental).toHaveLength(1);
  });

  it('returns the previous corrections unchanged when no line changed', () => {
    const indexed = indexOriginal(original);
    const state = createPageState({ originalText: original, text: original.replace('己', '已') });
    const before = correctionsOf(indexed, state.doc);
    expect(updateCorrections(indexed, state.doc, before, state.doc)).toEqual(before);
  });

  it('re-diffs only a few lines of a 200,000-character page', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `第${i}行${'新闻报道'.repeat(32)}`);
    const originalPage = lines.join('\n');
    const corrected = lines.map((line, i) => (i % 5 === 0 ? line.replace('报', '报' + EXT_B) : line)).join('\n');
    const indexed = indexOriginal(originalPage);
    const state = createPageState({ originalText: originalPage, text: corrected });
    const before = correctionsOf(indexed, state.doc);
    const middle = Math.floor(state.doc.content.size / 2);
    const typed = state.apply(state.tr.insertText('字', middle));
    const after = updateCorrections(indexed, state.doc, before, typed.doc);
    expect(after).toHaveLength(301);
    checkValid(originalPage, typed.doc, after);
    // Timed against a whole-page diff on the same machine at the same moment (best of three each), since the
    // test machine is shared and absolute times vary.
    const best = (run: () => void) => Math.min(...[0, 1, 2].map(() => { const t = performance.now(); run(); return performance.now() - t; }));
    const incremental = best(() => updateCorrections(indexed, state.doc, before, typed.doc));
    const whole = best(() => correctionsOf(indexed, typed.doc));
    expect(incremental * 5).toBeLessThan(whole);
  });
});

describe('checkedCorrections', () => {
  const original = `甲${EXT_B}乙\n丙丁戊\n己`;
  const corrected = `甲${EXT_B}已\n丙戊\n己庚`;
  const state = createPageState({ originalText: original, text: corrected });

  it('accepts corrections that turn the original into the text, even split differently from a diff', () => {
    const split: Correction[] = [
      { start: 2, end: 3, original: '乙', corrected: '已' },
      { start: 5, end: 6, original: '丁', corrected: '' },
      { start: 9, end: 9, original: '', corrected: '庚' },
    ];
    expect(checkedCorrections(indexOriginal(original), state.doc, split)).toEqual(split);
  });

  it('refuses corrections whose original text does not match the page', () => {
    const wrong: Correction[] = [{ start: 2, end: 3, original: '丙', corrected: '已' }];
    expect(checkedCorrections(indexOriginal(original), state.doc, wrong)).toBeNull();
  });

  it('refuses corrections that do not produce the text', () => {
    expect(checkedCorrections(indexOriginal(original), state.doc, [])).toBeNull();
    const partial: Correction[] = [{ start: 2, end: 3, original: '乙', corrected: '已' }];
    expect(checkedCorrections(indexOriginal(original), state.doc, partial)).toBeNull();
  });

  it('refuses overlapping or out-of-range corrections', () => {
    const outside: Correction[] = [{ start: 9, end: 12, original: '', corrected: '' }];
    expect(checkedCorrections(indexOriginal(original), state.doc, outside)).toBeNull();
  });

  it('makes the plugin use known corrections as they are when they fit the text', () => {
    const split: Correction[] = [
      { start: 2, end: 3, original: '乙', corrected: '' },
      { start: 3, end: 3, original: '', corrected: '已' },
      { start: 5, end: 6, original: '丁', corrected: '' },
      { start: 9, end: 9, original: '', corrected: '庚' },
    ];
    const withKnown = createPageState({ originalText: original, text: corrected, corrections: split });
    expect(correctionsKey.getState(withKnown)!.corrections).toEqual(split);
    const withWrong = createPageState({ originalText: original, text: corrected, corrections: split.slice(1) });
    expect(correctionsKey.getState(withWrong)!.corrections).toEqual(computeCorrections(original, corrected));
  });
});
