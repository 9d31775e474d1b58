// Corrected PAGE XML: the page's own PAGE file with corrected TextEquivs at word, line and region level, entities as
// Transkribus `custom` tags, valid against the PAGE 2019 schema and read back with the corrected text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageXmlExporter } from '../../../../shared/export/layout/page-export';
import { customWithEntities } from '../../../../shared/export/layout/page-parts';
import { context, layoutPage, readFixtureSync, reimport, sameModuloCjkSpacing, schemaErrors, spanOf } from './support';
import { repoRoot } from '../../layout/test-support';

const transkribus = readFileSync(path.join(repoRoot, 'tests/fixtures/layout/export/page-2019-transkribus.xml'), 'utf8');

function exported(file: string, source: string, edits: Parameters<typeof layoutPage>[2]): string {
  const result = pageXmlExporter.exportPage(layoutPage(file, source, edits), context);
  if (!result.ok) throw new Error(result.problem.message);
  expect(result.files.map((f) => f.path)).toEqual([file]);
  return result.files[0]!.content;
}

describe('the PAGE 2019 fixture: split, 𠮷, entities across lines', () => {
  const xml = readFixtureSync('page-2019.xml');
  const original = layoutPage('p.xml', xml).originalText;
  const text = original.replace('𠮷祥', '𠮷 祥').replace('第二段', '第𠮷段');
  const out = exported('p.xml', xml, {
    text,
    entities: [
      { id: 'a', type: 'PER', ...spanOf(text, '祥如意') },
      { id: 'b', type: 'ORG', start: spanOf(text, '头条').start, end: spanOf(text, '𠮷 祥').end },
    ],
  });

  test('valid PAGE 2019 that re-imports with the corrected text', () => {
    expect(original).toBe('头版头条\n\n𠮷祥如意\n\n第二段\n\n页脚');
    expect(schemaErrors(out, 'page-2019-07-15.xsd')).toBe('');
    expect(sameModuloCjkSpacing(reimport(out, 'p.xml').text, text)).toBe(true);
  });

  test('a split word: rectangles sharing its box, conf 1, its glyphs gone; the line text corrected', () => {
    expect(out).toContain('<pc:Word id="r_a1_l1_w1">\n          <pc:Coords points="100,500 140,500 140,560 100,560"/>\n          <pc:TextEquiv conf="1"><pc:Unicode>𠮷</pc:Unicode></pc:TextEquiv>\n        </pc:Word>');
    expect(out).toContain('<pc:Word id="r_a1_l1_w1_2"><pc:Coords points="180,500 220,500 220,560 180,560"/><pc:TextEquiv conf="1"><pc:Unicode>祥</pc:Unicode></pc:TextEquiv></pc:Word>');
    expect(out).not.toContain('<pc:Glyph');
    expect(out).toContain('<pc:TextEquiv conf="1"><pc:Unicode>𠮷 祥如意</pc:Unicode></pc:TextEquiv>\n      </pc:TextLine>');
    expect(out).toContain('<pc:TextEquiv><pc:Unicode>第𠮷段</pc:Unicode></pc:TextEquiv>');
  });

  test('entities as Transkribus tags, offsets in UTF-16 units of the line, continued across lines', () => {
    // "𠮷 祥如意": 祥 is code point 2 but UTF-16 unit 3 (𠮷 is a surrogate pair).
    expect(out).toContain('<pc:TextLine id="r_a1_l1" custom="organization {offset:0; length:4; continued:true;} person {offset:3; length:3;}">');
    expect(out).toContain('<pc:TextLine id="r_head_l1" custom="organization {offset:2; length:2; continued:true;}">');
  });

  test('the Metadata records the step; untouched regions stay byte for byte', () => {
    expect(out).toContain('<pc:LastChange>2026-12-07T10:00:00.000Z</pc:LastChange>');
    expect(out).toContain('<pc:MetadataItem type="processingStep" name="Jiaodui 0.1.0" value="Jiaodui 0.1.0: proofread text (corrections by an editor) and named-entity tags" date="2026-12-07T10:00:00.000Z"/>\n  </pc:Metadata>');
    const footer = /<pc:TextRegion id="r_footer"[\s\S]*?<\/pc:TextRegion>/;
    expect(footer.exec(out)![0]).toBe(footer.exec(xml)![0]);
    expect(/<pc:ReadingOrder>[\s\S]*?<\/pc:ReadingOrder>/.exec(out)![0]).toBe(/<pc:ReadingOrder>[\s\S]*?<\/pc:ReadingOrder>/.exec(xml)![0]);
  });
});

