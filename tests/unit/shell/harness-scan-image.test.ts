import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewWidthFor } from '../../../shared/ipc/scan-url';
import { startCorpusHarness, type CorpusHarness } from './harness-corpus-fixture';
import { rawRequest } from './harness-test-helpers';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0x80, 0x81, 0xff, 0xd9]);

let work: string;
let harness: CorpusHarness;
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
  harness = await startCorpusHarness(work, corpus, path.join(work, 'state.json'));
});
afterEach(async () => {
  await harness.close();
  await fs.rm(work, { recursive: true, force: true });
});

const raw = (options: { path: string }) => rawRequest(harness.server.port, options);

describe('harness: scan images streamed over GET', () => {
  it('streams a scan image of the open corpus with the token in the query', async () => {
    const got = await harness.getScan('sub/p 𠮷.jpg');
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.bytes.equals(Buffer.from(JPEG))).toBe(true);
  });

  it('refuses without the token, and with a wrong one', async () => {
    expect((await raw({ path: harness.scanUrl('sub/p 𠮷.jpg', null) })).status).toBe(403);
    expect((await raw({ path: harness.scanUrl('sub/p 𠮷.jpg', `${harness.server.token}x`) })).status).toBe(403);
  });

  it('serves only scan images inside the corpus', async () => {
    const outside = await raw({ path: harness.scanUrl('../outside.jpg') });
    expect(outside.status).toBe(400);
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
    const text = await raw({ path: harness.scanUrl('sub/p 𠮷.txt') });
    expect(JSON.parse(text.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const missing = await raw({ path: harness.scanUrl('sub/none.png') });
    expect(missing.status).toBe(404);
    expect((await raw({ path: harness.scanUrl('') })).status).toBe(400);
  });

  it('sends the downscaled copy of a scan when a preview width is asked for, and refuses other widths', async () => {
    const width = previewWidthFor(3000, 1400)!;
    expect(width).toBe(1500);
    const got = await harness.getScan('sub/wide.jpg', `&width=${width}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const size = await sharp(got.bytes).metadata();
    expect([size.width, size.height]).toEqual([1500, 2250]);
    const odd = await raw({ path: `${harness.scanUrl('sub/wide.jpg')}&width=100000` });
    expect(odd.status).toBe(400);
    expect(JSON.parse(odd.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await raw({ path: `${harness.scanUrl('sub/wide.jpg')}&width=abc` })).status).toBe(400);
    const outside = await raw({ path: `${harness.scanUrl('../outside.jpg')}&width=${width}` });
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
  });

  it('sends a TIFF as a PNG the browser can show', async () => {
    const got = await harness.getScan('sub/scan.tif');
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    const size = await sharp(got.bytes).metadata();
    expect([size.format, size.width, size.height]).toEqual(['png', 300, 200]);
  });
});
