// Word re-alignment: how the corrected text of a layout line is cut into the words of the corrected file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { altoExporter } from '../../../../shared/export/layout/alto-export';
import { sourceLine } from '../../../../shared/export/layout/layout-common';
import { realignLines } from '../../../../shared/export/layout/word-realign';
import { pageView } from '../../../../shared/export/page-view';
import { CodePointIndex } from '../../../../shared/text/codepoints';
import { context, layoutPage, reimport, schemaErrors } from './support';
import { repoRoot } from '../../layout/test-support';

const xml = readFileSync(path.join(repoRoot, 'tests/fixtures/layout/export/tesseract-alto-3.0.xml'), 'utf8');
// 上海吉野报馆 (one String per character, 报馆 two) / Shang hai Daily1

function realign(text: string, moves?: { start: number; end: number; to: number }[]) {
  const page = layoutPage('t.xml', xml, { text, ...(moves ? { moves } : {}) });
  const view = pageView(page);
  return realignLines(page.layout!.lines.map(sourceLine), view, new CodePointIndex(page.originalText), new CodePointIndex(view.corrected));
}

function exportText(text: string): string {
  const result = altoExporter.exportPage(layoutPage('t.xml', xml, { text }), context);
  if (!result.ok) throw new Error(result.problem.message);
  return result.files[0]!.content;
}

describe('tokens', () => {
  test('an unchanged line gives its words back, unchanged', () => {
    const [first, second] = realign('上海吉野报馆\nShang hai Daily1');
    expect(first!.tokens.map((t) => [t.text, t.words, t.changed, t.spaceBefore])).toEqual([
      ['上', [0], false, false],
      ['海', [1], false, false],
      ['吉', [2], false, false],
      ['野', [3], false, false],
      ['报馆', [4], false, false],
    ]);
    expect(second!.tokens.map((t) => t.text)).toEqual(['Shang', 'hai', 'Daily1']);
    expect(first!.changed || second!.changed).toBe(false);
  });

  test('one replacement across two words makes one word with both boxes', () => {
    const [, line] = realign('上海吉野报馆\nShanghai Daily1');
    expect(line!.tokens.map((t) => [t.text, t.words, t.changed])).toEqual([
      ['Shanghai', [0, 1], true],
      ['Daily1', [2], false],
    ]);
    expect(line!.tokens[0]!.region).toEqual({ x: 100, y: 150, width: 240, height: 40 });
  });

  test('a replacement spanning two words and the space between them joins them', () => {
    const [, line] = realign('上海吉野报馆\nSh. Daily1');
    expect(line!.tokens.map((t) => [t.text, t.words])).toEqual([
      ['Sh.', [0, 1]],
      ['Daily1', [2]],
    ]);
  });

  test('a deleted Chinese character goes with its box; its neighbours keep theirs', () => {
    const [line] = realign('上海野报馆\nShang hai Daily1');
    expect(line!.tokens.map((t) => [t.text, t.words, t.region?.x])).toEqual([
      ['上', [0], 100],
      ['海', [1], 144],
      ['野', [3], 232],
      ['报馆', [4], 276],
    ]);
  });

  test('text typed at the end of a line belongs to its last word; typed between words it gets the room between', () => {
    const [first, second] = realign('上海吉野报馆。\nShang , hai Daily1');
    expect(first!.tokens.at(-1)).toMatchObject({ text: '报馆。', words: [4], changed: true });
    expect(second!.tokens[1]).toMatchObject({ text: ',', words: [], changed: true, spaceBefore: true, region: { x: 220, y: 150, width: 20, height: 40 } });
  });

  test('a 𠮷 for a character: offsets stay in code points', () => {
    const [line] = realign('上海𠮷野报馆\nShang hai Daily1');
    expect(line!.tokens[2]).toMatchObject({ text: '𠮷', words: [2], changed: true, ranges: [{ start: 2, end: 3 }] });
    expect(line!.tokens[3]).toMatchObject({ text: '野', ranges: [{ start: 3, end: 4 }] });
    expect(line!.text).toBe('上海𠮷野报馆');
  });

  test('a moved line keeps its text in its own words', () => {
    // "Shang hai Daily1" moved before the Chinese line, then "Daily1" corrected.
    const lines = realign('Shang hai Daily\n上海吉野报馆', [{ start: 7, end: 23, to: 0 }]);
    expect(lines[0]!.text).toBe('上海吉野报馆');
    expect(lines[1]!.tokens.map((t) => [t.text, t.changed])).toEqual([
      ['Shang', false],
      ['hai', false],
      ['Daily', true],
    ]);
  });
});

describe('in the corrected ALTO', () => {
  test('typed text between words becomes a String of its own, with SPs, and the file stays valid', () => {
    // (With "。" added the diff puts ", " after the space; without, before "hai", which then splits in two.)
    const out = exportText('上海吉野报馆。\nShang , hai Daily1');
    expect(out).toContain('<String ID="string_5_2" HPOS="220" VPOS="150" WIDTH="20" HEIGHT="40" WC="1" CONTENT=","/>');
    expect(schemaErrors(out, 'alto-3-0.xsd')).toBe('');
    expect(reimport(out, 't.xml').text).toBe('上海吉野报馆。\nShang , hai Daily1');
  });

  test('a whole line deleted leaves one empty String, as the schema needs one', () => {
    const out = exportText('上海吉野报馆\n');
    expect(out).toContain('<String ID="string_5" HPOS="100" VPOS="150" WIDTH="120" HEIGHT="40" WC="1" CONTENT=""/>');
    expect(out).not.toContain('string_6');
    expect(schemaErrors(out, 'alto-3-0.xsd')).toBe('');
    expect(reimport(out, 't.xml').text).toBe('上海吉野报馆');
  });
});

test('a line the editor typed between two blocks is not lost: it follows the line before it', () => {
  const v3 = readFileSync(path.join(repoRoot, 'tests/fixtures/layout/alto-v3.xml'), 'utf8');
  const page = layoutPage('v3.xml', v3);
  expect(page.originalText).toBe('𠮷早报，\n\nPage 2');
  const text = '𠮷早报，\n号外新闻\n\nPage 2';
  const result = altoExporter.exportPage(layoutPage('v3.xml', v3, { text }), context);
  if (!result.ok) throw new Error(result.problem.message);
  const out = result.files[0]!.content;
  expect(out).toMatch(/CONTENT="，"\/>\s*<SP[^>]*\/>\s*<String ID="s2_2" HPOS="190" VPOS="20" WIDTH="130" HEIGHT="40" WC="1" CONTENT="号外新闻"\/>/);
  expect(schemaErrors(out, 'alto-3-0.xsd')).toBe('');
  expect(reimport(out, 'v3.xml').text.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
});
