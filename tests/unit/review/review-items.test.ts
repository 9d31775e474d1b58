import { describe, expect, it } from 'vitest';
import { disjointItems, groupByRule, isRejected, itemAt, ruleKind, stepItem, type ReviewItem } from '../../../renderer/review/review-items';
import type { RuleId } from '../../../shared/ocr-assist/types';

let nextId = 1;
function item(from: number, to: number, rule: RuleId, text = 'x', replacement = 'y'): ReviewItem {
  return { id: nextId++, from, to, rule, text, replacement, confidence: 0.5, explanation: '' };
}

describe('review items', () => {
  it('groups suggestions by rule in the engine order, each group in text order', () => {
    const list = [item(9, 10, 'look-alike'), item(1, 5, 'reflow'), item(3, 4, 'look-alike'), item(2, 3, 'cjk-spacing')];
    const groups = groupByRule(list);
    expect(groups.map((g) => [g.rule, g.items.map((i) => i.from)])).toEqual([
      ['reflow', [1]],
      ['cjk-spacing', [2]],
      ['look-alike', [3, 9]],
    ]);
  });

  it('names the kind of each rule', () => {
    expect(ruleKind('reflow')).toBe('layout');
    expect(ruleKind('vertical-headline')).toBe('layout');
    expect(ruleKind('punctuation-width')).toBe('typography');
    expect(ruleKind('traditional')).toBe('character');
    expect(ruleKind('low-confidence')).toBe('character');
  });

  it('matches a rejection only on the same rule, place, text and replacement', () => {
    const rejection = { from: 3, to: 4, rule: 'look-alike', text: '己', replacement: '已' };
    expect(isRejected({ from: 3, to: 4, rule: 'look-alike', text: '己', replacement: '已' }, [rejection])).toBe(true);
    expect(isRejected({ from: 3, to: 4, rule: 'look-alike', text: '己', replacement: '巳' }, [rejection])).toBe(false);
    expect(isRejected({ from: 3, to: 4, rule: 'low-confidence', text: '己', replacement: '已' }, [rejection])).toBe(false);
    expect(isRejected({ from: 5, to: 6, rule: 'look-alike', text: '己', replacement: '已' }, [rejection])).toBe(false);
    expect(isRejected({ from: 3, to: 4, rule: 'look-alike', text: '已', replacement: '已' }, [rejection])).toBe(false);
  });

  it('steps forward and back from a position, wrapping around', () => {
    const list = [item(2, 3, 'look-alike'), item(5, 6, 'look-alike'), item(8, 9, 'look-alike')];
    expect(stepItem(list, 0, 1)?.from).toBe(2);
    expect(stepItem(list, 2, 1)?.from).toBe(2);
    expect(stepItem(list, 3, 1)?.from).toBe(5);
    expect(stepItem(list, 9, 1)?.from).toBe(2);
    expect(stepItem(list, 5, -1)?.from).toBe(2);
    expect(stepItem(list, 1, -1)?.from).toBe(8);
    expect(stepItem(list, 0, 1, list[1]!.id)?.from).toBe(8);
    expect(stepItem(list, 0, -1, list[0]!.id)?.from).toBe(8);
    expect(stepItem([], 0, 1)).toBeNull();
  });

  it('finds the item under the caret', () => {
    const list = [item(2, 3, 'look-alike'), item(5, 7, 'doubled-char')];
    expect(itemAt(list, 6)?.rule).toBe('doubled-char');
    expect(itemAt(list, 4)).toBeNull();
  });

  it('keeps only non-overlapping items for accept-all, earlier first', () => {
    const list = [item(5, 8, 'reflow'), item(1, 4, 'reflow'), item(3, 6, 'reflow'), item(8, 9, 'reflow')];
    expect(disjointItems(list).map((i) => [i.from, i.to])).toEqual([
      [1, 4],
      [5, 8],
      [8, 9],
    ]);
  });
});
