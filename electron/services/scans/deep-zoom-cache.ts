import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OpenedScan } from './scan-preview';

/// Where one scan's tile pyramid is kept: `<tiles folder>/<path hash>-<state hash>/`.
export interface TileCacheKey {
  /// Hash of the scan's real path: every version of one scan shares it.
  pathHash: string;
  /// Hash of the opened file's device, inode, size and modification time: a changed scan gets a new folder.
  key: string;
  dir: string;
}

/// The cache key and folder of the opened scan as it is now, under `tilesDir` (the corpus's data folder's
/// `tiles/`, never inside the corpus).
///
/// Keyed by size and modification time rather than by a hash of the content: hashing a 30 MB scan on every
/// request would cost more than the tile. The real path is verified inside the corpus by whoever opened it.
export async function tileCacheKeyOf(scan: OpenedScan, tilesDir: string): Promise<TileCacheKey> {
  const info = await scan.handle.stat();
  const pathHash = hash(scan.realPath);
  const stateHash = hash(`${info.dev}:${info.ino}\0${info.size}\0${info.mtimeMs}`);
  const key = `${pathHash}-${stateHash}`;
  return { pathHash, key, dir: path.join(tilesDir, key) };
}

/// The folder of the finished pyramid inside a scan's cache folder (renamed into place whole, so it exists only
/// when complete) and its description file.
export function pyramidDirOf(dir: string): string {
  return path.join(dir, 'pyramid');
}

/// The file of tile (column, row) of `level` in a finished pyramid (libvips' Deep Zoom layout).
export function tileFileOf(dir: string, level: number, column: number, row: number): string {
  return path.join(pyramidDirOf(dir), 'p_files', String(level), `${column}_${row}.jpeg`);
}

/// Whether the scan's pyramid is complete on disk.
export async function pyramidExists(dir: string): Promise<boolean> {
  try {
    await fs.access(path.join(pyramidDirOf(dir), 'p.dzi'));
    return true;
  } catch {
    return false;
  }
}

/// Makes the pyramid with `write` (given a fresh folder to write `p.dzi` and `p_files/` into) and moves it into
/// place, after removing the pyramids of earlier versions of the same scan (other folders with its path hash).
/// A half-written pyramid is never taken for a finished one: it is written beside and renamed whole.
export async function storePyramid(cache: TileCacheKey, write: (into: string) => Promise<void>): Promise<void> {
  const tilesDir = path.dirname(cache.dir);
  await fs.mkdir(cache.dir, { recursive: true });
  await removeOtherVersions(tilesDir, cache);
  const partial = path.join(cache.dir, `pyramid.part-${randomBytes(6).toString('hex')}`);
  await fs.mkdir(partial);
  try {
    await write(partial);
    await fs.rename(partial, pyramidDirOf(cache.dir));
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    // Another build finished first: its pyramid is as good.
    if (await pyramidExists(cache.dir)) return;
    throw error;
  }
}

// The cache folders of other versions of the scan (it changed on disk): never served again.
async function removeOtherVersions(tilesDir: string, cache: TileCacheKey): Promise<void> {
  const names = await fs.readdir(tilesDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(`${cache.pathHash}-`) && name !== cache.key)
      .map((name) => fs.rm(path.join(tilesDir, name), { recursive: true, force: true })),
  );
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}
