// The small pieces the importers share: hOCR titles, word spacing, geometry, confidences, reading order, decoding.
import { describe, expect, it } from 'vitest';
import { toUnitConfidence } from '../../../shared/layout/confidence';
import { parsePoints, polygonBounds, regionFromCorners, unionRegions } from '../../../shared/layout/geometry';
import { hocrBbox, hocrValue, parseHocrTitle } from '../../../shared/layout/hocr-title';
import { readingOrderIds } from '../../../shared/layout/page-reading-order';
import { needsSpaceBetween } from '../../../shared/layout/word-spacing';
import { decodeXmlBytes } from '../../../shared/layout/xml-decode';
import { parseXmlTree } from '../../../shared/layout/xml-tree';

describe('parseHocrTitle', () => {
  it('splits properties on semicolons outside quotes and unquotes arguments', () => {
    const props = parseHocrTitle('image "C:\\\\scans\\\\a; b.png"; bbox 1 2 30 40; x_wconf 93');
    expect(hocrValue(props, 'image')).toBe('C:\\scans\\a; b.png');
    expect(hocrBbox(props)).toEqual({ x: 1, y: 2, width: 29, height: 38 });
    expect(hocrValue(props, 'x_wconf')).toBe('93');
  });

  it('gives no bbox when it is missing or not four numbers', () => {
    expect(hocrBbox(parseHocrTitle(undefined))).toBeNull();
    expect(hocrBbox(parseHocrTitle('bbox 1 2 3'))).toBeNull();
    expect(hocrBbox(parseHocrTitle('bbox 1 2 3 x'))).toBeNull();
  });
});

describe('needsSpaceBetween', () => {
  it('puts no space next to Chinese, Japanese or full-width punctuation and one between Latin words', () => {
    expect(needsSpaceBetween('报', '纸')).toBe(false);
    expect(needsSpaceBetween('24', '小时')).toBe(false);
    expect(needsSpaceBetween('𠮷', 'A')).toBe(false);
    expect(needsSpaceBetween('カタ', 'カナ')).toBe(false);
    expect(needsSpaceBetween('Hello', '，')).toBe(false);
    expect(needsSpaceBetween('New', 'York')).toBe(true);
    expect(needsSpaceBetween('“Yes”', 'said')).toBe(true);
    expect(needsSpaceBetween('', 'a')).toBe(false);
  });
});

describe('geometry', () => {
  it('orders corners, unions regions and bounds polygons', () => {
    expect(regionFromCorners(10, 20, 4, 6)).toEqual({ x: 4, y: 6, width: 6, height: 14 });
    expect(unionRegions([{ x: 0, y: 5, width: 2, height: 2 }, null, { x: 5, y: 0, width: 1, height: 1 }])).toEqual({ x: 0, y: 0, width: 6, height: 7 });
    expect(unionRegions([null])).toBeNull();
    expect(polygonBounds([[3, 4], [9, 1], [5, 8]])).toEqual({ x: 3, y: 1, width: 6, height: 7 });
  });

  it('parses PAGE points and refuses malformed ones', () => {
    expect(parsePoints(' 1,2  3.5,4 ')).toEqual([[1, 2], [3.5, 4]]);
    expect(parsePoints('1,2 3')).toBeNull();
    expect(parsePoints('1,2,3')).toBeNull();
    expect(parsePoints('a,b')).toBeNull();
    expect(parsePoints('')).toBeNull();
  });
});

describe('toUnitConfidence', () => {
  it('scales and clamps, and gives null for missing or non-numbers', () => {
    expect(toUnitConfidence('93', 100)).toBe(0.93);
    expect(toUnitConfidence('120', 100)).toBe(1);
    expect(toUnitConfidence(-1, 1)).toBe(0);
    expect(toUnitConfidence(undefined, 1)).toBeNull();
    expect(toUnitConfidence('', 1)).toBeNull();
    expect(toUnitConfidence('high', 1)).toBeNull();
  });
});

describe('readingOrderIds', () => {
  it('follows indexes in ordered groups and written order in unordered ones, without repeats', () => {
    const tree = parseXmlTree(
      `<Page><ReadingOrder><UnorderedGroup id="u">
        <RegionRef regionRef="z"/>
        <OrderedGroup id="o" regionRef="art"><RegionRefIndexed index="2" regionRef="b"/><RegionRefIndexed index="1" regionRef="a"/><RegionRefIndexed regionRef="c"/></OrderedGroup>
        <RegionRef regionRef="z"/>
      </UnorderedGroup></ReadingOrder></Page>`,
      'ro.xml',
    );
    if (!tree.ok) throw new Error(tree.error.message);
    expect(readingOrderIds(tree.value)).toEqual(['z', 'art', 'a', 'b', 'c']);
  });
});

describe('decodeXmlBytes', () => {
  it('honours a UTF-16 byte-order mark', () => {
    const text = '<alto>𠮷</alto>';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => {
      const units = [];
      for (let i = 0; i < c.length; i++) units.push(c.charCodeAt(i) & 0xff, c.charCodeAt(i) >> 8);
      return units;
    })]);
    expect(decodeXmlBytes(le)).toBe(text);
  });

  it('honours the encoding the XML declaration names, and strips a UTF-8 BOM', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...new TextEncoder().encode('</a>')]);
    expect(decodeXmlBytes(latin1)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
    expect(decodeXmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]))).toBe('<a/>');
  });

  it('falls back to UTF-8 for an encoding it does not know', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="x-unknown"?><a>报</a>');
    expect(decodeXmlBytes(bytes)).toContain('<a>报</a>');
  });
});
