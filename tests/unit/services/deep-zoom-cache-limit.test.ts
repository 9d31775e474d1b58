import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedScans, enforceTileCacheLimit, recordSize } from '../../../electron/services/scans/deep-zoom-cache-limit';
import { tileCacheKeyOf } from '../../../electron/services/scans/deep-zoom-cache';
import { DeepZoomTiles } from '../../../electron/services/scans/deep-zoom-tiles';

let work: string;
let corpora: string;
let handles: fs.FileHandle[] = [];
beforeEach(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-tile-limit-'));
  corpora = path.join(work, 'state', 'corpora');
});
afterEach(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  handles = [];
  await fs.rm(work, { recursive: true, force: true });
});

// A scan's cache folder in corpus `corpus` holding `bytes` bytes of tiles, last used `minutesAgo` minutes ago.
async function cached(corpus: string, name: string, bytes: number, minutesAgo: number, record = true): Promise<string> {
  const dir = path.join(corpora, corpus, 'tiles', name);
  await fs.mkdir(path.join(dir, 'pyramid', 'p_files', '0'), { recursive: true });
  await fs.writeFile(path.join(dir, 'pyramid', 'p_files', '0', '0_0.jpeg'), Buffer.alloc(bytes));
  if (record) await recordSize(dir);
  const when = new Date(Date.now() - minutesAgo * 60_000);
  await fs.utimes(dir, when, when);
  return dir;
}

async function exists(dir: string): Promise<boolean> {
  return fs.access(dir).then(
    () => true,
    () => false,
  );
}

describe('tile cache limit', () => {
  it('removes the least recently used scans of every corpus until the total is under the limit', async () => {
    const oldest = await cached('a', 'scan1', 4000, 50);
    const old = await cached('b', 'scan2', 3000, 40);
    const recent = await cached('a', 'scan3', 2000, 5);
    const newest = await cached('b', 'scan4', 1000, 1);
    // The sizes are the recorded ones (plus the small size file each folder holds).
    const before = await cachedScans(corpora);
    expect(before.map((scan) => scan.bytes).sort((a, b) => a - b)).toEqual([1000, 2000, 3000, 4000].map((n) => expect.closeTo(n, -2) as unknown as number));

    const { removed, total } = await enforceTileCacheLimit(corpora, 3500, new Set());
    expect(removed).toEqual([oldest, old]);
    expect(total).toBeLessThanOrEqual(3500);
    expect([await exists(oldest), await exists(old), await exists(recent), await exists(newest)]).toEqual([false, false, true, true]);
  });

  it('never removes a scan in use, and measures a folder whose size was not recorded', async () => {
    const inUse = await cached('a', 'open', 5000, 60);
    const unrecorded = await cached('a', 'crashed', 3000, 30, false);
    const recent = await cached('b', 'recent', 1000, 1);
    const { removed } = await enforceTileCacheLimit(corpora, 6500, new Set([inUse]));
    // 9,000 bytes: the oldest is in use, so the next oldest (measured: 3,000 bytes) goes.
    expect(removed).toEqual([unrecorded]);
    expect(await exists(inUse)).toBe(true);
    expect(await exists(recent)).toBe(true);
  });

  it('leaves everything when under the limit, and copes with no cache at all', async () => {
    expect(await enforceTileCacheLimit(corpora, 1000, new Set())).toEqual({ removed: [], total: 0 });
    const dir = await cached('a', 'scan', 500, 1);
    expect((await enforceTileCacheLimit(corpora, 1000, new Set())).removed).toEqual([]);
    expect(await exists(dir)).toBe(true);
  });

  it('is applied when a pyramid is finished: an earlier session\'s scan is removed, the new one kept', async () => {
    const page = async (name: string) => {
      const file = path.join(work, name);
      await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#e8e0d0' } }).jpeg().toFile(file);
      const handle = await fs.open(file, 'r');
      handles.push(handle);
      return { handle, realPath: file };
    };
    const first = await page('first.jpg');
    const firstTiles = path.join(corpora, 'corpus1', 'tiles');
    expect((await new DeepZoomTiles().pyramid(first, firstTiles)).ok).toBe(true);
    const firstDir = (await tileCacheKeyOf(first, firstTiles)).dir;
    const firstBytes = (await cachedScans(corpora))[0]!.bytes;
    const old = new Date(Date.now() - 3_600_000);
    await fs.utimes(firstDir, old, old);

    // A later session (a new process) opens another corpus's large scan with a limit one pyramid fits under.
    const second = await page('second.jpg');
    const secondTiles = path.join(corpora, 'corpus2', 'tiles');
    expect((await new DeepZoomTiles({ cacheLimitBytes: firstBytes * 1.5 }).pyramid(second, secondTiles)).ok).toBe(true);
    const secondDir = (await tileCacheKeyOf(second, secondTiles)).dir;
    expect(await exists(firstDir)).toBe(false);
    expect(await exists(path.join(secondDir, 'pyramid', 'p.dzi'))).toBe(true);
  });

  it('walks nothing outside the app data folder\'s layout (corpora/<id>/tiles)', async () => {
    const file = path.join(work, 'page.jpg');
    await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#e8e0d0' } }).jpeg().toFile(file);
    const handle = await fs.open(file, 'r');
    handles.push(handle);
    // A folder shaped like another scan's tiles, but not under a `corpora` folder.
    const bystander = path.join(work, 'elsewhere', 'a', 'tiles', 'old');
    await fs.mkdir(bystander, { recursive: true });
    await fs.writeFile(path.join(bystander, 'keep.bin'), Buffer.alloc(5000));
    const tiles = new DeepZoomTiles({ cacheLimitBytes: 1 });
    expect((await tiles.pyramid({ handle, realPath: file }, path.join(work, 'elsewhere', 'b', 'tiles'))).ok).toBe(true);
    expect(await exists(bystander)).toBe(true);
  });
});
