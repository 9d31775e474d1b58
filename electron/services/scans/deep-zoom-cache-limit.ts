import fs from 'node:fs/promises';
import path from 'node:path';

/// The most the tile caches of all corpora may hold together on disk: 2 GiB (the tiles of a 30,000 × 40,000 px
/// scan take about 80–130 MB, so some fifteen to twenty-five such scans).
export const TILE_CACHE_LIMIT_BYTES = 2 * 1024 ** 3;

// A finished pyramid's size in bytes, written beside it once it is in place (measuring 24,000 tiles again on
// every check would take longer than the check).
const SIZE_FILE = 'size.json';

/// Marks a scan's cache folder as used now (its modification time is the "last used" the limit evicts by).
export async function markUsed(dir: string): Promise<void> {
  const now = new Date();
  await fs.utimes(dir, now, now).catch(() => undefined);
}

/// Measures the pyramid just stored in `dir` and records its size there; marks the folder used.
export async function recordSize(dir: string): Promise<number> {
  const bytes = await bytesUnder(dir);
  await fs.writeFile(path.join(dir, SIZE_FILE), JSON.stringify({ bytes }));
  await markUsed(dir);
  return bytes;
}

/// One scan's cache folder as the limit sees it.
export interface CachedScan {
  dir: string;
  bytes: number;
  usedMs: number;
}

/// Every scan's cache folder under every corpus's `tiles/` folder in `corporaDir` (the app data folder's
/// `corpora/`), with its size and when it was last used.
export async function cachedScans(corporaDir: string): Promise<CachedScan[]> {
  const found: CachedScan[] = [];
  for (const corpus of await names(corporaDir)) {
    const tiles = path.join(corporaDir, corpus, 'tiles');
    for (const name of await names(tiles)) {
      const dir = path.join(tiles, name);
      const info = await fs.stat(dir).catch(() => null);
      if (info === null || !info.isDirectory()) continue;
      found.push({ dir, bytes: await recordedSize(dir), usedMs: info.mtimeMs });
    }
  }
  return found;
}

/// Removes the least recently used scans' tiles until all corpora's tile caches together hold at most
/// `limitBytes`; never a folder in `keep` (the scans open in this session: their tiles are being served or made).
/// Returns the folders removed and the total left.
export async function enforceTileCacheLimit(corporaDir: string, limitBytes: number, keep: ReadonlySet<string>): Promise<{ removed: string[]; total: number }> {
  const scans = await cachedScans(corporaDir);
  let total = scans.reduce((sum, scan) => sum + scan.bytes, 0);
  const removed: string[] = [];
  // Oldest use first.
  for (const scan of scans.sort((a, b) => a.usedMs - b.usedMs)) {
    if (total <= limitBytes) break;
    if (keep.has(scan.dir)) continue;
    await fs.rm(scan.dir, { recursive: true, force: true });
    total -= scan.bytes;
    removed.push(scan.dir);
  }
  return { removed, total };
}

// The recorded size of a finished pyramid; a folder without one (being written, or left by a crash) is measured.
async function recordedSize(dir: string): Promise<number> {
  try {
    const { bytes } = JSON.parse(await fs.readFile(path.join(dir, SIZE_FILE), 'utf8')) as { bytes?: unknown };
    if (typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0) return bytes;
  } catch {
    // Not recorded: measured below.
  }
  return bytesUnder(dir);
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await fs.stat(path.join(entry.parentPath, entry.name)).catch(() => null);
    total += info?.size ?? 0;
  }
  return total;
}

async function names(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => [] as string[]);
}
