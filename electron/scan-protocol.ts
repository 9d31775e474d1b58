import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isTiffPath, previewWidthOf, relFromScanSchemeUrl } from '../shared/ipc/scan-url';
import type { Result } from '../shared/result';

/// Finds a scan image of the open corpus (the handler table's `scanImageFile`: confined, image extensions only).
export type FindScanImage = (rel: string) => Promise<Result<{ abs: string; mime: string; size: number }>>;
/// Makes the downscaled copy of a scan image of the open corpus (the handler table's `scanImagePreview`).
export type PreviewScanImage = (rel: string, width: number) => Promise<Result<{ bytes: Buffer; mime: string }>>;
/// Converts a TIFF scan of the open corpus to PNG (the handler table's `scanImageAsPng`).
export type TiffAsPng = (rel: string) => Promise<Result<{ bytes: Buffer; mime: string }>>;

/// Answers one request on the scan scheme (`jiaodui-scan://corpus/?path=<relative path>[&width=<preview width>]`)
/// for `protocol.handle`.
///
/// The path goes through the same confinement as the page.scanImage channel; the file is streamed, never read
/// whole, or its downscaled copy is sent when a width is asked for. Refusals are JSON Results with status 400 or
/// 404, as from the harness's GET.
export async function answerScanRequest(url: string, find: FindScanImage, preview?: PreviewScanImage, tiffAsPng?: TiffAsPng): Promise<Response> {
  const rel = relFromScanSchemeUrl(url);
  const width = rel === null ? null : previewWidthOf(new URL(url).searchParams);
  if (rel !== null && width !== null && preview) {
    const made = await preview(rel, width);
    return made.ok ? madeImage(made.value) : refusal(made);
  }
  // A TIFF goes as a PNG the browser can decode; where it cannot be converted, as it is (the renderer decodes it).
  if (rel !== null && isTiffPath(rel) && tiffAsPng) {
    const png = await tiffAsPng(rel);
    if (png.ok) return madeImage(png.value);
    if (png.error.code !== 'internal') return refusal(png);
  }
  const found = rel === null ? null : await find(rel);
  if (found === null || !found.ok) return refusal(found ?? { ok: false, error: { code: 'invalid-argument', message: 'Not a scan image address.' } });
  const stream = Readable.toWeb(createReadStream(found.value.abs)) as WebReadableStream<Uint8Array>;
  return new Response(stream as unknown as ReadableStream<Uint8Array>, {
    status: 200,
    headers: { 'Content-Type': found.value.mime, 'Content-Length': String(found.value.size), 'X-Content-Type-Options': 'nosniff' },
  });
}

// An image made in the main process (a preview, a TIFF as PNG).
function madeImage(image: { bytes: Buffer; mime: string }): Response {
  return new Response(new Uint8Array(image.bytes), {
    status: 200,
    headers: { 'Content-Type': image.mime, 'Content-Length': String(image.bytes.length), 'X-Content-Type-Options': 'nosniff' },
  });
}

// A refused request as a JSON Result: 404 when the image is missing, else 400.
function refusal(body: Result<unknown>): Response {
  const status = !body.ok && body.error.code === 'not-found' ? 404 : 400;
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
