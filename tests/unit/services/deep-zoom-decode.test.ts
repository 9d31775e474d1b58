import sharp, { type Sharp as SharpImage } from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeLevel, storedFor, storedLevels, type Sharp } from '../../../electron/services/scans/deep-zoom-decode';
import { maxLevelOf } from '../../../shared/scan/deep-zoom';

// A pale 2,000 × 3,000 px page with a dark band across rows 1,500–1,599, in the format `write` gives it.
async function page(write: (image: SharpImage) => SharpImage): Promise<Buffer> {
  const band = await sharp({ create: { width: 2000, height: 100, channels: 3, background: '#101010' } }).png().toBuffer();
  return write(sharp({ create: { width: 2000, height: 3000, channels: 3, background: '#f0f0f0' } }).composite([{ input: band, left: 0, top: 1500 }])).toBuffer();
}

// sharp, recording the input options of every image it opens.
function recording(): { sharp: Sharp; inputs: object[] } {
  const inputs: object[] = [];
  const wrapped = ((input: Buffer, options: object) => {
    inputs.push(options);
    return sharp(input, options);
  }) as unknown as Sharp;
  return { sharp: wrapped, inputs };
}

const image = { width: 2000, height: 3000, maxLevel: maxLevelOf(2000, 3000) };

describe('deep-zoom decoding', () => {
  it('finds the reduced pages of a pyramidal TIFF and decodes a level from the smallest large enough', async () => {
    const tiff = await page((image) => image.tiff({ compression: 'jpeg', quality: 90, tile: true, pyramid: true }));
    const stored = await storedLevels(sharp, tiff, await sharp(tiff).metadata());
    expect(stored.map((level) => [level.width, level.height])).toEqual([[1000, 1500], [500, 750], [250, 375], [125, 187]]);
    expect(storedFor(stored, 400)).toMatchObject({ width: 500 });
    expect(storedFor(stored, 1500)).toBeNull();

    // Level 9 (250 × 375) comes from page 3 (250 px wide), not from the full-size page.
    const { sharp: spy, inputs } = recording();
    const level = await decodeLevel(spy, tiff, image, 9, stored);
    expect(inputs).toEqual([expect.objectContaining({ page: 3 })]);
    expect(level.ok && [level.value.width, level.value.height, level.value.level]).toEqual([250, 375, 9]);
    if (!level.ok) return;
    // The band (rows 1,500–1,599 at full size) at rows 187–199 of level 9; the page above it pale.
    const raw = { raw: { width: level.value.width, height: level.value.height, channels: level.value.channels } };
    // (stats() reads the input, not the extract: the rows are cut out first.)
    const mean = async (top: number) => {
      const rows = await sharp(level.value.data, raw).extract({ left: 0, top, width: 250, height: 6 }).png().toBuffer();
      return (await sharp(rows).stats()).channels[0]!.mean;
    };
    expect(await mean(190)).toBeLessThan(60);
    expect(await mean(120)).toBeGreaterThan(200);
  });

  it('decodes a JPEG or a single-page TIFF from the image itself', async () => {
    for (const buffer of [await page((image) => image.jpeg()), await page((image) => image.tiff({ compression: 'lzw' }))]) {
      const stored = await storedLevels(sharp, buffer, await sharp(buffer).metadata());
      expect(stored).toEqual([]);
      const { sharp: spy, inputs } = recording();
      const level = await decodeLevel(spy, buffer, image, 10, stored);
      expect(level.ok && [level.value.width, level.value.height]).toEqual([500, 750]);
      expect(inputs).toEqual([expect.not.objectContaining({ page: expect.anything() })]);
    }
  });
});
