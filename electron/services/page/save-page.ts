import path from 'node:path';
import type { SaveRequest } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { corpusFile, corpusFileInRealRoot, readFileInCorpus, type CorpusFile } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { asOwnWrite } from '../disk/own-writes';
import { sha256Hex } from '../disk/hash';
import { readPageBytes } from './page-source';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { readSidecarBytes } from './sidecar-file';
import { readSidecarSnapshot, sidecarIdentityNow } from './sidecar-snapshot';
import { SidecarLockBusy, SidecarLockLost, withSidecarLock, type SidecarLockGuard } from './sidecar-lock';
import { prepareSaveOffThread } from './off-thread';
import { pageFileChanged, sidecarChanged, type PreparedSave, type SavedPage } from './prepare-save';

/// Saves the corrected text, status and entities of one page to its sidecar, never touching the page file.
///
/// Refuses ('sidecar-changed') when the page file's bytes or the sidecar's bytes differ from what the renderer
/// loaded, refuses ('read-only') to overwrite an unusable sidecar, and refuses ('invalid-argument') entity spans
/// that lie outside the text or do not quote it. The text is put in NFC; the editor's corrections (with their rules) are
/// used when they reproduce the text, else they are recomputed here, keeping the rules of equal ones; `created` is kept from the previous sidecar. The sidecar is written atomically.
///
/// Everything slow (reading and decoding the page, the diff, line origins, the consistency check, serialising,
/// hashing: `prepareSaveFromBytes`, on the text worker for a long page) happens first, without the lock; then, holding the
/// sidecar lock (in-process queue and lock file, see sidecar-lock.ts), both hashes are checked again, the new sidecar
/// is written to a temporary file, and the sidecar's hash is checked once more right before the rename. A change
/// made by anyone in between refuses the save and writes nothing.
export async function savePage(root: string, req: SaveRequest, appVersion: string, now: () => Date = () => new Date()): Promise<Result<SavedPage>> {
  const pageAbs = await corpusFile(root, req.path);
  if (!pageAbs.ok) return pageAbs;
  const sidecarAbs = corpusFileInRealRoot(pageAbs.value.realRoot, sidecarPathOf(req.path));
  if (!sidecarAbs.ok) return failWith('path.sidecarOutside', { path: req.path });

  try {
    const prepared = await prepareSave(pageAbs.value, sidecarAbs.value, req, appVersion, now);
    if (!prepared.ok) return prepared;
    return await withSidecarLock(sidecarAbs.value, (guard) => commitSave(pageAbs.value, sidecarAbs.value, req, prepared.value, guard));
  } catch (error) {
    if (error instanceof SidecarLockBusy) return failWith('save.lockBusy', { path: req.path }, error.message);
    return failWith('save.failed', { path: req.path }, (error as Error).message);
  }
}

// Reads both files (asynchronously), then builds the sidecar (see prepareSaveOffThread). Nothing here is locked.
async function prepareSave(pageAbs: CorpusFile, sidecarAbs: CorpusFile, req: SaveRequest, appVersion: string, now: () => Date): Promise<Result<PreparedSave>> {
  const pageBytes = await readPageBytes(pageAbs, req.path);
  if (!pageBytes.ok) return pageBytes;
  const sidecarBytes = await readSidecarBytes(sidecarAbs);
  if (!sidecarBytes.ok) return sidecarBytes;
  return prepareSaveOffThread({
    rel: req.path,
    fileName: path.posix.basename(pageAbs.rel),
    pageBytes: pageBytes.value,
    sidecarBytes: sidecarBytes.value,
    req,
    appVersion,
    timestamp: now().toISOString(),
  });
}

// Under the sidecar lock: the files must still be what the request was made from, up to the moment of the rename.
async function commitSave(pageAbs: CorpusFile, sidecarAbs: CorpusFile, req: SaveRequest, prepared: PreparedSave, guard: SidecarLockGuard): Promise<Result<SavedPage>> {
  const before = await readSidecarSnapshot(sidecarAbs);
  if (!before.ok) return before;
  if ((before.value?.hash ?? null) !== req.expectedSidecarHash) return sidecarChanged(req.path, before.value?.hash ?? null);
  if (sha256Hex(await readFileInCorpus(pageAbs)) !== req.sourceSha256) return pageFileChanged(req.path);
  try {
    let identity: string | null = null;
    // Remembered as the app's own write, so the corpus watcher does not report it as a change from outside.
    await asOwnWrite(sidecarAbs.abs, () => writeFileAtomicInCorpus(sidecarAbs, prepared.serialized, {
      beforeRename: async () => {
        await guard.assertHeld();
        const last = await readSidecarSnapshot(sidecarAbs);
        if (!last.ok) throw new Error(last.error.message);
        const hash = last.value?.hash ?? null;
        if (hash !== req.expectedSidecarHash) throw new ChangedMeanwhile(hash);
        identity = last.value?.identity ?? null;
      },
      // Synchronous, and the rename is issued right after it: a program that does not take the lock (a sync tool,
      // an editor) can only slip in within microseconds.
      lastCheck: () => {
        if (sidecarIdentityNow(sidecarAbs.abs) !== identity) throw new ChangedMeanwhile('changed');
      },
    }));
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return sidecarChanged(req.path, error.hash);
    if (error instanceof SidecarLockLost) return failWith('save.lockLost', { path: req.path }, 'sidecar');
    throw error;
  }
  return ok(prepared.outcome);
}

// Thrown from the last check before the rename: the sidecar's bytes are now those hashing to `hash` (null: gone).
class ChangedMeanwhile extends Error {
  constructor(readonly hash: string | null) {
    super('The sidecar changed while the save was being written.');
  }
}

