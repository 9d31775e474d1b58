import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { isInside } from '../disk/confine';
import { ConfinementError, verifiedPathOf } from '../disk/confined-open';

// Created if missing, never through a symlinked last component, and NOT truncated on open: truncation waits
// until the handle is shown to lie outside the corpus.
const FLAGS = constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

/// The asynchronous twin of openOutsideCorpusSync (electron/services/disk/outside-write.ts), for the export's
/// background writes: opens `target` for writing without following a symlink, verifies through the handle that
/// what was opened lies outside the corpus at `realRoot`, and only then empties it. Throws ConfinementError (code
/// 'EOUTSIDE', the handle closed) when it lies inside, fs errors otherwise. The caller closes the handle.
export async function openOutsideCorpus(realRoot: string, target: string): Promise<FileHandle> {
  const handle = await open(target, FLAGS, 0o666);
  try {
    const real = await verifiedPathOf(handle, target);
    if (real === null || isInside(realRoot, real)) throw new ConfinementError('The export target lies inside the corpus folder; not written.');
    await handle.truncate(0);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
