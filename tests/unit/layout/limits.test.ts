// Layout files past the stated limits (shared/limits.ts) are refused with a clear message, not a crash: a word of
// 150,000 characters, elements nested thousands deep, millions of elements.
import { describe, expect, it } from 'vitest';
import { importLayout } from '../../../shared/layout/detect';
import { importHocr } from '../../../shared/layout/hocr';
import { MAX_WORD_CODE_POINTS, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from '../../../shared/limits';

const hocr = (line: string) =>
  `<html><body><div class='ocr_page' title='bbox 0 0 100 100'><span class='ocr_line' title='bbox 0 0 10 10'>${line}</span></div></body></html>`;
const word = (text: string) => `<span class='ocrx_word' title='bbox 0 0 10 10; x_wconf 90'>${text}</span>`;

describe('layout limits', () => {
  it('imports a 150,000-character hOCR word without overflowing the stack, and importLayout refuses it', () => {
    const huge = '𠮷'.repeat(150_000);
    const direct = importHocr(hocr(word(huge)), 'big.hocr');
    expect(direct.ok && direct.value.lines[0]!.words[0]!.end).toBe(150_000);
    const checked = importLayout(hocr(word(huge)), 'big.hocr');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.tooLarge).toBe(`word-code-points=150000/${MAX_WORD_CODE_POINTS}`);
    expect(checked.error.message).toBe('big.hocr: a word on text line 1 has 150,000 characters; Jiaodui reads words of up to 10,000');
  });

  it('accepts a word at the limit', () => {
    expect(importLayout(hocr(word('字'.repeat(MAX_WORD_CODE_POINTS))), 'a.hocr').ok).toBe(true);
  });

  it('refuses elements nested past the depth limit, and reads them at a realistic depth', () => {
    const nested = (depth: number) => hocr(word(`${'<span>'.repeat(depth)}字${'</span>'.repeat(depth)}`));
    const deep = importLayout(nested(5000), 'deep.hocr');
    expect(deep.ok).toBe(false);
    if (!deep.ok) {
      expect(deep.error.tooLarge).toBe(`xml-depth>${MAX_XML_DEPTH}`);
      expect(deep.error.message).toMatch(/^deep\.hocr: elements are nested more than 256 deep/);
    }
    expect(importLayout(nested(50), 'ok.hocr').ok).toBe(true);
  });

  it('refuses a file with more elements than the limit before parsing it', () => {
    const many = hocr(word('字') + '<br/>'.repeat(MAX_XML_ELEMENTS));
    const started = performance.now();
    const result = importLayout(many, 'many.hocr');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.tooLarge).toMatch(new RegExp(`^xml-elements=\\d+/${MAX_XML_ELEMENTS}$`));
      expect(result.error.message).toMatch(/^many\.hocr: the file has about 2,000,00\d elements; Jiaodui reads layout files of up to 2,000,000$/);
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
