import { describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../electron/services/ocr/language-model';
import { glyphLookAlikesOf } from '../../../shared/ocr-assist/glyph-neighbours';
import { pairFrequencies } from '../../../shared/ocr-assist/pair-words';
import { isImprobable } from '../../../shared/ocr-assist/rules/improbable-char';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import { createWordFrequencyModel } from '../../../shared/ocr-assist/word-frequency-model';

// The real dictionary model, as the app and the CLI use it.
const model = loadLanguageModel();
const improbable = (text: string) => suggestCorrections(text, { model, rules: ['improbable-char'] });

describe('improbable characters', () => {
  it('replaces characters that fit neither neighbour with the look-alike the model prefers', () => {
    // Misreadings outside the hand-written confusion table: 作→诈, 检→捡, 康→唐 (code points after 𠮷 count once).
    const text = '𠮷社区工诈人员认真捡查每一位居民的健唐码';
    const suggestions = improbable(text);
    expect(suggestions.map((s) => [s.start, s.end, s.replacement])).toEqual([
      [4, 5, '作'],
      [9, 10, '检'],
      [18, 19, '康'],
    ]);
    for (const s of suggestions) {
      expect(s).toMatchObject({ rule: 'improbable-char', safe: false });
      expect(s.confidence).toBeGreaterThanOrEqual(0.8);
      expect(s.explanation).toContain('looks like');
    }
  });

  it('leaves correct text alone, real reduplication included: 人人, 太多太多, 一个个', () => {
    const text = '人人都有责任。像这样的暖心事还有太多太多。一个个为民的瞬间，常常让人感动。社区工作人员认真检查每一位居民的健康码，确保防控措施落实到位。';
    expect(improbable(text)).toEqual([]);
  });

  it('leaves a pair alone that the page uses again: its own vocabulary or a name', () => {
    // 健唐码 is a misreading of 健康码 when it stands once; a page that says 唐码 twice means it.
    const once = '居民出示健唐码后进入小区';
    expect(improbable(once).map((s) => [s.start, s.replacement])).toEqual([[5, '康']]);
    expect(improbable(`${once}，健唐码的名字很特别。`)).toEqual([]);
  });

  it('leaves a character alone that readily begins or ends words where the swap would put it: 卡点, 敬德园', () => {
    // 卡 begins hundreds of words (卡片, 卡车 …), so 卡点 is a word the dictionary lacks, not a misread 十点; 园 ends
    // hundreds (花园, 公园 …), so 敬德园 is a name, not a misread 德国, even when it is named only once.
    expect(improbable('工作人员来到敬德园和城市花园')).toEqual([]);
    expect(improbable('做好出入卡点值守和防疫卡点执勤')).toEqual([]);
  });

  it('does not flag common one-character words or characters inside words', () => {
    const chars = Array.from('他的工作做得很好了');
    expect(chars.some((_, i) => isImprobable(chars, i, model))).toBe(false);
  });

  it('says nothing without a language model', () => {
    expect(suggestCorrections('社区工诈人员', { rules: ['improbable-char'] })).toEqual([]);
  });
});

describe('look-alikes in print', () => {
  it('come from glyph shapes: classic confusable pairs are each other’s neighbours', () => {
    for (const [a, b] of [['己', '已'], ['未', '末'], ['土', '士'], ['人', '入'], ['千', '干']]) {
      expect(glyphLookAlikesOf(a!)).toContain(b);
    }
    expect(glyphLookAlikesOf('x')).toEqual([]);
  });
});

describe('two-character word index', () => {
  it('gives the same frequencies as the model, inside and outside the main ideograph block', () => {
    const small = createWordFrequencyModel([['工作', 50], ['𠮷祥', 7], ['社区', 9], ['工', 3]]);
    const pair = pairFrequencies(small);
    expect(pair('工', '作')).toBe(50);
    expect(pair('社', '区')).toBe(9);
    expect(pair('𠮷', '祥')).toBe(7);
    expect(pair('作', '工')).toBe(0);
    expect(pairFrequencies(small)).toBe(pair);
  });

  it('falls back to word lookups for a model that cannot list its words', () => {
    const listed = createWordFrequencyModel([['工作', 50]]);
    const unlisted = { wordFrequency: listed.wordFrequency, totalFrequency: listed.totalFrequency, maxWordLength: 2 };
    expect(pairFrequencies(unlisted)('工', '作')).toBe(50);
  });
});
