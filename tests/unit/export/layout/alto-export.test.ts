// Corrected ALTO: the page's own ALTO file with the editor's corrections and entities, valid against the schema
// of its own ALTO version, read back by Jiaodui's importer with the corrected text, and everything the app does
// not understand kept byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { altoExporter } from '../../../../shared/export/layout/alto-export';
import { context, layoutPage, readFixtureSync, reimport, sameModuloCjkSpacing, schemaErrors, spanOf } from './support';
import { repoRoot } from '../../layout/test-support';

const exportFixture = (name: string): string => readFileSync(path.join(repoRoot, 'tests/fixtures/layout/export', name), 'utf8');

function exported(file: string, xml: string, edits: Parameters<typeof layoutPage>[2]): string {
  const result = altoExporter.exportPage(layoutPage(file, xml, edits), context);
  if (!result.ok) throw new Error(result.problem.message);
  expect(result.files.map((f) => f.path)).toEqual([file]);
  return result.files[0]!.content;
}

function stringElement(xml: string, id: string): string {
  const match = new RegExp(`<String ID="${id}"[^>]*?(?:/>|>[\\s\\S]*?</String>)`).exec(xml);
  if (!match) throw new Error(`no String ${id}`);
  return match[0];
}

describe('which pages', () => {
  test('a text page has no ALTO to correct', () => {
    const page = { ...layoutPage('p.xml', readFixtureSync('alto-v3.xml')), layoutXml: null, layout: null, source: { format: 'text' as const, sha256: '0'.repeat(64), bytes: 1, encoding: 'UTF-8', lineEnding: 'LF' as const } };
    const result = altoExporter.exportPage(page, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('not-applicable');
  });

  test('a page read from hOCR is not converted to ALTO', () => {
    const result = altoExporter.exportPage(layoutPage('p.hocr', readFixtureSync('minimal.hocr')), context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ code: 'not-applicable', message: expect.stringContaining('does not convert') });
  });

  test('a layout file that no longer matches the page text is refused, not guessed at', () => {
    const page = layoutPage('p.xml', readFixtureSync('alto-v3.xml'));
    const result = altoExporter.exportPage({ ...page, originalText: `${page.originalText}x` }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('layout-mismatch');
  });
});

describe('ALTO 2.1 (alto-v2 fixture): split, join, 𠮷, hyphen, entities', () => {
  const xml = readFixtureSync('alto-v2.xml');
  const original = layoutPage('a.xml', xml).originalText;
  // 𠮷野 → 𠮷 野 (split), "New" York → "New"York (join), 3 → 𠮷 (a character for an Extension B one),
  // York- + er: the editor removes the hyphen and the line break stays.
  const text = original.replace('第3版', '第𠮷版').replace('𠮷野', '𠮷 野').replace('"New" York-', '"New"York');
  const out = exported('a.xml', xml, {
    text,
    entities: [
      { id: 'p1', type: 'PER', ...spanOf(text, '野') },
      { id: 'l1', type: 'LOC', ...spanOf(text, '"New"York') },
    ],
  });

  test('is valid ALTO 2.1 and keeps the version', () => {
    expect(schemaErrors(out, 'alto-2-1.xsd')).toBe('');
    expect(out).toContain('xmlns="http://www.loc.gov/standards/alto/ns-v2#"');
  });

  test('re-imports with the corrected text', () => {
    expect(text).toBe('第𠮷版\n\n𠮷 野"New"York\ner日报');
    expect(sameModuloCjkSpacing(reimport(out, 'a.xml').text, text)).toBe(true);
  });

  test('splits proportionally, joins by union, sets WC of corrected words, drops CC', () => {
    expect(stringElement(out, 's3')).toBe('<String ID="s3" HPOS="100" VPOS="100" WIDTH="30" HEIGHT="45" CONTENT="𠮷" WC="1"/>');
    expect(out).toContain('<SP WIDTH="30" HPOS="130" VPOS="100"/>');
    expect(stringElement(out, 's3_2')).toBe('<String ID="s3_2" HPOS="160" VPOS="100" WIDTH="30" HEIGHT="45" CONTENT="野" WC="1" TAGREFS="NE_p1"/>');
    expect(stringElement(out, 's4')).toBe('<String ID="s4" HPOS="200" VPOS="100" WIDTH="280" HEIGHT="45" CONTENT="&quot;New&quot;York" WC="1" TAGREFS="NE_l1"/>');
    expect(out).not.toContain('ID="s5"');
    expect(stringElement(out, 's1')).toBe('<String ID="s1" HPOS="145" VPOS="20" WIDTH="40" HEIGHT="40" CONTENT="𠮷" WC="1"/>');
  });

  test('the hyphen the editor removed goes; untouched words and elements stay byte for byte', () => {
    expect(out).not.toContain('<HYP');
    expect(stringElement(out, 's0')).toBe('<String ID="s0" HPOS="100" VPOS="20" WIDTH="40" HEIGHT="40" CONTENT="第" WC="0.5" CC="4"/>');
    expect(stringElement(out, 's6')).toBe('<String ID="s6" HPOS="100" VPOS="150" WIDTH="150" HEIGHT="45" CONTENT="er" WC="0.7"/>');
    expect(out).toContain('<Illustration ID="i1" HPOS="100" VPOS="300" WIDTH="500" HEIGHT="400"/>');
    expect(out).toContain('<TopMargin HPOS="0" VPOS="0" WIDTH="1000" HEIGHT="80">');
  });

  test('entities become NamedEntityTags and the step is recorded (ALTO 2: OCRProcessing/postProcessingStep)', () => {
    expect(out).toContain('<NamedEntityTag ID="NE_p1" TYPE="PER" LABEL="野"/>');
    expect(out).toContain('<NamedEntityTag ID="NE_l1" TYPE="LOC" LABEL="&quot;New&quot;York"/>');
    expect(out).toMatch(/<OCRProcessing ID="JIAODUI_OCR_PROCESSING"><ocrProcessingStep\/><postProcessingStep><processingDateTime>2026-12-07T10:00:00.000Z<\/processingDateTime>.*<softwareName>Jiaodui<\/softwareName><softwareVersion>0.1.0<\/softwareVersion>/);
  });

  test('coordinates of the re-imported words are the exported ones', () => {
    const words = reimport(out, 'a.xml').lines[1]!.words;
    expect(words.map((w) => [w.text, w.region])).toEqual([
      ['𠮷', { x: 100, y: 100, width: 30, height: 45 }],
      ['野', { x: 160, y: 100, width: 30, height: 45 }],
      ['"New"York', { x: 200, y: 100, width: 280, height: 45 }],
    ]);
  });
});

describe('ALTO 3.0 as Tesseract writes it', () => {
  const xml = exportFixture('tesseract-alto-3.0.xml');
  const original = layoutPage('t.xml', xml).originalText;
  const text = original.replace('吉野', '𠮷野').replace('Daily1', 'Daily');
  const out = exported('t.xml', xml, { text, entities: [{ id: 'x', type: 'ORG', ...spanOf(text, '𠮷野报馆') }] });

  test('valid ALTO 3.0, one String per character kept, SP between them kept', () => {
    expect(original).toBe('上海吉野报馆\nShang hai Daily1');
    expect(schemaErrors(out, 'alto-3-0.xsd')).toBe('');
    expect(out).toContain('<String ID="string_2" HPOS="188" VPOS="100" WIDTH="40" HEIGHT="40" WC="1" CONTENT="𠮷" TAGREFS="NE_x"/><SP WIDTH="4" VPOS="100" HPOS="228"/>');
    expect(out).toContain('<String ID="string_3" HPOS="232" VPOS="100" WIDTH="40" HEIGHT="40" WC="0.88" CONTENT="野" TAGREFS="NE_x"/><SP WIDTH="4" VPOS="100" HPOS="272"/>');
    expect(out).toContain('<String ID="string_0" HPOS="100" VPOS="100" WIDTH="40" HEIGHT="40" WC="0.96" CONTENT="上"/><SP WIDTH="4" VPOS="100" HPOS="140"/>');
    expect(out).toContain('CONTENT="Daily"');
  });

  test('the processing step goes into Tesseract\'s OCRProcessing, after its OCR step', () => {
    expect(out).toMatch(/<\/ocrProcessingStep>\s*<postProcessingStep><processingDateTime>2026-12-07T10:00:00.000Z/);
    expect(out.match(/<OCRProcessing /g)).toHaveLength(1);
  });

  test('re-imports with the corrected text', () => {
    expect(reimport(out, 't.xml').text).toBe(text);
  });
});

describe('ALTO 3.1 with styles, tags and hyphenation', () => {
  const xml = exportFixture('alto-3.1.xml');
  const original = layoutPage('s.xml', xml).originalText;
  const text = original.replace('Anna', 'Anya');
  const out = exported('s.xml', xml, { text, entities: [{ id: 'a', type: 'PER', ...spanOf(text, 'Anya') }] });

  test('valid ALTO 3.1, declared UTF-8, the file\'s own named-entity tags replaced, its other tags kept', () => {
    // The importer reads `caf&#233;` undecoded (fast-xml-parser leaves numeric references in attributes); the
    // exporter pairs the word all the same.
    expect(original.startsWith('Anna Karen-\nina caf')).toBe(true);
    expect(schemaErrors(out, 'alto-3-1.xsd')).toBe('');
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(out).toContain('SCHEMAVERSION="3.1"');
    expect(out).toContain('<LayoutTag ID="LT1" LABEL="headline"/>');
    expect(out).not.toContain('OLD_NE1');
    expect(out).toContain('TAGREFS="LT1" LANG="en"');
    expect(out).toContain('CONTENT="Anya" WC="1" STYLE="bold" TAGREFS="LT1 NE_a"/>');
  });

  test('what the app does not understand stays as it was', () => {
    expect(out).toContain('<!-- ALTO 3.1 with styles, tags and a hyphenated word: everything here the app does not understand must survive. -->');
    expect(out).toContain('<TextStyle ID="font0" FONTFAMILY="Times New Roman" FONTSIZE="10"/>');
    expect(out).toContain('<String ID="S4" HPOS="320" VPOS="160" WIDTH="300" HEIGHT="50" CONTENT="caf&#233;" WC="0.99" LANG="fr">\n              <ALTERNATIVE PURPOSE="spelling">cafe</ALTERNATIVE>\n            </String>');
    expect(out).toContain('<HYP HPOS="720" VPOS="100" WIDTH="20" CONTENT="-"/>');
    expect(out).toContain('<TextLine ID="TL1" HPOS="100" VPOS="100" WIDTH="900" HEIGHT="50" BASELINE="140">');
    expect(out).toContain('SUBS_TYPE="HypPart2" SUBS_CONTENT="Karenina"/>');
  });

  test('the processing step joins the file\'s OCRProcessing', () => {
    expect(out).toMatch(/<\/ocrProcessingStep>\s*<postProcessingStep>/);
    expect(reimport(out, 's.xml').text).toBe(text);
  });
});

test('ALTO 3.1 without entities: the file\'s named-entity tag and every reference to it go, the rest stays valid', () => {
  const xml = exportFixture('alto-3.1.xml');
  const out = exported('s.xml', xml, {});
  expect(schemaErrors(out, 'alto-3-1.xsd')).toBe('');
  expect(out).not.toContain('OLD_NE1');
  expect(out).toContain('<TextBlock ID="TB1" HPOS="100" VPOS="100" WIDTH="900" HEIGHT="200" STYLEREFS="font0" TAGREFS="LT1" LANG="en">');
  expect(out).toContain('<String ID="S1" HPOS="100" VPOS="100" WIDTH="200" HEIGHT="50" CONTENT="Anna" WC="0.95" CC="0 0 1 0" STYLE="bold" TAGREFS="LT1"/>');
  expect(out).toContain('<String ID="S2" HPOS="320" VPOS="100" WIDTH="400" HEIGHT="50" CONTENT="Karen" WC="0.7" SUBS_TYPE="HypPart1" SUBS_CONTENT="Karenina"/>');
  expect(out).toContain('<Tags>\n    <LayoutTag ID="LT1" LABEL="headline"/>\n  </Tags>');
});

test('ALTO 3.1, page without a sidecar: the file\'s own tags stay exactly as they are', () => {
  const xml = exportFixture('alto-3.1.xml');
  const out = exported('s.xml', xml, undefined);
  expect(out.replace(/\s*<postProcessingStep>.*?<\/postProcessingStep>/, '').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')).toBe(xml);
});

describe('ALTO 4.4, a vertical line', () => {
  const xml = exportFixture('alto-4.4.xml');
  const original = layoutPage('v.xml', xml).originalText;
  const text = original.replace('吉', '𠮷').replace('日报社论', '日报 社论');
  const out = exported('v.xml', xml, { text });

  test('valid ALTO 4.4 with a Processing element', () => {
    expect(original).toBe('北京吉日报社论');
    expect(schemaErrors(out, 'alto-4-4.xsd')).toBe('');
    expect(out).toMatch(/<Processing ID="JIAODUI_PROCESSING"><processingCategory>contentModification<\/processingCategory><processingDateTime>2026-12-07T10:00:00.000Z/);
    expect(out).toContain('<processingSoftware><softwareName>OCR-D</softwareName></processingSoftware>');
  });

  test('a corrected word loses its glyphs, an unchanged one keeps them; a split goes down the line', () => {
    expect(out).toContain('<Glyph ID="G1" HPOS="50" VPOS="50" WIDTH="60" HEIGHT="50" CONTENT="北" GC="0.95"/>');
    expect(out).not.toContain('ID="G3"');
    expect(stringElement(out, 'S3')).toBe('<String ID="S3" HPOS="50" VPOS="200" WIDTH="60" HEIGHT="80" CONTENT="日报" WC="1"/>');
    expect(stringElement(out, 'S3_2')).toBe('<String ID="S3_2" HPOS="50" VPOS="320" WIDTH="60" HEIGHT="80" CONTENT="社论" WC="1"/>');
    expect(out).toContain('CONTENT="日报" WC="1"/>\n            <SP HEIGHT="40" WIDTH="60" HPOS="50" VPOS="280"/>\n            <String ID="S3_2"');
    expect(out).toContain('<!-- a vertical line of a Chinese newspaper: one String per character -->');
    expect(sameModuloCjkSpacing(reimport(out, 'v.xml').text, text)).toBe(true);
  });
});

describe('the ALTO 4.2 fixture and a reading-order move', () => {
  const xml = readFixtureSync('alto-v4.xml');
  test('text moved to another line stays in its original word\'s box', () => {
    const page = layoutPage('m.xml', xml);
    expect(page.originalText).toBe('号外𠮷\n完');
    // The editor moved "完" before "号外", then corrected it to "完毕".
    const moves = [{ start: 4, end: 5, to: 0 }];
    const out = exported('m.xml', xml, { moves, text: '完毕\n号外𠮷', entities: [{ id: 'e', type: 'MISC', start: 0, end: 2 }] });
    expect(schemaErrors(out, 'alto-4-4.xsd')).toBe('');
    expect(out).toContain('<String HPOS="10" VPOS="50" WIDTH="30" HEIGHT="30" CONTENT="完毕" WC="1" TAGREFS="NE_e"/>');
    expect(out).toContain('<String HPOS="10.5" VPOS="10" WIDTH="60" HEIGHT="30" CONTENT="号外" WC="0.8"/>');
    expect(out).toContain('<String HPOS="70.5" VPOS="10" WIDTH="30" HEIGHT="30" CONTENT="𠮷" WC="0.4" CC="2"/>');
    expect(out).toContain('SCHEMAVERSION="4.2"');
  });

  test('a page without a sidecar comes out as it went in, plus the processing step', () => {
    const out = exported('n.xml', xml, undefined);
    const withoutStep = out.replace(/\s*<Processing ID="JIAODUI_PROCESSING">.*?<\/Processing>/, '');
    expect(withoutStep).toBe(xml);
  });
});
