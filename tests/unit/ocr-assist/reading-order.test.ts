import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineBoxesOf } from '../../../electron/services/ocr/suggest-for-text';
import { readPageScan } from '../../../electron/services/scans/page-scan';
import { readPageSourceAtPath } from '../../../electron/services/page/page-source';
import { xyCutOrder } from '../../../shared/ocr-assist/rules/reading-order';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { LineBox, OcrSuggestion } from '../../../shared/ocr-assist/types';

const scans = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/samples/scans');
const truth = path.resolve(scans, '../ground-truth');

const box = (x: number, y: number, width = 300, height = 30): LineBox => ({ x, y, width, height });
const readingOrder = (text: string, lineBoxes: (LineBox | null)[]): OcrSuggestion[] =>
  suggestCorrections(text, { lineBoxes, rules: ['reading-order'] });
const apply = (text: string, s: OcrSuggestion): string => {
  const chars = Array.from(text);
  return [...chars.slice(0, s.start), s.replacement, ...chars.slice(s.end)].join('');
};

// Two columns whose paragraphs end at the same height, under a headline across both, read row by row by the OCR
// engine: headline, left 1, right 1, left 2, right 2.
const rowByRow = ['标题𠮷横跨两栏', '', '左栏第一段甲', '左栏第一段乙', '', '右栏第一段甲', '', '左栏第二段', '', '右栏第二段甲', '右栏第二段乙'];
const rowByRowBoxes = [box(100, 0, 700), null, box(100, 100), box(100, 140), null, box(500, 100), null, box(100, 200), null, box(500, 200), box(500, 240)];

describe('reading-order rule', () => {
  it('puts blocks read across two columns back in column order, keeping the blank lines where they were', () => {
    const text = rowByRow.join('\n');
    const [s, ...rest] = readingOrder(text, rowByRowBoxes);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ rule: 'reading-order', safe: false });
    // From the first block out of place (right 1, after the headline with its Extension B character) to the last.
    expect(s!.start).toBe(Array.from('标题𠮷横跨两栏\n\n左栏第一段甲\n左栏第一段乙\n\n').length);
    expect(apply(text, s!)).toBe(['标题𠮷横跨两栏', '', '左栏第一段甲', '左栏第一段乙', '', '左栏第二段', '', '右栏第一段甲', '', '右栏第二段甲', '右栏第二段乙'].join('\n'));
  });

  it('finds the blocks from the scan where the OCR text has no blank lines between them', () => {
    const text = ['左一', '左二', '右一', '右二', '左三', '右三'].join('\n');
    const boxes = [box(100, 100), box(100, 140), box(500, 100), box(500, 140), box(100, 180), box(500, 180)];
    const [s] = readingOrder(text, boxes);
    expect(apply(text, s!)).toBe(['左一', '左二', '左三', '右一', '右二', '右三'].join('\n'));
  });

  it('reads columns from the right in right-to-left scripts', () => {
    const text = ['שורה ימין', '', 'שורה שמאל', '', 'עוד ימין'].join('\n');
    const boxes = [box(500, 100), null, box(100, 100), null, box(500, 140)];
    const [s] = readingOrder(text, boxes);
    expect(apply(text, s!)).toBe(['שורה ימין', '', 'עוד ימין', '', 'שורה שמאל'].join('\n'));
    expect(s!.explanation).toContain('right to left');
  });

  it('stays silent when the order is right, when a line has no region, and when the lines are no longer the OCR lines', () => {
    const inOrder = ['标题横跨两栏', '', '左栏第一段甲', '', '左栏第二段', '', '右栏第一段甲', '', '右栏第二段甲'].join('\n');
    const inOrderBoxes = [box(100, 0, 700), null, box(100, 100), null, box(100, 200), null, box(500, 100), null, box(500, 200)];
    expect(readingOrder(inOrder, inOrderBoxes)).toEqual([]);
    expect(readingOrder(rowByRow.join('\n'), rowByRowBoxes.map((b, i) => (i === 5 ? null : b)))).toEqual([]);
    // One line fewer than regions: the text was reflowed since the OCR.
    expect(readingOrder(rowByRow.slice(1).join('\n'), rowByRowBoxes)).toEqual([]);
    expect(readingOrder(rowByRow.join('\n'), [])).toEqual([]);
    expect(suggestCorrections(rowByRow.join('\n')).filter((s) => s.rule === 'reading-order')).toEqual([]);
  });

  it('orders a single column top to bottom, and keeps the page order where no band separates blocks', () => {
    const blocks = [{ box: box(100, 200) }, { box: box(100, 100) }, { box: box(120, 110) }];
    expect(xyCutOrder(blocks)).toEqual([blocks[1], blocks[2], blocks[0]]);
  });

  it('puts the real sample read across its columns into the order of the ground truth', async () => {
    const source = await readPageSourceAtPath(path.join(scans, 'pharmacy-supply.txt'), 'pharmacy-supply.txt');
    if (!source.ok) throw new Error(source.error.message);
    const { scan } = await readPageScan(scans, 'pharmacy-supply.txt', source.value);
    const text = source.value.originalText;
    const [s] = readingOrder(text, lineBoxesOf(text, scan!));
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const reordered = squeeze(apply(text, s!));
    // Each ground-truth paragraph's opening now follows the text it follows in the truth.
    const truthText = squeeze(await readFile(path.join(truth, 'pharmacy-supply.txt'), 'utf8'));
    for (const seam of ['一大早，位于', '每位顾客的小区', '购药便利度']) {
      expect(truthText).toContain(seam);
      expect(reordered).toContain(seam);
    }
    const heating = await readPageSourceAtPath(path.join(scans, 'heating-supply.txt'), 'heating-supply.txt');
    if (!heating.ok) throw new Error(heating.error.message);
    const heatingScan = (await readPageScan(scans, 'heating-supply.txt', heating.value)).scan!;
    expect(readingOrder(heating.value.originalText, lineBoxesOf(heating.value.originalText, heatingScan))).toEqual([]);
  });

  it('holds back the reflows across the blocks it moves until the order is fixed, and only while it stands', async () => {
    const source = await readPageSourceAtPath(path.join(scans, 'pharmacy-supply.txt'), 'pharmacy-supply.txt');
    if (!source.ok) throw new Error(source.error.message);
    const { scan } = await readPageScan(scans, 'pharmacy-supply.txt', source.value);
    const text = source.value.originalText;
    const lineBoxes = lineBoxesOf(text, scan!);
    const all = suggestCorrections(text, { lineBoxes });
    const move = all.find((s) => s.rule === 'reading-order')!;
    expect(all.filter((s) => s.rule === 'reflow' && s.start < move.end && move.start < s.end)).toEqual([]);
    // Without the scan, or with the move rejected, the reflows over those lines are offered.
    const plain = suggestCorrections(text);
    expect(plain.some((s) => s.rule === 'reflow' && s.start < move.end && move.start < s.end)).toBe(true);
    const rejected = suggestCorrections(text, { lineBoxes, rejected: [{ start: move.start, end: move.end, replacement: move.replacement, rule: 'reading-order' }] });
    expect(rejected.some((s) => s.rule === 'reading-order')).toBe(false);
    expect(rejected.some((s) => s.rule === 'reflow' && s.start < move.end && move.start < s.end)).toBe(true);
    // Once the blocks are moved, the reflows come back on the reordered text.
    const reordered = apply(text, move);
    const after = suggestCorrections(reordered, { lineBoxes: lineBoxes.map(() => null) });
    expect(after.some((s) => s.rule === 'reflow')).toBe(true);
  });
});
