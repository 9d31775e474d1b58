// hOCR import on a hand-written file: blocks, word spacing, confidences and code-point offsets.
import { describe, expect, it } from 'vitest';
import { importHocr } from '../../../shared/layout/hocr';
import type { LayoutPage } from '../../../shared/layout/types';
import { expectOffsetsConsistent, readFixtureSync } from './test-support';

function imported(xml: string): LayoutPage {
  const result = importHocr(xml, 'test.hocr');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('importHocr', () => {
  const page = imported(readFixtureSync('minimal.hocr'));

  it('reads the image name, even with a space in it, and the page size from the ocr_page bbox', () => {
    expect(page.format).toBe('hocr');
    expect(page.image).toBe('minimal scan.png');
    expect([page.imageWidth, page.imageHeight]).toEqual([800, 600]);
  });

  it('joins CJK words without spaces, Latin words with one, and separates paragraphs by a blank line', () => {
    expect(page.text).toBe('𠮷野家Tokyo Shop开\n报纸&\n\n第二段');
  });

  it('skips a line with no text and keeps ocr_header as a line', () => {
    expect(page.lines.map((line) => line.text)).toEqual(['𠮷野家Tokyo Shop开', '报纸&', '第二段']);
    expect(page.lines.map((line) => line.index)).toEqual([0, 1, 2]);
  });

  it('counts offsets in code points, so 𠮷 is one character', () => {
    const [first, second] = page.lines;
    expect(first!.words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['𠮷', 0, 1],
      ['野家', 1, 3],
      ['Tokyo', 3, 8],
      ['Shop', 9, 13],
      ['开', 13, 14],
    ]);
    expect(second!.textStart).toBe(15);
    expect(page.lines[2]!.textStart).toBe(20);
    expectOffsetsConsistent(page);
  });

  it('turns bbox corners into x, y, width, height', () => {
    expect(page.lines[0]!.region).toEqual({ x: 10, y: 10, width: 290, height: 40 });
    expect(page.lines[0]!.words[2]!.region).toEqual({ x: 140, y: 10, width: 60, height: 40 });
    expect(page.lines[0]!.polygon).toBeNull();
  });

  it('scales x_wconf to 0..1 and prefers the line’s own x_wconf', () => {
    expect(page.lines[0]!.words.map((w) => w.confidence)).toEqual([0.9, 0.8, 0.7, 0.6, 0.95]);
    expect(page.lines[0]!.confidence).toBe(0.88);
  });

  it('derives a line confidence from its words, weighted by length, when the line has none', () => {
    // 报纸 (two characters at 0.5) and & (one at 0.99).
    expect(page.lines[1]!.confidence).toBeCloseTo((0.5 * 2 + 0.99) / 3, 10);
  });

  it('reads character confidences from x_confs and from ocrx_cinfo, null where there are none', () => {
    expect(page.lines[1]!.charConfidences).toEqual([0.4, 0.6, null]);
    expect(page.lines[2]!.charConfidences).toEqual([0.2, 0.4, null]);
    expect(page.lines[0]!.charConfidences).toBeUndefined();
  });

  it('decodes entities and reads the text inside nested formatting', () => {
    expect(page.lines[1]!.words[1]!.text).toBe('&');
    expect(page.lines[0]!.words[3]!.text).toBe('Shop');
  });

  it('normalises decomposed text to NFC before counting offsets', () => {
    const decomposed = 'Cafe\u0301';
    const xml = `<html><body><div class="ocr_page" title="bbox 0 0 10 10"><span class="ocr_line" title="bbox 0 0 10 10"><span class="ocrx_word" title="bbox 0 0 5 10">${decomposed}</span><span class="ocrx_word" title="bbox 5 0 10 10">𠮷</span></span></div></body></html>`;
    const nfc = imported(xml);
    expect(nfc.text).toBe('Caf\u00e9𠮷');
    expect(nfc.lines[0]!.words[1]).toMatchObject({ start: 4, end: 5 });
  });

  it('reads a line without word elements from its text, with the union of nothing as no region', () => {
    const xml = '<html><body><div class="ocr_page"><span class="ocr_line">  只有  文字 </span></div></body></html>';
    const plain = imported(xml);
    expect(plain.lines[0]).toMatchObject({ text: '只有 文字', region: null, confidence: null, words: [] });
    expect(plain.image).toBeNull();
    expect(plain.imageWidth).toBeUndefined();
  });

  it('accepts HTML void tags and entities that XHTML producers leave in', () => {
    const xml = '<html><head><meta charset="utf-8"></head><body><div class="ocr_page" title="bbox 0 0 9 9"><span class="ocr_line" title="bbox 0 0 9 9"><span class="ocrx_word" title="bbox 0 0 9 9">a&nbsp;b</span></span><br></div></body></html>';
    expect(imported(xml).text).toBe('a b');
  });

  it('refuses a file with several pages rather than dropping all but one', () => {
    const xml = '<html><body><div class="ocr_page"></div><div class="ocr_page"></div></body></html>';
    const result = importHocr(xml, 'two.hocr');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^two\.hocr: the file holds 2 pages/);
  });
});
