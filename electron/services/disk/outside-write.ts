import { closeSync, constants, ftruncateSync, openSync } from 'node:fs';
import { isInside } from './confine';
import { ConfinementError, verifiedPathOfSync } from './confined-open';

// Created if missing, never through a symlinked last component, and NOT truncated on open: truncation waits
// until the handle is shown to lie outside the corpus.
const FLAGS = constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

/// Opens `target` (export output) for writing and returns its file descriptor, emptied, after verifying through
/// the handle that what was opened lies outside the corpus at `realRoot`.
///
/// The mirror image of the corpus reads: the file is opened first (without truncating it), then verified, and only
/// then truncated. A folder of the export swapped for a symlink into the corpus therefore cannot make an export
/// overwrite an original or a sidecar. Throws ConfinementError (code 'EOUTSIDE') in that case (the descriptor is
/// closed), fs errors otherwise. The caller owns the descriptor.
export function openOutsideCorpusSync(realRoot: string, target: string): number {
  const fd = openSync(target, FLAGS, 0o666);
  try {
    const real = verifiedPathOfSync(fd, target);
    if (real === null || isInside(realRoot, real)) throw new ConfinementError('The export target lies inside the corpus folder; not written.');
    ftruncateSync(fd, 0);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
