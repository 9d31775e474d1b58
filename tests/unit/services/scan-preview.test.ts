import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findScanImage } from '../../../electron/services/scans/scan-image';
import { ScanPreviews, type OpenedScan } from '../../../electron/services/scans/scan-preview';
import { MAX_PREVIEW_WIDTH, previewWidthFor } from '../../../shared/ipc/scan-url';

let work: string;
let handles: fs.FileHandle[] = [];
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-preview-'));
});
afterEach(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  handles = [];
  await fs.rm(work, { recursive: true, force: true });
});

// The file opened as findScanImage opens it (the previews read only through the handle).
async function opened(abs: string | Promise<string>): Promise<OpenedScan> {
  const realPath = await abs;
  const handle = await fs.open(realPath, 'r');
  handles.push(handle);
  return { handle, realPath };
}

// A grey page with a dark band, so the preview's pixels can be checked as well as its size.
async function scan(file: string, width: number, height: number, format: 'jpeg' | 'png' | 'tiff'): Promise<string> {
  const band = await sharp({ create: { width, height: Math.floor(height / 10), channels: 3, background: { r: 20, g: 20, b: 20 } } }).png().toBuffer();
  const abs = path.join(work, file);
  await sharp({ create: { width, height, channels: 3, background: { r: 240, g: 240, b: 240 } } })
    .composite([{ input: band, top: Math.floor(height / 2), left: 0 }])
    .toFormat(format)
    .toFile(abs);
  return abs;
}

describe('scan previews', () => {
  it('makes a JPEG copy of the asked width that keeps the aspect ratio and the picture, from JPEG, PNG and TIFF', async () => {
    const previews = new ScanPreviews();
    for (const format of ['jpeg', 'png', 'tiff'] as const) {
      const made = await previews.make(await opened(scan(`big.${format}`, 4000, 6000, format)), 2000);
      expect(made.ok).toBe(true);
      if (!made.ok) continue;
      expect(made.value.mime).toBe('image/jpeg');
      const { data, info } = await sharp(made.value.bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.format]).toEqual([2000, 3000, 'raw']);
      const at = (y: number) => data[y * info.width + 100]!;
      expect(at(100)).toBeGreaterThan(200);
      expect(at(1500 + 100)).toBeLessThan(60);
    }
  });

  it('chooses widths that fill the display and that the JPEG decoder reaches by shrinking 2, 4 or 8 times', () => {
    expect(previewWidthFor(6000, 700)).toBe(750);
    expect(previewWidthFor(6000, 1400)).toBe(1500);
    expect(previewWidthFor(6000, 3500)).toBeNull();
    expect(previewWidthFor(20000, 700)).toBe(2500);
    expect(previewWidthFor(3001, 100)).toBe(376);
    // Scans that decode quickly are shown at once.
    expect(previewWidthFor(2999, 700)).toBeNull();
    expect(previewWidthFor(1874, 700)).toBeNull();
  });

  it('never enlarges a scan narrower than the preview', async () => {
    const made = await new ScanPreviews().make(await opened(scan('small.png', 1300, 1800, 'png')), 2048);
    expect(made.ok && (await sharp(made.value.bytes).metadata()).width).toBe(1300);
  });

  it('reuses a copy until the scan changes on disk', async () => {
    const previews = new ScanPreviews();
    const abs = await scan('page.jpg', 3000, 3000, 'jpeg');
    const first = await previews.make(await opened(abs), 1500);
    const again = await previews.make(await opened(abs), 1500);
    expect(first.ok && again.ok && again.value.bytes === first.value.bytes).toBe(true);
    await scan('page.jpg', 3000, 1500, 'jpeg');
    await fs.utimes(abs, new Date(), new Date(Date.now() + 5000));
    const changed = await previews.make(await opened(abs), 1500);
    expect(changed.ok && (await sharp(changed.value.bytes).metadata()).height).toBe(750);
  });

  it('refuses other widths, and says plainly when a file is missing or not an image', async () => {
    const previews = new ScanPreviews();
    const abs = await scan('page.jpg', 3000, 3000, 'jpeg');
    expect(await previews.make(await opened(abs), 255)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await previews.make(await opened(abs), MAX_PREVIEW_WIDTH + 1)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await findScanImage(work, 'none.jpg')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await fs.writeFile(path.join(work, 'broken.jpg'), 'not an image');
    const broken = await previews.make(await opened(path.join(work, 'broken.jpg')), 1500);
    expect(broken).toMatchObject({ ok: false, error: { code: 'io', message: 'The scan image cannot be decoded for a preview.' } });
  });

  it('converts a whole TIFF to a PNG of the same size and picture, and remembers it until the file changes', async () => {
    const previews = new ScanPreviews();
    const abs = await scan('page.tif', 1600, 2400, 'tiff');
    const made = await previews.png(await opened(abs));
    expect(made.ok && made.value.mime).toBe('image/png');
    if (!made.ok) return;
    const { data, info } = await sharp(made.value.bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1600, 2400]);
    expect(data[1300 * 1600 + 10]!).toBeLessThan(60);
    const again = await previews.png(await opened(abs));
    expect(again.ok && again.value.bytes === made.value.bytes).toBe(true);
    await fs.writeFile(path.join(work, 'broken.tif'), 'II*\0 not really');
    expect(await previews.png(await opened(path.join(work, 'broken.tif')))).toMatchObject({ ok: false, error: { code: 'io', message: 'The TIFF scan cannot be decoded.' } });
  });
});
