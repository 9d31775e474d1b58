import { describe, expect, it } from 'vitest';
import { carryRules, labelCorrectionsWithRules } from '../../../shared/model/correction-rules';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';

const EXT_B = '𠮷';

describe('labelCorrectionsWithRules', () => {
  // Original: 𠮷己经来了 人民曰报 → corrected: 𠮷已经来了人民日报 (look-alike, a spacing fix, a typed fix).
  const original = `${EXT_B}己经来了 人民曰报`;
  const corrected = `${EXT_B}已经来了人民日报`;
  const corrections = computeCorrections(original, corrected);

  it('labels the corrections an accepted range overlaps, counting code points after an Extension B character', () => {
    expect(corrections.map((c) => [c.start, c.original, c.corrected])).toEqual([[1, '己', '已'], [5, ' ', ''], [8, '曰', '日']]);
    // In the corrected text 已 is code point 1 (𠮷 is one code point), the deleted space sits at 5.
    const labelled = labelCorrectionsWithRules(corrections, [
      { start: 1, end: 2, rule: 'look-alike' },
      { start: 5, end: 5, rule: 'cjk-spacing' },
    ]);
    expect(labelled).toEqual([
      { start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 5, end: 6, original: ' ', corrected: '', rule: 'cjk-spacing' },
      { start: 8, end: 9, original: '曰', corrected: '日' },
    ]);
    // The labels change nothing of what the corrections do.
    expect(applyCorrections(original, labelled)).toEqual({ ok: true, value: corrected });
  });

  it('labels a correction that grew around an accepted change, and not one that only borders it', () => {
    // The editor typed 𠮷 right after the accepted 已: one correction 己 → 已𠮷 contains the accepted change.
    const grown = computeCorrections('他己经', `他已${EXT_B}经`);
    expect(labelCorrectionsWithRules(grown, [{ start: 1, end: 2, rule: 'look-alike' }])).toEqual([
      { start: 1, end: 2, original: '己', corrected: `已${EXT_B}`, rule: 'look-alike' },
    ]);
    // A range ending where a non-empty correction starts does not overlap it.
    expect(labelCorrectionsWithRules(computeCorrections('ab', 'aX'), [{ start: 0, end: 1, rule: 'r' }])[0]!.rule).toBeUndefined();
  });

  it('drops rules the corrections carried when no range names them, and takes the first of several rules', () => {
    const carried = corrections.map((c) => ({ ...c, rule: 'stale' }));
    const labelled = labelCorrectionsWithRules(carried, [
      { start: 8, end: 9, rule: 'look-alike' },
      { start: 7, end: 9, rule: 'reflow' },
    ]);
    expect(labelled.map((c) => c.rule)).toEqual([undefined, undefined, 'reflow']);
    expect(labelled[0]).not.toHaveProperty('rule');
  });

  it('labels a deletion point that an empty accepted range touches, and one range may label several corrections', () => {
    const split = computeCorrections('a\nb\nc', 'abc');
    expect(split).toHaveLength(2);
    expect(labelCorrectionsWithRules(split, [{ start: 0, end: 3, rule: 'reflow' }]).map((c) => c.rule)).toEqual(['reflow', 'reflow']);
    expect(labelCorrectionsWithRules(split, [{ start: 2, end: 2, rule: 'reflow' }]).map((c) => c.rule)).toEqual([undefined, 'reflow']);
  });
});

describe('carryRules', () => {
  it('copies a rule only onto an equal correction', () => {
    const proposed = [
      { start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 4, end: 5, original: '曰', corrected: '日', rule: 'look-alike' },
    ];
    const computed = [
      { start: 1, end: 2, original: '己', corrected: '已' },
      { start: 4, end: 5, original: '曰', corrected: `${EXT_B}` },
    ];
    expect(carryRules(computed, proposed)).toEqual([
      { start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 4, end: 5, original: '曰', corrected: EXT_B },
    ]);
  });
});
