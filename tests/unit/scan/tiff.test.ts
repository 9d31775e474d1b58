import { describe, expect, it } from 'vitest';
import UTIF from 'utif2';
import { decodeTiff } from '../../../renderer/scan/tiff';

// A 3 × 2 image: red, green, blue on the first row; white, black, half-transparent grey on the second.
const PIXELS = [
  [255, 0, 0, 255],
  [0, 255, 0, 255],
  [0, 0, 255, 255],
  [255, 255, 255, 255],
  [0, 0, 0, 255],
  [128, 128, 128, 128],
].flat();

describe('decoding TIFF scans', () => {
  it('reads back the size and every pixel of a TIFF written by utif2', () => {
    const tiff = new Uint8Array(UTIF.encodeImage(Uint8Array.from(PIXELS), 3, 2));
    expect(Array.from(tiff.slice(0, 2), (byte) => String.fromCharCode(byte)).join('')).toMatch(/II|MM/);
    const decoded = decodeTiff(tiff);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.width).toBe(3);
    expect(decoded.value.height).toBe(2);
    expect(Array.from(decoded.value.rgba)).toEqual(PIXELS);
  });

  it('decodes a TIFF that sits inside a larger buffer', () => {
    const tiff = new Uint8Array(UTIF.encodeImage(Uint8Array.from(PIXELS), 3, 2));
    const padded = new Uint8Array(tiff.length + 16);
    padded.set(tiff, 8);
    const decoded = decodeTiff(padded.subarray(8, 8 + tiff.length));
    expect(decoded.ok && decoded.value.width).toBe(3);
  });

  it('says in plain words when the bytes are not a TIFF', () => {
    const decoded = decodeTiff(new TextEncoder().encode('not a tiff at all'));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toMatch(/TIFF/);
  });
});
