// PAGE XML import on hand-written 2013 and 2019 files whose reading order differs from document order.
import { describe, expect, it } from 'vitest';
import { importPageXml } from '../../../shared/layout/page-xml';
import type { LayoutPage } from '../../../shared/layout/types';
import { expectOffsetsConsistent, readFixtureSync } from './test-support';

function imported(name: string, xml = readFixtureSync(name)): LayoutPage {
  const result = importPageXml(xml, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('importPageXml', () => {
  it('reads PAGE 2013 regions in reading order, not in the order they are written', () => {
    const page = imported('page-2013.xml');
    expect(page).toMatchObject({ format: 'page', formatVersion: '2013-07-15', image: 'page-2013.tif', imageWidth: 1200, imageHeight: 1600 });
    expect(page.text).toBe('𠮷标题 News\n\n左栏第一行\n左栏第二行');
    expectOffsetsConsistent(page);
  });

  it('uses the TextEquiv with the lowest index and its conf', () => {
    const line = imported('page-2013.xml').lines[0]!;
    expect(line.text).toBe('𠮷标题 News');
    expect(line.confidence).toBe(0.85);
  });

  it('finds the words inside the line text and keeps the text between them', () => {
    const line = imported('page-2013.xml').lines[0]!;
    expect(line.words.map((w) => [w.text, w.start, w.end, w.confidence])).toEqual([
      ['𠮷', 0, 1, 0.3],
      ['标题', 1, 3, 0.9],
    ]);
    expect(line.words[1]!.region).toEqual({ x: 660, y: 100, width: 100, height: 50 });
  });

  it('gives each line its Coords polygon and the polygon’s bounding box', () => {
    const line = imported('page-2013.xml').lines[2]!;
    expect(line.polygon).toEqual([
      [100, 160],
      [480, 165],
      [480, 215],
      [100, 210],
    ]);
    expect(line.region).toEqual({ x: 100, y: 160, width: 380, height: 55 });
    expect(line.confidence).toBeNull();
  });

  it('reads PAGE 2019 with a namespace prefix, nested indexed groups, and unordered regions last', () => {
    const page = imported('page-2019.xml');
    expect(page).toMatchObject({ formatVersion: '2019-07-15', image: 'images/page-2019.jpg', imageWidth: 2000, imageHeight: 3000 });
    expect(page.lines.map((l) => l.text)).toEqual(['头版头条', '𠮷祥如意', '第二段', '页脚']);
    expect(page.text).toBe('头版头条\n\n𠮷祥如意\n\n第二段\n\n页脚');
    expectOffsetsConsistent(page);
  });

  it('builds a line without its own TextEquiv from its words, with glyph confidences per character', () => {
    const line = imported('page-2019.xml').lines[1]!;
    expect(line.textStart).toBe(6);
    expect(line.words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['𠮷祥', 6, 8],
      ['如意', 8, 10],
    ]);
    expect(line.charConfidences).toEqual([0.25, 0.75, null, null]);
    expect(line.confidence).toBeCloseTo(0.7, 10);
  });

  it('reads the old PAGE Point elements as a polygon', () => {
    const xml = `<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19"><Page imageFilename="a.png" imageWidth="10" imageHeight="10">
      <TextRegion id="r"><TextLine id="l"><Coords><Point x="1" y="2"/><Point x="8" y="2"/><Point x="8" y="6"/></Coords>
      <TextEquiv><Unicode>旧</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>`;
    const page = imported('old.xml', xml);
    expect(page.formatVersion).toBe('2010-03-19');
    expect(page.lines[0]!.region).toEqual({ x: 1, y: 2, width: 7, height: 4 });
  });

  it('refuses a PcGts without a Page', () => {
    const result = importPageXml('<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"/>', 'empty.xml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('empty.xml: the file has no Page element');
  });
});
