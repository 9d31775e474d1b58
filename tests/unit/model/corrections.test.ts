import { describe, expect, it } from 'vitest';
import { applyCorrections, computeCorrections, CorrectionMap } from '../../../shared/model/corrections';
import { normalizeOriginal } from '../../../shared/text/normalize';

const EXT_B = '𠮷';

describe('computing corrections', () => {
  it('records a replaced character with code-point offsets after an Extension B character', () => {
    const original = `${EXT_B}家住朔城区己经`;
    const corrected = `${EXT_B}家住朔城区已经`;
    expect(computeCorrections(original, corrected)).toEqual([{ start: 6, end: 7, original: '己', corrected: '已' }]);
  });

  it('records an inserted Extension B character as an insertion', () => {
    expect(computeCorrections('吉祥', `吉${EXT_B}祥`)).toEqual([{ start: 1, end: 1, original: '', corrected: EXT_B }]);
  });

  it('records joined lines as deleted line breaks', () => {
    const original = '核酸检\n\n测、隔离';
    const corrected = '核酸检测、隔离';
    expect(computeCorrections(original, corrected)).toEqual([{ start: 3, end: 5, original: '\n\n', corrected: '' }]);
  });

  it('round-trips through applyCorrections on a CRLF file after normalisation', () => {
    const { text: original } = normalizeOriginal('第一行\r\n第二行己经\r\n第三行\r\n');
    const corrected = `第一行\n第二行已经${EXT_B}\n第三行\n新增\n`;
    const corrections = computeCorrections(original, corrected);
    const applied = applyCorrections(original, corrections);
    expect(applied).toEqual({ ok: true, value: corrected });
  });

  it('finds scattered corrections in a long text quickly and exactly', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `第${i}行，市人大常委会组成人员及机关干部助力疫情防控工作。${EXT_B}`);
    const original = lines.join('\n');
    const changed = lines.map((line, i) => (i % 50 === 0 ? line.replace('助力', '肋力') : line)).join('\n');
    const corrections = computeCorrections(original, changed);
    expect(corrections).toHaveLength(30);
    expect(applyCorrections(original, corrections)).toEqual({ ok: true, value: changed });
  });

  it('refuses corrections whose original text does not match', () => {
    const result = applyCorrections('甲乙丙', [{ start: 1, end: 2, original: '丁', corrected: '戊' }]);
    expect(result.ok).toBe(false);
  });

  it('gives tiny texts (an empty side, one character against one) the single correction the diff gives', () => {
    expect(computeCorrections(' ', '')).toEqual([{ start: 0, end: 1, original: ' ', corrected: '' }]);
    expect(computeCorrections('', EXT_B)).toEqual([{ start: 0, end: 0, original: '', corrected: EXT_B }]);
    expect(computeCorrections(EXT_B, '吉')).toEqual([{ start: 0, end: 1, original: EXT_B, corrected: '吉' }]);
    expect(computeCorrections('己经', '已经')).toEqual([{ start: 0, end: 1, original: '己', corrected: '已' }]);
  });

  it('returns no corrections for identical texts', () => {
    expect(computeCorrections('同一', '同一')).toEqual([]);
    expect(computeCorrections('', '')).toEqual([]);
  });
});

describe('mapping positions between original and corrected text', () => {
  const original = `甲${EXT_B}乙丙丁`;
  const corrected = `甲${EXT_B}乙乙乙丁`; // 丙 → 乙乙
  const map = new CorrectionMap(computeCorrections(original, corrected));

  it('keeps positions before the change', () => {
    expect(map.toCorrected(2)).toBe(2);
    expect(map.toOriginal(2)).toBe(2);
  });

  it('shifts positions after the change by the length difference', () => {
    expect(map.toCorrected(4)).toBe(5);
    expect(map.toOriginal(5)).toBe(4);
  });

  it('maps a replaced stretch to the start or end of its counterpart', () => {
    const [range] = map.correctedRanges();
    expect(range).toMatchObject({ start: 3, end: 5 });
    expect(map.toCorrected(3, -1)).toBe(3);
    expect(map.toCorrected(4, 1)).toBe(5);
    expect(map.toOriginal(4, -1)).toBe(3);
    expect(map.toOriginal(4, 1)).toBe(4);
  });
});
