import { statSync } from 'node:fs';

// What the app itself last left at each path it wrote or removed: the file's stamp, or null when it removed it.
// Kept in insertion order so the oldest entries go first when the map is full.
const written = new Map<string, { stamp: string | null; at: number }>();
// Writes under way, by path: the corpus watcher judges these paths once they have ended.
const inFlight = new Map<string, number>();

// Long enough for any watcher to report the write (it batches over a second at most), short enough to stay small.
const KEEP_MS = 10 * 60 * 1000;
// A batch replacement over 10,000 pages fits; each entry is about 200 bytes.
const MAX_ENTRIES = 50_000;

/// The identity of a file's current content as the watcher compares it: inode, size and modification time,
/// or null when there is no file (or only a folder) at `abs`.
///
/// An atomic write (temporary file renamed over the target) always gives a new inode, so two writes of the
/// same size in the same millisecond still differ.
export function fileStamp(abs: string): string | null {
  try {
    const info = statSync(abs, { throwIfNoEntry: false });
    if (info === undefined || info.isDirectory()) return null;
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
}

/// Runs `work`, which writes or removes the file at `abs` (absolute path), and remembers what it left there,
/// so the corpus watcher does not report the app's own writes as changes made outside the app.
///
/// Nothing is remembered when `work` throws (the file is then as it was, or as someone else left it).
export async function asOwnWrite<T>(abs: string, work: () => Promise<T>): Promise<T> {
  inFlight.set(abs, (inFlight.get(abs) ?? 0) + 1);
  try {
    const result = await work();
    remember(abs, fileStamp(abs));
    return result;
  } finally {
    const left = (inFlight.get(abs) ?? 1) - 1;
    if (left <= 0) inFlight.delete(abs);
    else inFlight.set(abs, left);
  }
}

/// Whether the app is writing or removing the file at `abs` right now.
export function isOwnWriteInFlight(abs: string): boolean {
  return inFlight.has(abs);
}

/// Whether `stamp` (see fileStamp; null: no file) is what the app itself last left at `abs`.
///
/// A match means the file holds exactly what the app wrote, however long ago; anything else (a different
/// stamp, or a path the app never wrote) counts as a change made outside the app.
export function isOwnState(abs: string, stamp: string | null): boolean {
  const entry = written.get(abs);
  return entry !== undefined && entry.stamp === stamp;
}

function remember(abs: string, stamp: string | null): void {
  const now = Date.now();
  written.delete(abs);
  written.set(abs, { stamp, at: now });
  // Oldest first: drop what has expired, and the oldest beyond the bound.
  for (const [key, entry] of written) {
    if (written.size <= MAX_ENTRIES && now - entry.at < KEEP_MS) break;
    written.delete(key);
  }
}
