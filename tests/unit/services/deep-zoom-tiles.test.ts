import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tileCacheKeyOf } from '../../../electron/services/scans/deep-zoom-cache';
import { DeepZoomTiles } from '../../../electron/services/scans/deep-zoom-tiles';
import type { OpenedScan } from '../../../electron/services/scans/scan-preview';
import { levelSize } from '../../../shared/scan/deep-zoom';

let work: string;
let tilesDir: string;
let handles: fs.FileHandle[] = [];
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-deep-zoom-'));
  tilesDir = path.join(work, 'state', 'corpora', 'x', 'tiles');
});
afterEach(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  handles = [];
  await fs.rm(work, { recursive: true, force: true });
});

async function opened(realPath: string): Promise<OpenedScan> {
  const handle = await fs.open(realPath, 'r');
  handles.push(handle);
  return { handle, realPath };
}

// A pale 2,000 × 3,000 px page with a dark band across rows 1,500–1,599 (`band` sets its colour).
async function scan(file: string, band = '#101010'): Promise<string> {
  const dark = await sharp({ create: { width: 2000, height: 100, channels: 3, background: band } }).png().toBuffer();
  const abs = path.join(work, file);
  await sharp({ create: { width: 2000, height: 3000, channels: 3, background: '#f0f0f0' } })
    .composite([{ input: dark, left: 0, top: 1500 }])
    .jpeg({ quality: 90 })
    .toFile(abs);
  return abs;
}

async function meanOf(bytes: Buffer): Promise<number> {
  const stats = await sharp(bytes).stats();
  return stats.channels[0]!.mean;
}

