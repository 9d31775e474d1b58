import { closeSync, constants, ftruncateSync, openSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { isInside } from '../disk/confine';
import { ConfinementError, verifiedPathOf, verifiedPathOfSync } from '../disk/confined-open';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// A new file: fails on anything already there, a symlink included, so it needs no emptying.
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;
// Created if missing, never through a symlinked last component, and NOT truncated on open: truncation waits
// until the handle is shown to lie outside the corpus.
const CREATE_OR_REUSE = constants.O_WRONLY | constants.O_CREAT | NOFOLLOW;

/// The asynchronous twin of openOutsideCorpusSync (electron/services/disk/outside-write.ts), for the export's
/// background writes: opens `target` for writing without following a symlink, verifies through the handle that
/// what was opened lies outside the corpus at `realRoot`, and only then empties it. Throws ConfinementError (code
/// 'EOUTSIDE', the handle closed) when it lies inside, fs errors otherwise. The caller closes the handle.
///
/// The target is a partial file, which normally does not exist yet (leftovers are removed when the run first
/// writes into a folder): it is created new, which saves emptying it; only when something stands there already
/// is it opened as it is and emptied after the check.
export async function openOutsideCorpus(realRoot: string, target: string): Promise<FileHandle> {
  let handle: FileHandle;
  let created = true;
  try {
    handle = await open(target, CREATE_NEW, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    handle = await open(target, CREATE_OR_REUSE, 0o666);
    created = false;
  }
  try {
    const real = await verifiedPathOf(handle, target);
    if (real === null || isInside(realRoot, real)) throw new ConfinementError('The export target lies inside the corpus folder; not written.');
    if (!created) await handle.truncate(0);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/// The synchronous twin of openOutsideCorpus, which the export uses for its per-page files: the same flags and the
/// same check through the descriptor, without the thread pool's hand-offs. Returns a descriptor the caller closes.
export function openOutsideCorpusSync(realRoot: string, target: string): number {
  let fd: number;
  let created = true;
  try {
    fd = openSync(target, CREATE_NEW, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fd = openSync(target, CREATE_OR_REUSE, 0o666);
    created = false;
  }
  try {
    const real = verifiedPathOfSync(fd, target);
    if (real === null || isInside(realRoot, real)) throw new ConfinementError('The export target lies inside the corpus folder; not written.');
    if (!created) ftruncateSync(fd, 0);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
