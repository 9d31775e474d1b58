import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignTextLines, squeeze } from '../../../shared/layout/align-text-lines';
import { importLayout } from '../../../shared/layout/detect';
import { scansDir } from './test-support';

describe('alignTextLines', () => {
  it('matches lines in order, skipping blank text lines', () => {
    expect(alignTextLines(['标题', '', '第一行', '第二行', '', '第三行'], ['标题', '第一行', '第二行', '第三行'])).toEqual([0, 2, 3, 5]);
  });

  it('ignores whitespace differences between the two files', () => {
    expect(alignTextLines(['一 o', ' 𠮷 野家 '], ['一o', '𠮷野家'])).toEqual([0, 1]);
  });

  it('pairs differently read lines that sit between two matched lines', () => {
    expect(alignTextLines(['甲', '', '乙丙', '丁戊', '己'], ['甲', '乙两', '丁戌', '己'])).toEqual([0, 2, 3, 4]);
  });

  it('leaves a layout line unmatched when nothing in the text fits it', () => {
    expect(alignTextLines(['甲', '乙', '丙'], ['甲', '页码 3', '噪点', '丙'])).toEqual([0, null, null, 2]);
  });

  it('never matches a text line twice and keeps the order', () => {
    const links = alignTextLines(['重复', '别的', '重复'], ['重复', '重复', '重复']);
    const matched = links.filter((link): link is number => link !== null);
    expect(matched).toEqual([...new Set(matched)].sort((a, b) => a - b));
    expect(matched.filter((link) => link === 0 || link === 2)).toHaveLength(2);
  });

  it('gives no links for an empty layout or an empty text', () => {
    expect(alignTextLines([], ['甲'])).toEqual([null]);
    expect(alignTextLines(['甲'], [])).toEqual([]);
  });

  it('squeezes whitespace and normalises to NFC', () => {
    expect(squeeze(' e\u0301 a\tb ')).toBe('éab');
  });
});

describe.runIf(existsSync(scansDir))('alignTextLines on the Tesseract samples', () => {
  it.each(['heating-supply', 'pharmacy-supply'])('links every hOCR line of %s to the .txt line with the same text', (base) => {
    const textLines = readFileSync(path.join(scansDir, `${base}.txt`), 'utf8').replace(/\r\n?/g, '\n').split('\n');
    const layout = importLayout(readFileSync(path.join(scansDir, `${base}.hocr`), 'utf8'), `${base}.hocr`);
    if (!layout.ok) throw new Error(layout.error.message);
    const links = alignTextLines(textLines, layout.value.lines.map((line) => line.text));
    expect(links.every((link) => link !== null)).toBe(true);
    links.forEach((link, i) => expect(squeeze(textLines[link!]!)).toBe(squeeze(layout.value.lines[i]!.text)));
  });
});
