// Links from corrected lines back to the layout lines they came from, across joins, splits and corrections.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLayout } from '../../../shared/layout/detect';
import { linkCorrectedLines, linkLinesAfterEdit } from '../../../shared/layout/line-links';
import { PageTextBuilder } from '../../../shared/layout/page-text-builder';
import type { LayoutPage } from '../../../shared/layout/types';
import { computeCorrections } from '../../../shared/model/corrections';
import { scansDir } from './test-support';

/// A layout page from blocks of lines, built the way the importers build it.
function pageOf(...blocks: string[][]): LayoutPage {
  const builder = new PageTextBuilder();
  for (const block of blocks) {
    builder.startBlock();
    for (const line of block) builder.addLine({ pieces: [{ text: line }], region: null, polygon: null, confidence: null });
  }
  return { format: 'page', formatVersion: 'test', image: null, text: builder.text(), lines: builder.lines };
}

describe('linkLinesAfterEdit', () => {
  const page = pageOf(['𠮷野家开', '业大吉'], ['第二段']);

  it('links every line to itself when nothing changed', () => {
    expect(page.text).toBe('𠮷野家开\n业大吉\n\n第二段');
    expect(linkLinesAfterEdit(page, page.text)).toEqual([[0], [1], [], [2]]);
  });

  it('links a joined line to both lines it was made of', () => {
    expect(linkLinesAfterEdit(page, '𠮷野家开业大吉\n\n第二段')).toEqual([[0, 1], [], [2]]);
  });

  it('links both halves of a split line to the line they came from', () => {
    expect(linkLinesAfterEdit(page, '𠮷野\n家开\n业大吉\n\n第二段')).toEqual([[0], [0], [1], [], [2]]);
  });

  it('keeps links when characters are corrected, including the astral 𠮷', () => {
    expect(linkLinesAfterEdit(page, '吉野家开\n业大吉！\n\n第2段')).toEqual([[0], [1], [], [2]]);
  });

  it('keeps the following links when a whole line is deleted', () => {
    expect(linkLinesAfterEdit(page, '业大吉\n\n第二段')).toEqual([[1], [], [2]]);
  });

  it('links nothing to a line typed into the paragraph break, and keeps the others', () => {
    expect(linkLinesAfterEdit(page, '𠮷野家开\n业大吉\n新增\n第二段')).toEqual([[0], [1], [], [2]]);
  });

  it('maps a replacement across a line break line by line when the breaks match', () => {
    // The correction replaces "开\n业" with "張\n葉": each written line keeps its own original line.
    const corrections = [{ start: 3, end: 6, original: '开\n业', corrected: '張\n葉' }];
    expect(linkCorrectedLines(page.lines, '𠮷野家張\n葉大吉\n\n第二段', corrections)).toEqual([[0], [1], [], [2]]);
  });

  it('links text typed at the end of a line to that line', () => {
    expect(linkLinesAfterEdit(page, '𠮷野家开张\n业大吉\n\n第二段')).toEqual([[0], [1], [], [2]]);
  });
});

describe('linkCorrectedLines on a real sample', () => {
  it('links each unwrapped paragraph of the ALTO sample to exactly the lines it was joined from', () => {
    const result = importLayout(readFileSync(path.join(scansDir, 'pharmacy-supply.xml'), 'utf8'), 'pharmacy-supply.xml');
    if (!result.ok) throw new Error(result.error.message);
    const page = result.value;
    const paragraphs = page.text.split('\n\n');
    const corrected = paragraphs.map((paragraph) => paragraph.replace(/\n/g, '')).join('\n\n');
    const links = linkCorrectedLines(page.lines, corrected, computeCorrections(page.text, corrected));

    let next = 0;
    const expected = paragraphs.flatMap((paragraph, i) => {
      const count = paragraph.split('\n').length;
      const indexes = Array.from({ length: count }, (_, k) => next + k);
      next += count;
      return i === 0 ? [indexes] : [[], indexes];
    });
    expect(links).toEqual(expected);
    expect(next).toBe(page.lines.length);
  });
});
