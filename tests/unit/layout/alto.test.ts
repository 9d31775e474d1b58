// ALTO import on hand-written v2, v3 and v4 files: versions, spaces, hyphens, WC and CC.
import { describe, expect, it } from 'vitest';
import { importAlto, parseCharacterConfidences } from '../../../shared/layout/alto';
import type { LayoutPage } from '../../../shared/layout/types';
import { expectOffsetsConsistent, readFixtureSync } from './test-support';

function imported(name: string): LayoutPage {
  const result = importAlto(readFixtureSync(name), name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('importAlto', () => {
  it('reads ALTO v2 with a margin block, SP, HYP, entities and CC digits run together', () => {
    const page = imported('alto-v2.xml');
    expect(page).toMatchObject({ format: 'alto', formatVersion: '2', image: 'scans/alto-v2.tif', imageWidth: 1000, imageHeight: 1400 });
    expect(page.text).toBe('第3版\n\n𠮷野"New" York-\ner日报');
    expect(page.lines[1]!.textStart).toBe(5);
    expect(page.lines[1]!.words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['𠮷野', 5, 7],
      ['"New"', 7, 12],
      ['York', 13, 17],
    ]);
    // CC "09": 𠮷 sure (1), 野 unsure (0); the rest of the line has no character confidences.
    expect(page.lines[1]!.charConfidences!.slice(0, 3)).toEqual([1, 0, null]);
    expect(page.lines[2]!.words[1]!.confidence).toBeNull();
    expectOffsetsConsistent(page);
  });

  it('reads ALTO v3 as Tesseract writes it: no space between CJK strings even where SP is written', () => {
    const page = imported('alto-v3.xml');
    expect(page.formatVersion).toBe('3');
    expect(page.text).toBe('𠮷早报，\n\nPage 2');
    expect(page.lines[0]!.region).toEqual({ x: 20, y: 20, width: 300, height: 40 });
    expect(page.lines[0]!.words.map((w) => w.confidence)).toEqual([0.91, 0.5, 0.2]);
    expect(page.lines[0]!.charConfidences).toEqual([1 - 1 / 9, 1, 0, null]);
    expect(page.lines[1]!.words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['Page', 6, 10],
      ['2', 11, 12],
    ]);
    expectOffsetsConsistent(page);
  });

  it('reads ALTO v4 with SCHEMAVERSION, fractional pixel positions and strings without SP', () => {
    const page = imported('alto-v4.xml');
    expect(page).toMatchObject({ formatVersion: '4.2', image: 'alto-v4.png', imageWidth: 500.5, imageHeight: 700 });
    expect(page.lines.map((l) => l.text)).toEqual(['号外𠮷', '完']);
    expect(page.lines[0]!.region!.x).toBe(10.5);
    expect(page.lines[0]!.words[1]).toMatchObject({ text: '𠮷', start: 2, end: 3, confidence: 0.4 });
    expect(page.lines[1]!.textStart).toBe(4);
    expect(page.lines[1]!.confidence).toBeNull();
    expectOffsetsConsistent(page);
  });

  it('decodes numeric character references in CONTENT, and leaves an escaped ampersand as text', () => {
    const xml = '<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="caf&#233;"/><SP/><String CONTENT="na&#xEF;ve&amp;#233;"/><SP/><String CONTENT="&#x20BB7;"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>';
    const page = importAlto(xml, 'refs.xml');
    expect(page.ok && page.value.text).toBe('café naïve&#233;𠮷');
  });

  it('refuses coordinates in mm10, which cannot be placed on the scan', () => {
    const xml = readFixtureSync('alto-v3.xml').replace('<MeasurementUnit>pixel', '<MeasurementUnit>mm10');
    const result = importAlto(xml, 'mm.xml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('mm10');
  });

  it('refuses a document whose root is not alto', () => {
    const result = importAlto('<PcGts/>', 'other.xml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ file: 'other.xml', line: 0 });
  });
});

describe('parseCharacterConfidences', () => {
  it('reads space-separated and run-together digits, 0 meaning sure', () => {
    expect(parseCharacterConfidences('0 9 3', 3)).toEqual([1, 0, 1 - 3 / 9]);
    expect(parseCharacterConfidences('90', 2)).toEqual([0, 1]);
  });

  it('gives nothing when the count does not match the characters', () => {
    expect(parseCharacterConfidences('0 0', 3)).toBeUndefined();
    expect(parseCharacterConfidences('', 1)).toBeUndefined();
    expect(parseCharacterConfidences('x', 1)).toBeUndefined();
  });
});
