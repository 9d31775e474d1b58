/// The TEI body: entity nesting and overlap, corrections at entity edges, Extension B text, escaping, line breaks.
/// Every document made here is validated against tei_all.rng with one jing run at the end.
import { describe, expect, it } from 'vitest';
import { teiPerPageExporter } from '../../../../shared/export/tei/tei-exporters';
import type { ExportOptions, ExportPage } from '../../../../shared/export/types';
import { elementTexts, jingErrorsApartFromAWrongOne, makeContext, makePage, readings, wellFormed } from './tei-helpers';

const made: string[] = [];

function exportOne(page: ExportPage, options: Partial<ExportOptions> = {}): string {
  const result = teiPerPageExporter.exportPage(page, makeContext(options));
  if (!result.ok) throw new Error(result.problem.message);
  const xml = result.files[0]!.content;
  expect(wellFormed(xml)).toBe(true);
  made.push(xml);
  return xml;
}

// The body's paragraphs, as written (one per line).
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/^ *(<p>.*<\/p>|<p\/>)$/gm)].map((m) => m[1]!);
}

describe('TEI body', () => {
  it('nests entities that nest and keeps 𠮷 whole', () => {
    const text = '𠮷野家在北京𠮷市';
    const xml = exportOne(makePage({ original: text, spans: [['ORG', 0, 3], ['LOC', 4, 8], ['LOC', 4, 6], ['PER', 0, 1]] }));
    expect(paragraphs(xml)).toEqual(['<p><orgName><persName>𠮷</persName>野家</orgName>在<placeName><placeName>北京</placeName>𠮷市</placeName></p>']);
    expect(elementTexts(xml, 'placeName').map((e) => e.text)).toEqual(['北京𠮷市', '北京']);
    expect(readings(xml, 'corr')).toEqual([text]);
  });

  it('cuts entities that overlap without nesting and links the pieces with next/prev', () => {
    const text = '甲乙丙丁戊';
    const xml = exportOne(makePage({ original: text, spans: [['PER', 0, 3], ['ORG', 2, 5]] }));
    expect(paragraphs(xml)).toEqual(['<p><persName>甲乙<orgName xml:id="e2.1" next="#e2.2">丙</orgName></persName><orgName xml:id="e2.2" prev="#e2.1">丁戊</orgName></p>']);
    // Each entity's pieces together hold exactly its text.
    expect(elementTexts(xml, 'orgName').map((e) => e.text).join('')).toBe('丙丁戊');
  });

  it('cuts a chain of overlaps into as many linked pieces as needed', () => {
    const text = 'abcdefgh';
    const xml = exportOne(makePage({ original: text, spans: [['PER', 0, 3], ['LOC', 2, 5], ['ORG', 4, 8], ['DATE', 1, 7]] }));
    for (const [name, expected] of [['persName', 'abc'], ['placeName', 'cde'], ['orgName', 'efgh'], ['date', 'bcdefg']] as const) {
      const pieces = elementTexts(xml, name);
      expect(pieces.map((p) => p.text).join('')).toBe(expected);
      if (pieces.length > 1) {
        expect(pieces[0]!.attributes.next).toBe(`#${pieces[1]!.attributes['xml:id']}`);
        expect(pieces.at(-1)!.attributes.prev).toBe(`#${pieces.at(-2)!.attributes['xml:id']}`);
      }
    }
    expect(readings(xml, 'corr')).toEqual([text]);
  });

  it('writes a correction as choice/sic/corr and an entity holding it around the choice', () => {
    const xml = exportOne(makePage({ original: '张二丰来了', corrected: '张三丰来了', spans: [['PER', 0, 3]] }));
    expect(paragraphs(xml)).toEqual(['<p><persName>张<choice><sic>二</sic><corr>三</corr></choice>丰</persName>来了</p>']);
    expect(readings(xml, 'sic')).toEqual(['张二丰来了']);
  });

  it('puts an entity inside a correction into corr, and cuts one with an edge inside a correction at that edge', () => {
    const inside = exportOne(makePage({ original: '甲XYZ乙', corrected: '甲张三丰乙', spans: [['PER', 1, 3]] }));
    expect(paragraphs(inside)).toEqual(['<p>甲<choice><sic>XYZ</sic><corr><persName>张三</persName>丰</corr></choice>乙</p>']);
    const edge = exportOne(makePage({ original: '甲XYZ乙', corrected: '甲张三丰乙', spans: [['PER', 0, 2]] }));
    expect(paragraphs(edge)).toEqual(['<p><persName xml:id="e1.1" next="#e1.2">甲</persName><choice><sic>XYZ</sic><corr><persName xml:id="e1.2" prev="#e1.1">张</persName>三丰</corr></choice>乙</p>']);
    expect(elementTexts(edge, 'persName').map((e) => e.text).join('')).toBe('甲张');
  });

  it('keeps insertions (empty sic) inside and deletions (empty corr) at an entity edge outside it', () => {
    const insertion = exportOne(makePage({ original: '李四', corrected: '李小四', spans: [['PER', 0, 3]] }));
    expect(paragraphs(insertion)).toEqual(['<p><persName>李<choice><sic/><corr>小</corr></choice>四</persName></p>']);
    const deletion = exportOne(makePage({ original: 'X李四Y', corrected: '李四', spans: [['PER', 0, 2]] }));
    expect(paragraphs(deletion)).toEqual(['<p><choice><sic>X</sic><corr/></choice><persName>李四</persName><choice><sic>Y</sic><corr/></choice></p>']);
    const inner = exportOne(makePage({ original: '李X四', corrected: '李四', spans: [['PER', 0, 2]] }));
    expect(paragraphs(inner)).toEqual(['<p><persName>李<choice><sic>X</sic><corr/></choice>四</persName></p>']);
  });

  it('names the rule that made a correction in corr/@type', () => {
    const page = makePage({ original: '土地', corrected: '士地', corrections: [{ start: 0, end: 1, original: '土', corrected: '士', rule: 'look-alike' }] });
    expect(paragraphs(exportOne(page))).toEqual(['<p><choice><sic>土</sic><corr type="look-alike">士</corr></choice>地</p>']);
  });

  it('writes other entity types as name with the type made into an XML name', () => {
    const xml = exportOne(makePage({ original: '红楼梦和水浒', spans: [['MISC', 0, 3], ['WORK OF ART', 4, 6], ['2x', 3, 4]] }));
    expect(paragraphs(xml)).toEqual(['<p><name type="MISC">红楼梦</name><name type="_2x">和</name><name type="WORK_OF_ART">水浒</name></p>']);
  });

  it('escapes markup characters, keeps CR, and names characters XML cannot hold', () => {
    const text = 'a<b>&c"d\'e\rf\u0001g\uFFFEh';
    const xml = exportOne(makePage({ original: text }));
    expect(paragraphs(xml)).toEqual(['<p>a&lt;b&gt;&amp;c"d\'e&#13;f<g type="forbidden-char" n="U+0001"/>g<g type="forbidden-char" n="U+FFFE"/>h</p>']);
    expect(readings(xml, 'corr')).toEqual([text]);
  });

  it('writes an empty page as one empty paragraph', () => {
    const xml = exportOne(makePage({ original: '' }));
    expect(paragraphs(xml)).toEqual(['<p/>']);
    expect(readings(xml, 'corr')).toEqual(['']);
  });

  it('marks original line breaks with lb, blank lines as paragraphs, in corrections too', () => {
    const original = '第一行\n第二行\n\n第二段\n\n\n第三段';
    const corrected = '第一行第二行\n\n第二段\n\n\n第三\n段';
    const xml = exportOne(makePage({ original, corrected }));
    expect(paragraphs(xml)).toEqual(['<p>第一行<choice><sic><lb/></sic><corr/></choice>第二行</p>', '<p>第二段</p>', '<p><lb/>第三<choice><sic/><corr><lb/></corr></choice>段</p>']);
    expect(readings(xml, 'corr')).toEqual([corrected]);
    expect(readings(xml, 'sic')).toEqual([original]);
  });

  it('cuts an entity at a paragraph break', () => {
    const xml = exportOne(makePage({ original: '上海\n\n市政府', spans: [['ORG', 0, 7]] }));
    expect(paragraphs(xml)).toEqual(['<p><orgName xml:id="e1.1" next="#e1.2">上海</orgName></p>', '<p><orgName xml:id="e1.2" prev="#e1.1">市政府</orgName></p>']);
  });

  it('reflows lines into paragraphs: no space between CJK lines, a space between words', () => {
    const xml = exportOne(makePage({ original: '中文第一行\n第二行\n\nEnglish line\nnext line\n𠮷\nx' }), { lineBreaks: 'paragraphs' });
    expect(paragraphs(xml)).toEqual(['<p>中文第一行第二行</p>', '<p>English line next line𠮷x</p>']);
  });

  it('every document above is valid TEI (jing, tei_all.rng)', () => {
    expect(made.length).toBeGreaterThan(10);
    expect(jingErrorsApartFromAWrongOne(made)).toEqual([]);
  });
});