describe('deep-zoom tiles', () => {
  it('describes the pyramid and serves the base level at once, before the whole pyramid exists', async () => {
    const file = await scan('page.jpg');
    const tiles = new DeepZoomTiles({ baseMaxWidth: 600 });
    const info = await tiles.info(await opened(file), tilesDir);
    expect(info).toEqual({ ok: true, value: { width: 2000, height: 3000, tileSize: 256, maxLevel: 12, baseLevel: 10 } });
    // Level 10 is 500 × 750: its tile (0, 2) covers rows 512–749, the band at 375–399 is in tile (0, 1).
    const tile = await tiles.tile(await opened(file), tilesDir, 10, 0, 2);
    expect(tile.ok && (await sharp(tile.value.bytes).metadata())).toMatchObject({ width: 256, height: 238, format: 'jpeg' });
    const band = await tiles.tile(await opened(file), tilesDir, 10, 1, 1);
    expect(band.ok).toBe(true);
    if (!band.ok) return;
    const strip = await sharp(band.value.bytes).extract({ left: 0, top: 375 - 256, width: 200, height: 25 }).toBuffer();
    expect(await meanOf(strip)).toBeLessThan(40);
    const level9 = await tiles.tile(await opened(file), tilesDir, 9, 0, 0);
    expect(level9.ok && (await sharp(level9.value.bytes).metadata())).toMatchObject({ width: 250, height: 256 });
    // The whole pyramid was started behind them; let it finish before the folder is removed.
    expect((await tiles.pyramid(await opened(file), tilesDir)).ok).toBe(true);
  });

  it('cuts the lowest levels from a small copy of the base level, with the same pixels', async () => {
    const file = await scan('page.jpg');
    // Base level 12 (the whole 2,000 px), small copy level 10 (500 px): level 9 (250 × 375) comes from the copy.
    const tiles = new DeepZoomTiles();
    const info = await tiles.info(await opened(file), tilesDir);
    expect(info.ok && info.value.baseLevel).toBe(12);
    const level9 = await tiles.tile(await opened(file), tilesDir, 9, 0, 0);
    expect(level9.ok && (await sharp(level9.value.bytes).metadata())).toMatchObject({ width: 250, height: 256 });
    // The band (rows 1,500–1,599 at full size) is at rows 187–199 of level 9, the page around it pale.
    if (level9.ok) {
      const rows = (top: number) => sharp(level9.value.bytes).extract({ left: 0, top, width: 250, height: 8 }).toBuffer().then(meanOf);
      expect(await rows(189)).toBeLessThan(60);
      expect(await rows(150)).toBeGreaterThan(200);
    }
    const level0 = await tiles.tile(await opened(file), tilesDir, 0, 0, 0);
    expect(level0.ok && (await sharp(level0.value.bytes).metadata())).toMatchObject({ width: 1, height: 1 });
    expect((await tiles.pyramid(await opened(file), tilesDir)).ok).toBe(true);
  });

  it('serves the first view from the view level alone and decodes the base level only when a tile above it is asked for', async () => {
    const file = await scan('page.jpg');
    // View level 10 (500 × 750), base level 12 (the whole 2,000 px); the pyramid is not started during the test.
    const tiles = new DeepZoomTiles({ viewMaxWidth: 600, pyramidDelayMs: 60_000 });
    const info = await tiles.info(await opened(file), tilesDir);
    expect(info.ok && info.value.baseLevel).toBe(12);
    const bandRows = (bytes: Buffer, top: number, left = 0) => sharp(bytes).extract({ left, top, width: 100, height: 8 }).toBuffer().then(meanOf);
    // Level 10: the band (rows 1,500–1,599) is at rows 375–399, in tile (0, 1) at 119–143.
    const view = await tiles.tile(await opened(file), tilesDir, 10, 0, 1);
    expect(view.ok).toBe(true);
    if (view.ok) {
      expect(await bandRows(view.value.bytes, 125)).toBeLessThan(60);
      expect(await bandRows(view.value.bytes, 60)).toBeGreaterThan(200);
    }
    // Level 11 (1,000 × 1,500) is above the view level: cut from the base level, the band at rows 750–799.
    const above = await tiles.tile(await opened(file), tilesDir, 11, 3, 2);
    expect(above.ok && (await sharp(above.value.bytes).metadata())).toMatchObject({ width: 1000 - 3 * 256, height: 256 });
    if (above.ok) {
      expect(await bandRows(above.value.bytes, 750 - 512 + 2)).toBeLessThan(60);
      expect(await bandRows(above.value.bytes, 700 - 512)).toBeGreaterThan(200);
    }
    // Both came from memory: no pyramid was written.
    const key = await tileCacheKeyOf(await opened(file), tilesDir);
    await expect(fs.access(path.join(key.dir, 'pyramid'))).rejects.toThrow();
    expect((await tiles.pyramid(await opened(file), tilesDir)).ok).toBe(true);
  });

  it('writes the whole pyramid into the tiles folder and serves every level from it', async () => {
    const file = await scan('page.jpg');
    const tiles = new DeepZoomTiles({ baseMaxWidth: 600 });
    // A tile above the base level waits for the pyramid.
    const top = await tiles.tile(await opened(file), tilesDir, 12, 7, 5);
    expect(top.ok && (await sharp(top.value.bytes).metadata())).toMatchObject({ width: 2000 - 7 * 256, height: 256 });
    if (top.ok) expect(await meanOf(await sharp(top.value.bytes).extract({ left: 0, top: 1500 - 5 * 256, width: 100, height: 30 }).toBuffer())).toBeLessThan(40);
    const key = await tileCacheKeyOf(await opened(file), tilesDir);
    const files = await fs.readdir(path.join(key.dir, 'pyramid', 'p_files'));
    expect(files.filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 13 }, (_, i) => String(i)));
    const size = levelSize(2000, 3000, 12);
    expect((await fs.readdir(path.join(key.dir, 'pyramid', 'p_files', '12'))).length).toBe(Math.ceil(size.width / 256) * Math.ceil(size.height / 256));
    // No half-written pyramid left behind.
    expect((await fs.readdir(key.dir)).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  it('crops a line from the tiles, scaled to the asked height', async () => {
    const file = await scan('page.jpg');
    const tiles = new DeepZoomTiles({ baseMaxWidth: 600 });
    expect((await tiles.pyramid(await opened(file), tilesDir)).ok).toBe(true);
    const crop = await tiles.crop(await opened(file), tilesDir, { x: 100, y: 1500, width: 1800, height: 100 }, 40);
    expect(crop.ok && (await sharp(crop.value.bytes).metadata())).toMatchObject({ width: 720, height: 40 });
    if (crop.ok) expect(await meanOf(crop.value.bytes)).toBeLessThan(40);
    const outside = await tiles.crop(await opened(file), tilesDir, { x: 5000, y: 5000, width: 10, height: 10 }, 40);
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses a tile the pyramid does not have', async () => {
    const file = await scan('page.jpg');
    const tiles = new DeepZoomTiles();
    for (const [level, column, row] of [[13, 0, 0], [12, 8, 0], [12, 0, 12]] as const) {
      expect(await tiles.tile(await opened(file), tilesDir, level, column, row)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('keys the cache by the file as it is: a changed scan gets fresh tiles and the old ones are removed', async () => {
    const file = await scan('page.jpg');
    const tiles = new DeepZoomTiles({ baseMaxWidth: 600 });
    expect((await tiles.pyramid(await opened(file), tilesDir)).ok).toBe(true);
    const first = await tileCacheKeyOf(await opened(file), tilesDir);
    expect(await tileCacheKeyOf(await opened(file), tilesDir)).toEqual(first);
    const darkBefore = await tiles.tile(await opened(file), tilesDir, 12, 0, 5);

    // The scan is rewritten with a pale band (and a later modification time).
    const replacement = await scan('replacement.jpg', '#e0e0e0');
    await fs.copyFile(replacement, file);
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    const second = await tileCacheKeyOf(await opened(file), tilesDir);
    expect(second.key).not.toBe(first.key);
    expect(second.pathHash).toBe(first.pathHash);
    const paleAfter = await tiles.tile(await opened(file), tilesDir, 12, 0, 5);
    expect(darkBefore.ok && paleAfter.ok).toBe(true);
    if (!darkBefore.ok || !paleAfter.ok) return;
    const bandOf = (bytes: Buffer) => sharp(bytes).extract({ left: 0, top: 1500 - 5 * 256, width: 100, height: 30 }).toBuffer().then(meanOf);
    expect(await bandOf(darkBefore.value.bytes)).toBeLessThan(40);
    expect(await bandOf(paleAfter.value.bytes)).toBeGreaterThan(200);
    expect(await fs.readdir(tilesDir)).toEqual([second.key]);
  });
});
