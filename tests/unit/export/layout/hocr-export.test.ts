// Corrected hOCR: the page's own hOCR with corrected words, well-formed, read back by Jiaodui's importer with the
// corrected text, and what the app does not understand kept as it was.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { editTitle, hocrExporter } from '../../../../shared/export/layout/hocr-export';
import { context, layoutPage, readFixtureSync, reimport, sameModuloCjkSpacing, spanOf } from './support';

const xml = readFixtureSync('minimal.hocr');

function exported(source: string, edits: Parameters<typeof layoutPage>[2]): string {
  const result = hocrExporter.exportPage(layoutPage('scans/p.hocr', source, edits), context);
  if (!result.ok) throw new Error(result.problem.message);
  expect(result.files.map((f) => f.path)).toEqual(['scans/p.hocr']);
  return result.files[0]!.content;
}

// xmllint without a schema: hOCR has none, but the output must stay well-formed XHTML.
function wellFormed(content: string): boolean {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jiaodui-hocr-')), 'p.hocr');
  writeFileSync(file, content, 'utf8');
  try {
    execFileSync('xmllint', ['--nonet', '--noout', file], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('corrected words', () => {
  const original = layoutPage('scans/p.hocr', xml).originalText;
  const text = original.replace('野家', '野 家').replace('Shop', 'Shöp').replace('报纸', '报紙').replace('第二段', '第𠮷段');
  const out = exported(xml, { text, entities: [{ id: 'e', type: 'LOC', ...spanOf(text, 'Tokyo') }] });

  test('re-imports with the corrected text and stays well-formed', () => {
    expect(original).toBe('𠮷野家Tokyo Shop开\n报纸&\n\n第二段');
    expect(wellFormed(out)).toBe(true);
    expect(sameModuloCjkSpacing(reimport(out, 'p.hocr').text, text)).toBe(true);
  });

  test('a split shares the box along the line; corrected words get x_wconf 100 and lose x_confs', () => {
    expect(out).toContain(`<span class='ocrx_word' id='word_2' title='bbox 50 10 77 50; x_wconf 100'>野</span>`);
    expect(out).toContain(`<span class='ocrx_word' id='word_2_2' title='bbox 103 10 130 50; x_wconf 100'>家</span>`);
    expect(out).toContain(`<span class='ocrx_word' id='word_6' title='bbox 10 60 100 100; x_wconf 100'>报紙</span>`);
  });

  test('markup inside a word keeps wrapping its corrected text; character boxes of a corrected word go', () => {
    expect(out).toContain(`<span class='ocrx_word' id='word_4' title='bbox 210 10 260 50; x_wconf 100'><strong>Shöp</strong></span>`);
    expect(out).toContain(`<span class='ocrx_word' id='word_8' title='bbox 10 130 70 170; x_wconf 100'>第𠮷</span>`);
    expect(out).not.toContain('ocrx_cinfo');
  });

  test('untouched words and everything around them stay byte for byte; hOCR gets no entity markup', () => {
    expect(out).toContain(`<span class='ocrx_word' id='word_1' title='bbox 10 10 50 50; x_wconf 90'>𠮷</span>`);
    expect(out).toContain(`<span class='ocrx_word' id='word_7' title='bbox 110 60 160 100; x_wconf 99'>&amp;</span>`);
    expect(out).toContain(`<meta name='ocr-system' content='hand-written test fixture' />`);
    expect(out).toContain('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"');
    expect(out).toContain(`<span class='ocr_line' id='line_4' title="bbox 10 175 200 180">\n     </span>`);
    expect(out).not.toMatch(/entity|LOC/);
  });
});

test('a removed space joins two words into one with the union of their boxes', () => {
  const original = layoutPage('scans/p.hocr', xml).originalText;
  const out = exported(xml, { text: original.replace('Tokyo Shop', 'TokyoShop') });
  expect(out).toContain(`<span class='ocrx_word' id='word_3' title='bbox 140 10 260 50; x_wconf 100'>TokyoShop</span>`);
  expect(out).not.toContain(`id='word_4'`);
  expect(reimport(out, 'p.hocr').text).toBe(original.replace('Tokyo Shop', 'TokyoShop'));
});

test('a file declared in another charset is declared UTF-8, the encoding it is written in', () => {
  const latin = xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('charset=utf-8', 'charset=iso-8859-1');
  const out = exported(latin, {});
  expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(out).toContain('content="text/html;charset=utf-8"');
});

test('a page without a sidecar comes out unchanged', () => {
  expect(exported(xml, undefined)).toBe(xml);
});

test('title properties: bbox and x_wconf replaced, x_confs dropped, others kept, quotes respected', () => {
  expect(editTitle('bbox 1 2 3 4; x_wconf 50; x_confs 40 60; x_font "A; B"', true, { x: 5, y: 6, width: 10, height: 20 })).toBe('bbox 5 6 15 26; x_wconf 100; x_font "A; B"');
  expect(editTitle('bbox 1 2 3 4', true, null)).toBe('bbox 1 2 3 4; x_wconf 100');
});

test('a line the producer wrote without word elements gets its corrected text', () => {
  const plain = xml.replace(/(<span class='ocr_line' id='line_2'[^>]*>)[\s\S]*?(<\/span>\n {4}<\/p>)/, '$1报纸 &amp; 号外$2');
  const original = layoutPage('scans/p.hocr', plain).originalText;
  expect(original).toBe('𠮷野家Tokyo Shop开\n报纸 & 号外\n\n第二段');
  const out = exported(plain, { text: original.replace('号外', '𠮷外') });
  expect(out).toContain(`<span class='ocr_line' id='line_2' title="bbox 10 60 160 100">报纸 &amp; 𠮷外</span>`);
  expect(reimport(out, 'p.hocr').text).toBe(original.replace('号外', '𠮷外'));
});
