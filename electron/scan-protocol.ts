import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { relFromScanSchemeUrl } from '../shared/ipc/scan-url';
import type { Result } from '../shared/result';

/// Finds a scan image of the open corpus (the handler table's `scanImageFile`: confined, image extensions only).
export type FindScanImage = (rel: string) => Promise<Result<{ abs: string; mime: string; size: number }>>;

/// Answers one request on the scan scheme (`jiaodui-scan://corpus/?path=<relative path>`) for `protocol.handle`.
///
/// The path goes through the same confinement as the page.scanImage channel; the file is streamed, never read
/// whole. Refusals are JSON Results with status 400 or 404, as from the harness's GET.
export async function answerScanRequest(url: string, find: FindScanImage): Promise<Response> {
  const rel = relFromScanSchemeUrl(url);
  const found = rel === null ? null : await find(rel);
  if (found === null || !found.ok) {
    const body = found ?? { ok: false, error: { code: 'invalid-argument', message: 'Not a scan image address.' } };
    const status = !body.ok && body.error.code === 'not-found' ? 404 : 400;
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }
  const stream = Readable.toWeb(createReadStream(found.value.abs)) as WebReadableStream<Uint8Array>;
  return new Response(stream as unknown as ReadableStream<Uint8Array>, {
    status: 200,
    headers: { 'Content-Type': found.value.mime, 'Content-Length': String(found.value.size), 'X-Content-Type-Options': 'nosniff' },
  });
}
