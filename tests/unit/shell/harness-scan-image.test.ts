import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createHarnessDialogs } from '../../../electron/harness/harness-dialogs';
import { startHarnessServer, type HarnessServer } from '../../../electron/harness/server';
import { testHandlers } from '../services/handler-table-fixture';
import sharp from 'sharp';
import { previewWidthFor } from '../../../shared/ipc/scan-url';
import { rawRequest } from './harness-test-helpers';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0x80, 0x81, 0xff, 0xd9]);

let work: string;
let server: HarnessServer;
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-scan-get-'));
  const corpus = path.join(work, 'corpus');
  await fs.mkdir(path.join(corpus, 'sub'), { recursive: true });
  await fs.writeFile(path.join(corpus, 'sub', 'p 𠮷.jpg'), JPEG);
  await fs.writeFile(path.join(corpus, 'sub', 'p 𠮷.txt'), '文字');
  await fs.writeFile(path.join(work, 'outside.jpg'), JPEG);
  // A scan wider than a preview, made by libvips (the tiny JPEG above cannot be decoded).
  await sharp({ create: { width: 3000, height: 4500, channels: 3, background: { r: 250, g: 250, b: 245 } } }).jpeg().toFile(path.join(corpus, 'sub', 'wide.jpg'));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } }).tiff().toFile(path.join(corpus, 'sub', 'scan.tif'));
  await fs.mkdir(path.join(work, 'static'));
  await fs.writeFile(path.join(work, 'static', 'index.html'), '<!doctype html>');
  const events = createEventStream();
  const handlers = testHandlers(path.join(work, 'state.json'));
  await handlers.openCorpus(corpus);
  await handlers.scanFinished();
  server = await startHarnessServer({ staticDir: path.join(work, 'static'), port: 0, handlers, dialogs: createHarnessDialogs(() => undefined, () => false), events });
});
afterEach(async () => {
  await server.close();
  await fs.rm(work, { recursive: true, force: true });
});

function getBytes(pathAndQuery: string): Promise<{ status: number; type: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathAndQuery, headers: { Host: `127.0.0.1:${server.port}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const scanUrl = (rel: string, token: string | null) =>
  `/api/scan-image?path=${encodeURIComponent(rel)}${token === null ? '' : `&token=${encodeURIComponent(token)}`}`;

describe('harness: scan images streamed over GET', () => {
  it('streams a scan image of the open corpus with the token in the query', async () => {
    const got = await getBytes(scanUrl('sub/p 𠮷.jpg', server.token));
    expect(got.status).toBe(200);
    expect(got.type).toBe('image/jpeg');
    expect(got.bytes.equals(Buffer.from(JPEG))).toBe(true);
  });

  it('refuses without the token, and with a wrong one', async () => {
    expect((await rawRequest(server.port, { path: scanUrl('sub/p 𠮷.jpg', null) })).status).toBe(403);
    expect((await rawRequest(server.port, { path: scanUrl('sub/p 𠮷.jpg', `${server.token}x`) })).status).toBe(403);
  });

  it('serves only scan images inside the corpus', async () => {
    const outside = await rawRequest(server.port, { path: scanUrl('../outside.jpg', server.token) });
    expect(outside.status).toBe(400);
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
    const text = await rawRequest(server.port, { path: scanUrl('sub/p 𠮷.txt', server.token) });
    expect(JSON.parse(text.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const missing = await rawRequest(server.port, { path: scanUrl('sub/none.png', server.token) });
    expect(missing.status).toBe(404);
    expect((await rawRequest(server.port, { path: scanUrl('', server.token) })).status).toBe(400);
  });

  it('sends the downscaled copy of a scan when a preview width is asked for, and refuses other widths', async () => {
    const width = previewWidthFor(3000, 1400)!;
    expect(width).toBe(1500);
    const got = await getBytes(`${scanUrl('sub/wide.jpg', server.token)}&width=${width}`);
    expect(got.status).toBe(200);
    expect(got.type).toBe('image/jpeg');
    const size = await sharp(got.bytes).metadata();
    expect([size.width, size.height]).toEqual([1500, 2250]);
    const odd = await rawRequest(server.port, { path: `${scanUrl('sub/wide.jpg', server.token)}&width=100000` });
    expect(odd.status).toBe(400);
    expect(JSON.parse(odd.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await rawRequest(server.port, { path: `${scanUrl('sub/wide.jpg', server.token)}&width=abc` })).status).toBe(400);
    const outside = await rawRequest(server.port, { path: `${scanUrl('../outside.jpg', server.token)}&width=${width}` });
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
  });

  it('sends a TIFF as a PNG the browser can show', async () => {
    const got = await getBytes(scanUrl('sub/scan.tif', server.token));
    expect(got.status).toBe(200);
    expect(got.type).toBe('image/png');
    const size = await sharp(got.bytes).metadata();
    expect([size.format, size.width, size.height]).toEqual(['png', 300, 200]);
  });
});
