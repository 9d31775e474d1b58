import UTIF from 'utif2';
import { fail, ok, type Result } from '../../shared/result';

/// A decoded TIFF page: its size and its pixels as RGBA, 4 bytes per pixel, row by row.
export interface DecodedTiff {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/// Decodes the first page of a TIFF file (any compression utif2 reads: none, LZW, Deflate, PackBits, CCITT
/// fax G3/G4 as in scanned documents, JPEG).
///
/// Browsers cannot show TIFF, so the viewer turns the pixels into a PNG (`tiffToPngBlob`). A file that is not a
/// TIFF or has no image gives a Result error in plain words.
export function decodeTiff(bytes: Uint8Array): Result<DecodedTiff> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const pages = UTIF.decode(buffer);
    const first = pages[0];
    if (first === undefined) return fail('invalid-argument', 'The TIFF file holds no image.');
    UTIF.decodeImage(buffer, first);
    if (!(first.width > 0 && first.height > 0)) return fail('invalid-argument', 'The TIFF image has no size.');
    const rgba = new Uint8ClampedArray(UTIF.toRGBA8(first));
    if (rgba.length !== first.width * first.height * 4) return fail('invalid-argument', 'The TIFF image could not be decoded.');
    return ok({ width: first.width, height: first.height, rgba });
  } catch (error) {
    return fail('invalid-argument', `The TIFF file cannot be read: ${(error as Error).message}`);
  }
}

/// Draws a decoded TIFF on a canvas and encodes it as PNG, for an `<img>` and CSS backgrounds (browser only).
export async function tiffToPngBlob(tiff: DecodedTiff): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = tiff.width;
  canvas.height = tiff.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No 2D canvas to draw the TIFF on.');
  context.putImageData(new ImageData(tiff.rgba, tiff.width, tiff.height), 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The TIFF could not be encoded as PNG.'))), 'image/png'));
}
