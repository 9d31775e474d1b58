import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { previewWidthOf, relFromScanSchemeUrl } from '../shared/ipc/scan-url';
import { tileRequestOf } from '../shared/ipc/scan-tile-url';
import { answerScanImage, type ScanImageSources } from './scan-image-answer';
import { APP_SCHEME, APP_HOST } from './app-scheme';

// The page's origin (app://jiaodui), the only one a scan answer is for; the scheme is CORS-enabled (main.ts).
const CORS = { 'Access-Control-Allow-Origin': `${APP_SCHEME}://${APP_HOST}` };

/// Answers one request on the scan scheme (`jiaodui-scan://corpus/?path=<relative path>[&width=<preview width>]`,
/// or a deep-zoom `&tile=…` / `&crop=…`, see scan-tile-url.ts)
/// for `protocol.handle`.
///
/// The path goes through the same confinement as the page.scanImage channel (`answerScanImage`); the file is
/// streamed from the handle that was verified inside the corpus (never reopened by path), never read whole, or its downscaled copy is sent when a width is asked for. Refusals are JSON Results
/// with status 400 or 404, as from the harness's GET.
export async function answerScanRequest(url: string, sources: ScanImageSources): Promise<Response> {
  const rel = relFromScanSchemeUrl(url);
  const params = rel === null ? null : new URL(url).searchParams;
  const width = params === null ? null : previewWidthOf(params);
  const answer = await answerScanImage(rel, width, sources, params === null ? null : tileRequestOf(params));
  if (answer.kind === 'made') return madeImage(answer.image);
  if (answer.kind === 'refused') return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json', ...CORS } });
  const stream = Readable.toWeb(answer.handle.createReadStream()) as WebReadableStream<Uint8Array>;
  return new Response(stream as unknown as ReadableStream<Uint8Array>, {
    status: 200,
    headers: { 'Content-Type': answer.mime, 'Content-Length': String(answer.size), 'X-Content-Type-Options': 'nosniff', ...CORS },
  });
}

// An image made in the main process (a preview, a TIFF as PNG).
function madeImage(image: { bytes: Buffer; mime: string }): Response {
  return new Response(new Uint8Array(image.bytes), {
    status: 200,
    headers: { 'Content-Type': image.mime, 'Content-Length': String(image.bytes.length), 'X-Content-Type-Options': 'nosniff', ...CORS },
  });
}
