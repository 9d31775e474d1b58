import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerScanRequest } from '../../../electron/scan-protocol';
import { findScanImage } from '../../../electron/services/scans/scan-image';
import { ScanPreviews } from '../../../electron/services/scans/scan-preview';
import { scanSchemeUrl } from '../../../shared/ipc/scan-url';

let corpus: string;
const previews = new ScanPreviews();
const find = (rel: string) => findScanImage(corpus, rel);
const preview = async (rel: string, width: number) => {
  const found = await findScanImage(corpus, rel);
  if (!found.ok) return found;
  try {
    return await previews.make(found.value, width);
  } finally {
    await found.value.handle.close();
  }
};
const asPng = async (rel: string) => {
  const found = await findScanImage(corpus, rel);
  if (!found.ok) return found;
  try {
    return await previews.png(found.value);
  } finally {
    await found.value.handle.close();
  }
};

beforeAll(async () => {
  corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-scan-scheme-'));
  await sharp({ create: { width: 2600, height: 1300, channels: 3, background: '#eeeeee' } }).png().toFile(path.join(corpus, '𠮷 page.png'));
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#eeeeee' } }).tiff().toFile(path.join(corpus, 'scan.tiff'));
});
afterAll(async () => {
  await fs.rm(corpus, { recursive: true, force: true });
});

describe('Electron scan scheme', () => {
  it('streams the scan itself, or its downscaled copy when the URL names a preview width', async () => {
    const whole = await answerScanRequest(scanSchemeUrl('𠮷 page.png'), { scanImageFile: find, scanImagePreview: preview });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('Content-Type')).toBe('image/png');
    expect((await sharp(Buffer.from(await whole.arrayBuffer())).metadata()).width).toBe(2600);

    const copy = await answerScanRequest(scanSchemeUrl('𠮷 page.png', 1300), { scanImageFile: find, scanImagePreview: preview });
    expect(copy.headers.get('Content-Type')).toBe('image/jpeg');
    const size = await sharp(Buffer.from(await copy.arrayBuffer())).metadata();
    expect([size.width, size.height]).toEqual([1300, 650]);
  });

  it('refuses paths outside the corpus and widths it does not make, with a JSON Result', async () => {
    const outside = await answerScanRequest(scanSchemeUrl('../x.png', 1300), { scanImageFile: find, scanImagePreview: preview });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
    const odd = await answerScanRequest(`${scanSchemeUrl('𠮷 page.png')}&width=12`, { scanImageFile: find, scanImagePreview: preview });
    expect(await odd.json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const missing = await answerScanRequest(scanSchemeUrl('none.png'), { scanImageFile: find, scanImagePreview: preview });
    expect(missing.status).toBe(404);
    expect((await answerScanRequest('https://example.org/?path=a.png', { scanImageFile: find, scanImagePreview: preview })).status).toBe(400);
  });

  it('sends a TIFF as a PNG, and the TIFF itself where it cannot be converted', async () => {
    const png = await answerScanRequest(scanSchemeUrl('scan.tiff'), { scanImageFile: find, scanImagePreview: preview, scanImageAsPng: asPng });
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect((await sharp(Buffer.from(await png.arrayBuffer())).metadata()).width).toBe(400);
    const unconverted = await answerScanRequest(scanSchemeUrl('scan.tiff'), { scanImageFile: find, scanImagePreview: preview, scanImageAsPng: async () => ({
      ok: false,
      error: { code: 'internal', message: 'TIFF conversion is not available on this system; the renderer decodes the file.' },
    }) });
    expect(unconverted.headers.get('Content-Type')).toBe('image/tiff');
  });
});
