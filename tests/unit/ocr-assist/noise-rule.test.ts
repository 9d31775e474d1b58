import { describe, expect, it } from 'vitest';
import { applySafeFixes, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';

const covered = (text: string, s: OcrSuggestion): string => Array.from(text).slice(s.start, s.end).join('');
const noise = (text: string): OcrSuggestion[] => suggestCorrections(text, { rules: ['ocr-noise'] });

describe('OCR noise lines', () => {
  it('turns a speck line with a small circle into the full stop the paragraph before lacks', () => {
    const text = '𠮷全力以赴保障市民温暖过冬\n\n一 o\n\n市区部分发生疫情后，为保障供热。';
    const [s, ...rest] = noise(text);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ rule: 'ocr-noise', replacement: '。', safe: true });
    // Code points: the Extension B character counts once.
    expect(s!.start).toBe(13);
    expect(covered(text, s!)).toBe('\n\n一 o');
    expect(applySafeFixes(text).text).toBe('𠮷全力以赴保障市民温暖过冬。\n\n市区部分发生疫情后，为保障供热。');
  });

  it('removes specks after a paragraph that already ends its sentence', () => {
    const text = '市民温暖过冬。\n\n| ~\n\n市区部分发生疫情后。';
    const [s] = noise(text);
    expect(s).toMatchObject({ replacement: '' });
    expect(applySafeFixes(text).text).toBe('市民温暖过冬。\n\n市区部分发生疫情后。');
  });

  it('removes a speck line at the top of the page with the blank lines after it', () => {
    const text = '一 .\n\n齐心协力保供暖';
    expect(applySafeFixes(text).text).toBe('齐心协力保供暖');
  });

  it('keeps short lines that are text: numbers, Han characters, abbreviations, lines inside a paragraph', () => {
    const kept = [
      '上一段。\n\n12\n\n下一段。', // a page or item number
      '上一段。\n\n短 评\n\n下一段。', // a two-character label
      '上一段。\n\n一\n\n下一段。', // a lone numeral, as in a vertical headline or a list
      '上一段。\n\nCT\n\n下一段。', // an abbreviation
      '上一段。\n\nApp\n\n下一段。',
      '上一段，\n一 o\n下一段。', // not standing alone between blank lines
      '上一段。\n\n人 o\n\n下一段。', // a real Han character is text
    ];
    for (const text of kept) expect(noise(text), text).toEqual([]);
  });
});

describe('closing quote read as a space', () => {
  it('proposes the closing quote where a quoted sentence ends with a space after it', () => {
    const text = '“我刚打了电话你们就给配好了，谢谢你们。 ……一大早，';
    const suggestions = suggestCorrections(text, { rules: ['punctuation-width'] });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ start: 20, end: 21, replacement: '”', safe: false });
  });

  it('stays silent outside a quotation, when the quote is closed, or when a new quotation follows', () => {
    for (const text of ['谢谢你们。 ……一大早', '“谢谢你们。”……一大早', '“谢谢你们。”\n一大早。 下午']) {
      expect(suggestCorrections(text, { rules: ['punctuation-width'] }), text).toEqual([]);
    }
    const next = suggestCorrections('“来了。 “我刚', { rules: ['punctuation-width'] });
    expect(next.map((s) => s.replacement)).toEqual(['”']);
    expect(next[0]).toMatchObject({ start: 4, end: 5 });
  });
});
