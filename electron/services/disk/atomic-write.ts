import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/// Writes a file so that readers see either the old content or the new, never a half-written file.
///
/// For app data outside the corpus (the batch undo journals). Corpus files go through writeFileAtomicInCorpus
/// (confined-write.ts), which also confines the write to the corpus while folders are being swapped.
///
/// Writes to a temporary file in the same folder (`.<name>.<random>.tmp`, so corpus scans ignore it), flushes
/// it to disk, renames it over the target, then flushes the folder so the rename itself survives a crash
/// (skipped where the platform cannot open folders, e.g. Windows). The temporary file is removed on failure.
///
/// `durable: false` skips both flushes: the file still appears whole or not at all, but a power cut may lose it.
/// Export uses that, since its output can always be made again and 10,000 fsyncs would dominate its time.
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  const durable = options.durable ?? true;
  const dir = path.dirname(filePath);
  const temp = path.join(dir, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncFolder(dir);
}

// Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened (Windows).
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename has still happened.
  }
}
