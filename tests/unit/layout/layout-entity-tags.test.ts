// Entity tags that sit in layout files: ALTO NamedEntityTag + TAGREFS, and Transkribus `custom` attributes on PAGE
// text lines (UTF-16 offsets converted to code points; 𠮷 before and inside tags).
import { describe, expect, it } from 'vitest';
import { importAlto } from '../../../shared/layout/alto';
import { entityTypeOfTagName } from '../../../shared/layout/entity-type-names';
import { parseCustomAttribute } from '../../../shared/layout/page-custom-tags';
import { importPageXml } from '../../../shared/layout/page-xml';
import type { LayoutPage } from '../../../shared/layout/types';
import { cpSlice } from '../../../shared/text/codepoints';
import { readFixtureSync } from './test-support';

function alto(xml: string): LayoutPage {
  const result = importAlto(xml, 'test.xml');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function pageXml(xml: string): LayoutPage {
  const result = importPageXml(xml, 'test.xml');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// Every span's text is the page text at its code-point offsets.
function expectSpansOnText(page: LayoutPage): void {
  for (const entity of page.entities ?? []) expect(cpSlice(page.text, entity.start, entity.end)).toBe(entity.text);
}

const altoShell = (tags: string, lines: string): string =>
  `<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Tags>${tags}</Tags><Layout><Page ID="p"><PrintSpace>${lines}</PrintSpace></Page></Layout></alto>`;

describe('ALTO NamedEntityTag', () => {
  it('reads the fixture: spans of consecutive Strings, across a line end, a later mention apart, types mapped', () => {
    const page = alto(readFixtureSync('alto-tags.xml'));
    expect(page.text).toBe('王𠮷明访问北京，\nNew York Times报道上海\n市政府与致远号\n\n王𠮷明再谈');
    expect(page.entities).toEqual([
      { start: 0, end: 3, type: 'PER', text: '王𠮷明' },
      { start: 5, end: 7, type: 'LOC', text: '北京' },
      { start: 9, end: 23, type: 'ORG', text: 'New York Times' },
      { start: 25, end: 31, type: 'ORG', text: '上海\n市政府' },
      // An unknown TYPE keeps its own name; without TYPE, the LABEL names it.
      { start: 32, end: 34, type: 'ship', text: '致远' },
      { start: 34, end: 35, type: 'Work', text: '号' },
      { start: 37, end: 40, type: 'PER', text: '王𠮷明' },
    ]);
    expectSpansOnText(page);
  });

  it('does not run a span across text blocks, and ignores refs to other kinds of tag or to no tag', () => {
    const page = alto(
      altoShell(
        '<NamedEntityTag ID="P" TYPE="person"/><StyleTag ID="S"/>',
        '<TextBlock><TextLine><String CONTENT="𠮷甲" TAGREFS="P S"/></TextLine></TextBlock>' +
          '<TextBlock><TextLine><String CONTENT="乙" TAGREFS="P"/><String CONTENT="丙" TAGREFS="S NOPE"/></TextLine></TextBlock>',
      ),
    );
    expect(page.text).toBe('𠮷甲\n\n乙丙');
    expect(page.entities).toEqual([
      { start: 0, end: 2, type: 'PER', text: '𠮷甲' },
      { start: 4, end: 5, type: 'PER', text: '乙' },
    ]);
  });

  it('keeps a span over SP and HYP, and lets two tags overlap on the same Strings', () => {
    const page = alto(
      altoShell(
        '<NamedEntityTag ID="O" TYPE="organisation"/><NamedEntityTag ID="L" TYPE="Location"/>',
        '<TextBlock><TextLine><String CONTENT="Bank" TAGREFS="O"/><SP/><String CONTENT="of" TAGREFS="O"/><SP/><String CONTENT="Chi" TAGREFS="O L"/><HYP CONTENT="-"/></TextLine>' +
          '<TextLine><String CONTENT="na" TAGREFS="O L"/><SP/><String CONTENT="today"/></TextLine></TextBlock>',
      ),
    );
    expect(page.text).toBe('Bank of Chi-\nna today');
    expect(page.entities).toEqual([
      { start: 0, end: 15, type: 'ORG', text: 'Bank of Chi-\nna' },
      { start: 8, end: 15, type: 'LOC', text: 'Chi-\nna' },
    ]);
  });

  it('leaves entities out when the file has no named-entity tags', () => {
    expect(alto(readFixtureSync('alto-v3.xml')).entities).toBeUndefined();
  });
});

describe('Transkribus custom tags on PAGE text lines', () => {
  it('parses a custom attribute with escapes', () => {
    expect(parseCustomAttribute('readingOrder {index:0;} person {offset:3; length:5; firstname:Hans\\u0020Peter;}')).toEqual([
      { name: 'readingOrder', properties: { index: '0' } },
      { name: 'person', properties: { offset: '3', length: '5', firstname: 'Hans Peter' } },
    ]);
  });

  it('reads the fixture: UTF-16 offsets as code points, continued tags joined, non-entity tags and bad ranges left out', () => {
    const page = pageXml(readFixtureSync('page-transkribus-tags.xml'));
    expect(page.text).toBe('𠮷报讯：王𠮷明抵达北京。\n中华民国二十五年五月，上海\n商务印书馆出版。\n\n𠮷林《呐喊》');
    expect(page.entities).toEqual([
      // person {offset:5; length:4}: UTF-16 units 5..9 of "𠮷报讯：王𠮷明…" are 王𠮷明, code points 4..7.
      { start: 4, end: 7, type: 'PER', text: '王𠮷明' },
      { start: 9, end: 11, type: 'LOC', text: '北京' },
      { start: 13, end: 23, type: 'DATE', text: '中华民国二十五年五月' },
      { start: 24, end: 32, type: 'ORG', text: '上海\n商务印书馆' },
      // place {offset:1; length:2} would split 𠮷's surrogate pair, place {offset:20} runs past the line: left out.
      { start: 37, end: 39, type: 'PER', text: '𠮷林' },
      { start: 39, end: 43, type: 'work', text: '《呐喊》' },
    ]);
    expectSpansOnText(page);
  });

  it('counts offsets in the raw line text and maps them through NFC', () => {
    // "e\u0301" (2 units) becomes "é" (1 code point) under NFC; the tag after it moves one back.
    const xml =
      '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="x.jpg">' +
      '<TextRegion id="r"><TextLine id="l" custom="place {offset:6; length:5;}"><TextEquiv><Unicode>Caf\u0065\u0301 Paris</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>';
    const page = pageXml(xml);
    expect(page.text).toBe('Café Paris');
    expect(page.entities).toEqual([{ start: 5, end: 10, type: 'LOC', text: 'Paris' }]);
  });

  it('does not join continued tags that do not meet at the line break', () => {
    const xml =
      '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="x.jpg"><TextRegion id="r">' +
      '<TextLine id="a" custom="person {offset:0; length:2; continued:true;}"><TextEquiv><Unicode>𠮷甲</Unicode></TextEquiv></TextLine>' +
      '<TextLine id="b" custom="person {offset:0; length:1; continued:true;}"><TextEquiv><Unicode>乙丙</Unicode></TextEquiv></TextLine>' +
      '</TextRegion></Page></PcGts>';
    expect(pageXml(xml).entities).toEqual([
      { start: 0, end: 1, type: 'PER', text: '𠮷' },
      { start: 3, end: 4, type: 'PER', text: '乙' },
    ]);
  });
});

describe('entityTypeOfTagName', () => {
  it('maps the usual names in any case and keeps others', () => {
    expect(['person', 'Place', 'ORGANIZATION', 'organisation', 'date', 'Location'].map(entityTypeOfTagName)).toEqual(['PER', 'LOC', 'ORG', 'ORG', 'DATE', 'LOC']);
    expect(entityTypeOfTagName(' ship ')).toBe('ship');
    expect(entityTypeOfTagName('')).toBe('MISC');
  });
});
