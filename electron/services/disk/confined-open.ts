import { closeSync, constants, fstatSync, openSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isInside } from './confine';

// Where O_NOFOLLOW / O_DIRECTORY / O_NONBLOCK do not exist (Windows) they are 0 and the lstat and (dev, ino)
// checks below carry the whole check.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const DIRECTORY = constants.O_DIRECTORY ?? 0;
// Opening a FIFO for reading would wait for a writer; regular files ignore the flag.
const NONBLOCK = constants.O_NONBLOCK ?? 0;
/// Flags for opening a file to read it: never through a symlinked last component, never blocking on a FIFO.
export const READ_FLAGS = constants.O_RDONLY | NOFOLLOW | NONBLOCK;
/// Flags for opening a folder to verify it and later fsync it.
export const FOLDER_FLAGS = constants.O_RDONLY | NOFOLLOW | DIRECTORY;
/// Flags for creating a temporary file: must not exist yet ('wx'), never through a symlink.
export const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;

// /proc/self/fd/<fd> names what a descriptor really opened (Linux). Elsewhere, or when /proc is not mounted, the
// handle's (dev, ino) is compared with the file at the candidate's real path.
const HAS_PROC_FD = process.platform === 'linux';

/// A path that leads, or led while it was being opened, outside the corpus folder (code 'EOUTSIDE').
export class ConfinementError extends Error {
  readonly code = 'EOUTSIDE';
  constructor(message = 'The path leads outside the corpus folder.') {
    super(message);
    this.name = 'ConfinementError';
  }
}

/// True for the error thrown when a path leads outside the corpus (see ConfinementError).
export function isOutside(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EOUTSIDE';
}

/// A handle whose opened file was verified to lie inside the corpus, and that file's real path at that moment.
export interface VerifiedHandle {
  handle: FileHandle;
  realPath: string;
}

/// Opens `candidate` with `flags` and verifies that what was opened lies inside `realRoot`; throws otherwise.
///
/// The last component is opened without following a symlink. When it is one (ELOOP), its real path is checked
/// and that is opened instead, so a symlink that stays inside the corpus still works. Whatever was opened is then
/// verified through the handle itself, so a file or folder swapped for a symlink between the check and the open
/// is caught: the handle is closed and ConfinementError thrown. fs errors (ENOENT, …) pass through.
export async function openVerified(realRoot: string, candidate: string, flags: number): Promise<VerifiedHandle> {
  let handle: FileHandle;
  try {
    handle = await open(candidate, flags);
  } catch (error) {
    if (!isSymlinkRefusal(error)) throw error;
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) throw new ConfinementError();
    handle = await open(real, flags);
  }
  try {
    const realPath = await verifiedPathOf(handle, candidate);
    if (realPath === null || !isInside(realRoot, realPath)) throw new ConfinementError();
    return { handle, realPath };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/// The real path of what `handle` opened, or null when it cannot be shown to be the file at `candidate`.
export async function verifiedPathOf(handle: FileHandle, candidate: string): Promise<string | null> {
  if (HAS_PROC_FD) {
    try {
      return await readlink(`/proc/self/fd/${handle.fd}`);
    } catch {
      // No /proc: fall through to the (dev, ino) comparison.
    }
  }
  const [opened, real] = await Promise.all([handle.stat(), realpath(candidate).catch(() => null)]);
  if (real === null) return null;
  const named = await stat(real).catch(() => null);
  return named !== null && sameFile(opened, named) ? real : null;
}

/// The synchronous twin of openVerified (for the batch readers that read thousands of small files): a descriptor.
export function openVerifiedSync(realRoot: string, candidate: string, flags: number): { fd: number; realPath: string } {
  let fd: number;
  try {
    fd = openSync(candidate, flags);
  } catch (error) {
    if (!isSymlinkRefusal(error)) throw error;
    const real = realpathSync.native(candidate);
    if (!isInside(realRoot, real)) throw new ConfinementError();
    fd = openSync(real, flags);
  }
  try {
    const realPath = verifiedPathOfSync(fd, candidate);
    if (realPath === null || !isInside(realRoot, realPath)) throw new ConfinementError();
    return { fd, realPath };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/// The real path of what descriptor `fd` opened, or null when it cannot be shown to be the file at `candidate`.
export function verifiedPathOfSync(fd: number, candidate: string): string | null {
  if (HAS_PROC_FD) {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      // No /proc: compare (dev, ino) below.
    }
  }
  try {
    const real = realpathSync.native(candidate);
    return sameFile(fstatSync(fd), statSync(real)) ? real : null;
  } catch {
    return null;
  }
}

/// True when two stats describe the same file (device and inode).
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

// ELOOP: O_NOFOLLOW met a symlink (Linux); macOS and the BSDs say EMLINK, some folders ENOTDIR with O_DIRECTORY.
function isSymlinkRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ELOOP' || code === 'EMLINK' || (code === 'ENOTDIR' && NOFOLLOW !== 0);
}