describe('a Transkribus-style file: join, PlainText, region text, existing custom tags', () => {
  const original = layoutPage('t.xml', transkribus).originalText;
  const text = original.replace('去京', '赴京').replace('New Yrok', 'NewYork');
  const out = exported('t.xml', transkribus, {
    text,
    entities: [
      { id: 'p', type: 'PER', ...spanOf(text, '张三') },
      { id: 'l', type: 'LOC', ...spanOf(text, 'NewYork') },
    ],
  });

  test('valid PAGE 2019, re-imported with the corrected text', () => {
    expect(original).toBe('张三 去京\nNew Yrok');
    expect(schemaErrors(out, 'page-2019-07-15.xsd')).toBe('');
    expect(reimport(out, 't.xml').text).toBe(text);
  });

  test('word, line (PlainText too) and region TextEquivs; a joined word takes the union of the boxes', () => {
    expect(out).toContain('<TextEquiv conf="1"><Unicode>赴京</Unicode></TextEquiv>\n                    <TextStyle fontFamily="SimSun"/>');
    expect(out).toContain('<TextEquiv conf="1"><PlainText>张三 赴京</PlainText><Unicode>张三 赴京</Unicode></TextEquiv>\n                <TextStyle bold="true"/>');
    expect(out).toContain('<Word id="r1l2w1">\n                    <Coords points="100,200 800,200 800,260 100,260"/>\n                    <TextEquiv conf="1"><Unicode>NewYork</Unicode></TextEquiv>\n                </Word>');
    expect(out).not.toContain('r1l2w2');
    // The second line had no TextEquiv of its own: it gets one after its words.
    expect(out).toContain('</Word>\n                <TextEquiv conf="1"><Unicode>NewYork</Unicode></TextEquiv>\n            </TextLine>');
    expect(out).toContain('<TextEquiv><Unicode>张三 赴京\nNewYork</Unicode></TextEquiv>\n        </TextRegion>');
  });

  test('custom tags other than entities are kept; the file\'s person tag is replaced by the page\'s entities', () => {
    expect(out).toContain('<TextLine id="r1l1" custom="readingOrder {index:0;} textStyle {offset:3; length:2; bold:true;} person {offset:0; length:2;}">');
    expect(out).toContain('<TextLine id="r1l2" custom="readingOrder {index:1;} place {offset:0; length:7;}">');
    expect(out).toContain('<TextRegion id="r1" custom="readingOrder {index:0;}">');
    expect(out).toContain('<UserDefined><UserAttribute name="docId" type="xsd:integer" value="1"/></UserDefined>');
    expect(out).toContain('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
  });
});

test('custom attribute: no entities and no other tags gives none', () => {
  const line = { text: 'ab', changed: false, tokens: [], trailing: '', pieces: [{ start: 0, end: 2, lineOffset: 0 }] };
  expect(customWithEntities('person {offset:0; length:1;}', line, [])).toBeNull();
  expect(customWithEntities(undefined, line, [{ id: 'x', start: 1, end: 2, type: 'Work of art', text: 'b' }])).toBe('work_of_art {offset:1; length:1;}');
});

test('PAGE 2013: corrected and re-imported; no MetadataItem, which the 2013 schema lacks', () => {
  const xml = readFixtureSync('page-2013.xml');
  const original = layoutPage('o.xml', xml).originalText;
  const text = original.replace('左栏第一行', '左栏第𠮷行');
  const out = exported('o.xml', xml, { text });
  expect(reimport(out, 'o.xml').text).toBe(text);
  expect(out).toContain('<TextEquiv conf="1"><Unicode>左栏第𠮷行</Unicode></TextEquiv>');
  expect(out).toContain('<TextEquiv><Unicode>左栏第𠮷行\n左栏第二行</Unicode></TextEquiv>');
  expect(out).toContain('<LastChange>2026-12-07T10:00:00.000Z</LastChange>');
  expect(out).not.toContain('MetadataItem');
});

test('a page without a sidecar keeps the file\'s own tags and text; only the Metadata changes', () => {
  const out = exported('t.xml', transkribus, undefined);
  expect(out).toContain('custom="readingOrder {index:0;} person {offset:0; length:2;} textStyle {offset:3; length:2; bold:true;}"');
  const withoutMetadata = (text: string): string => text.replace(/<Metadata>[\s\S]*<\/Metadata>/, '');
  expect(withoutMetadata(out)).toBe(withoutMetadata(transkribus));
});
