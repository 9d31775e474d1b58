import { randomBytes } from 'node:crypto';
import { lstat, open, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './confine';
import { openFolderInCorpus, type CorpusFile, type VerifiedFolder } from './confined-fs';
import { ConfinementError, CREATE_FLAGS, verifiedPathOf } from './confined-open';

/// Options of writeFileAtomicInCorpus.
export interface AtomicWriteOptions {
  /// false skips both fsyncs (see writeFileAtomic); true by default.
  durable?: boolean;
  /// Runs after the temporary file is written and flushed, right before the folder is re-verified and the rename
  /// made. Throwing aborts the write: the temporary file is removed and the error passes on. The sidecar locks use
  /// it to re-check the sidecar's hash at the last moment.
  beforeRename?: () => Promise<void>;
}

// The temporary files of writes still running in this process (absolute paths under the verified real folder),
// so the leftover sweep never removes one of them.
const liveTemps = new Set<string>();

/// True when `abs` (a real path) is the temporary file of a write still running in this process.
export function isLiveTemp(abs: string): boolean {
  return liveTemps.has(abs);
}

/// The temporary file name a write of `name` uses: `.<name>.<12 hex digits>.tmp` (see isTempName in temp-leftovers).
export function tempNameFor(name: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.tmp`;
}

/// Writes a corpus file atomically, confined to the corpus even while other processes swap folders for symlinks.
///
/// Opens the target's folder and verifies what was opened lies inside the corpus; creates the temporary file in
/// that very folder (named through its descriptor on Linux, see VerifiedFolder.entry) exclusively and without
/// following symlinks, and verifies its handle too; writes and flushes it; runs `beforeRename`; re-verifies,
/// right before the rename, that the folder handle still lies inside the corpus at the same real path, that this
/// path still leads to that folder, and that the temporary file is still the one written (same inode, not a link);
/// renames it over the target within the same folder (a symlink at the target is replaced, never followed) and
/// flushes the folder. The temporary file is removed on any failure.
///
/// Node has no renameat. On Linux the descriptor path stands in for it, so a folder swapped for a symlink cannot
/// redirect the create or the rename; only the folder itself being moved out of the corpus between the last check
/// and the rename would carry the write along with it. Elsewhere the rename goes by path and a folder above the
/// target could be swapped in that instant (no await between check and rename). docs/confinement.md says more.
export async function writeFileAtomicInCorpus(file: CorpusFile, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  const slash = file.rel.lastIndexOf('/');
  const name = file.rel.slice(slash + 1);
  const folder = await openFolderInCorpus(file.realRoot, slash < 0 ? null : file.rel.slice(0, slash));
  const tempName = tempNameFor(name);
  // The registry and the messages use the real path; every file operation names the entry through the folder.
  const temp = path.join(folder.realPath, tempName);
  liveTemps.add(temp);
  let created = false;
  let ino: number | null = null;
  try {
    const handle = await open(folder.entry(tempName), CREATE_FLAGS);
    created = true;
    try {
      ino = (await handle.stat()).ino;
      if ((await verifiedPathOf(handle, folder.entry(tempName))) !== temp) throw new ConfinementError('The folder of the file being saved moved outside the corpus folder.');
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await reverify(file.realRoot, folder, tempName, ino);
    await rename(folder.entry(tempName), folder.entry(name));
    created = false;
    if (durable) await folder.sync().catch(() => undefined);
  } finally {
    liveTemps.delete(temp);
    if (created) await removeOwnTemp(folder, tempName, ino);
    await folder.close();
  }
}

// Removes the temporary file this write created, in the folder it was made in (even if that folder has moved
// since), and only when the file there is still ours (same inode), so nothing else is ever removed.
async function removeOwnTemp(folder: VerifiedFolder, tempName: string, ino: number | null): Promise<void> {
  const entry = folder.entry(tempName);
  const info = await lstat(entry).catch(() => null);
  if (info !== null && info.isFile() && (ino === null || info.ino === ino)) await unlink(entry).catch(() => undefined);
}

// The last checks before the rename: the folder handle still lies inside the corpus, at the same real path; that
// path still leads to the same folder (no folder above it swapped for a symlink); the temp is still our file.
async function reverify(realRoot: string, folder: VerifiedFolder, tempName: string, ino: number): Promise<void> {
  const moved = new ConfinementError('The folder of the file being saved moved outside the corpus folder; nothing was written.');
  if (folder.handle !== null) {
    const now = await verifiedPathOf(folder.handle, folder.realPath);
    if (now !== folder.realPath || !isInside(realRoot, now)) throw moved;
  }
  const [real, tempInfo] = await Promise.all([realpath(folder.realPath).catch(() => null), lstat(folder.entry(tempName)).catch(() => null)]);
  if (real !== folder.realPath) throw moved;
  if (tempInfo === null || !tempInfo.isFile() || tempInfo.ino !== ino) {
    throw new ConfinementError('The temporary file of the save was replaced by another file; nothing was written.');
  }
}
