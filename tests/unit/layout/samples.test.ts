// The importers on the real Tesseract output in tests/fixtures/samples/scans, checked against the .txt and .jpg beside it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLayout } from '../../../shared/layout/detect';
import type { LayoutPage } from '../../../shared/layout/types';
import { expectOffsetsConsistent, jpegSizeSync, scansDir } from './test-support';

const samples = [
  { base: 'pharmacy-supply', lines: 14 },
  { base: 'heating-supply', lines: 21 },
];

function importSample(file: string): LayoutPage {
  const result = importLayout(readFileSync(path.join(scansDir, file), 'utf8'), file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe.each(samples)('the $base sample', ({ base, lines }) => {
  const tesseractLines = readFileSync(path.join(scansDir, `${base}.txt`), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const image = jpegSizeSync(path.join(scansDir, `${base}.jpg`));

  describe.each([
    { file: `${base}.hocr`, format: 'hocr' },
    { file: `${base}.xml`, format: 'alto' },
  ])('read from $file', ({ file, format }) => {
    const page = importSample(file);

    it('is recognised as the right format and names the scan beside it', () => {
      expect(page.format).toBe(format);
      expect(page.image).toBe(`${base}.jpg`);
    });

    it(`finds all ${lines} text lines`, () => {
      expect(page.lines).toHaveLength(lines);
    });

    it('gives the same line text as the Tesseract .txt beside it, apart from spaces', () => {
      expect(page.lines.map((line) => withoutSpaces(line.text))).toEqual(tesseractLines.map(withoutSpaces));
    });

    it('gives the image size the JPEG header has', () => {
      expect({ width: page.imageWidth, height: page.imageHeight }).toEqual(image);
    });

    it('places every line and word region inside the image', () => {
      const regions = page.lines.flatMap((line) => [line.region, ...line.words.map((word) => word.region)]);
      expect(regions.length).toBeGreaterThan(lines);
      for (const region of regions) {
        expect(region).not.toBeNull();
        expect(region!.x).toBeGreaterThanOrEqual(0);
        expect(region!.y).toBeGreaterThanOrEqual(0);
        expect(region!.x + region!.width).toBeLessThanOrEqual(image.width);
        expect(region!.y + region!.height).toBeLessThanOrEqual(image.height);
      }
    });

    it('keeps line and word offsets consistent with the page text', () => {
      expectOffsetsConsistent(page);
    });

    it('gives word confidences between 0 and 1 and at least one unsure word', () => {
      const confidences = page.lines.flatMap((line) => line.words.map((word) => word.confidence));
      expect(confidences.every((c) => c !== null && c >= 0 && c <= 1)).toBe(true);
      expect(confidences.some((c) => c! < 0.5)).toBe(true);
    });
  });

  it('reads the same text, line regions and word boxes from the hOCR and the ALTO file', () => {
    const hocr = importSample(`${base}.hocr`);
    const alto = importSample(`${base}.xml`);
    expect(alto.text).toBe(hocr.text);
    expect(alto.lines.map((line) => line.region)).toEqual(hocr.lines.map((line) => line.region));
    expect(alto.lines.map((line) => line.words.map((w) => w.region))).toEqual(hocr.lines.map((line) => line.words.map((w) => w.region)));
  });
});
