import { describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../../electron/services/ocr/language-model';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import { createWordFrequencyModel } from '../../../shared/ocr-assist/word-frequency-model';

// The real dictionary model, as the app and the CLI use it.
const model = loadLanguageModel();

describe('doubled characters', () => {
  it('proposes dropping a character the OCR engine read twice', () => {
    const [s] = suggestCorrections('让用户在非非常时期真切感受', { model, rules: ['doubled-char'] });
    expect(s).toMatchObject({ start: 4, end: 5, replacement: '', rule: 'doubled-char', safe: false });
  });

  it('proposes the phrase when the doubled copy belongs one place later', () => {
    const [s] = suggestCorrections('𠮷暖心画面每每时刻都在上演', { model, rules: ['doubled-char'] });
    expect(s).toMatchObject({ start: 5, end: 9, replacement: '每时每刻' });
  });

  it('leaves real reduplication alone: 人人, 太多太多, 一个个, 常常', () => {
    const text = '人人都有责任。像这样的暖心事还有太多太多。一个个为民的瞬间，常常让人感动。';
    expect(suggestCorrections(text, { model, rules: ['doubled-char', 'look-alike'] })).toEqual([]);
  });

  it('says nothing without a language model', () => {
    expect(suggestCorrections('非非常时期', { rules: ['doubled-char'] })).toEqual([]);
  });
});

describe('look-alike characters', () => {
  it('lets the language model choose the look-alike that forms a common word', () => {
    const text = '𠮷他自已展望末来，党员千部下沉';
    const suggestions = suggestCorrections(text, { model, rules: ['look-alike'] });
    expect(suggestions.map((s) => [s.start, s.replacement])).toEqual([
      [3, '己'],
      [6, '未'],
      [11, '干'],
    ]);
    expect(suggestions.every((s) => !s.safe && s.explanation.length > 0)).toBe(true);
  });

  it('leaves correct words alone', () => {
    expect(suggestions('人民群众已经进入未来，干部土地日期')).toEqual([]);
  });

  it('follows the model it is given, not a fixed table', () => {
    const tiny = createWordFrequencyModel([
      ['已', 100],
      ['己', 100],
      ['自', 100],
      ['自己', 5000],
    ]);
    expect(suggestCorrections('自已', { model: tiny, rules: ['look-alike'] })[0]?.replacement).toBe('己');
    const other = createWordFrequencyModel([
      ['已', 100],
      ['己', 100],
      ['自', 100],
    ]);
    expect(suggestCorrections('自已', { model: other, rules: ['look-alike'] })).toEqual([]);
  });

  function suggestions(text: string) {
    return suggestCorrections(text, { model, rules: ['look-alike'] });
  }
});

describe('traditional characters', () => {
  it('proposes the simplified form of a traditional character in simplified text', () => {
    const [s] = suggestCorrections('𠮷工作人员马騫是', { rules: ['traditional'] });
    expect(s).toMatchObject({ start: 6, end: 7, replacement: '骞', rule: 'traditional', safe: false });
  });

  it('keeps characters that are also correct simplified forms', () => {
    expect(suggestCorrections('著名的乾坤一干就是', { rules: ['traditional'] })).toEqual([]);
  });
});

describe('low-confidence characters', () => {
  it('flags what the OCR engine was unsure of and offers a look-alike when the model prefers one', () => {
    const text = '𠮷展望末来，记者刘淑花';
    const result = suggestCorrections(text, {
      model,
      rules: ['low-confidence'],
      confidences: [
        { start: 3, end: 4, confidence: 0.3 },
        { start: 8, end: 11, confidence: 0.4 },
        { start: 0, end: 2, confidence: 0.95 },
      ],
    });
    expect(result.map((s) => [s.start, s.end, s.replacement])).toEqual([
      [3, 4, '未'],
      [8, 11, '刘淑花'],
    ]);
    expect(result[0]!.confidence).toBeCloseTo(0.7);
  });
});
