import { closeSync, existsSync, fstatSync, readFileSync, type Stats } from 'node:fs';
import { readdir, realpath, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { isInside, pathNotAllowed, relativePathProblem, relativePathReason } from './confine';
import { ConfinementError, FOLDER_FLAGS, openVerified, openVerifiedSync, READ_FLAGS, type VerifiedHandle } from './confined-open';

export { ConfinementError, isOutside, type VerifiedHandle } from './confined-open';

/// A file of the corpus named by its relative path: the corpus root's real path, the relative path, and the
/// absolute path it names (`abs`: for messages and keys only; it is never opened as it is).
export interface CorpusFile {
  realRoot: string;
  rel: string;
  abs: string;
}

/// Names a corpus file after checking the relative path's shape and finding the root's real path; no file is
/// opened. Fails 'outside-corpus' for a path of the wrong shape ('..', absolute, …), 'no-corpus' for a missing root.
export async function corpusFile(root: string, rel: string): Promise<Result<CorpusFile>> {
  // The shape is judged before the disk is touched, so a malformed path never costs a realpath.
  const shape = corpusFileInRealRoot(root, rel);
  if (!shape.ok) return shape;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  return corpusFileInRealRoot(realRoot, rel);
}

/// corpusFile for a root already known to be real (the result of realpath); no disk access.
export function corpusFileInRealRoot(realRoot: string, rel: string): Result<CorpusFile> {
  const shape = relativePathReason(rel);
  if (shape) return pathNotAllowed(rel, shape);
  return ok(fileIn(realRoot, rel));
}

/// Opens a corpus file for reading and verifies what was opened lies inside the corpus (see openVerified).
///
/// Throws ConfinementError (code 'EOUTSIDE') when it does not, fs errors (ENOENT, …) otherwise. The caller owns
/// the handle: every read and stream must use it (`handle.readFile()`, `handle.createReadStream()`), then close it.
export async function openInCorpus(file: CorpusFile): Promise<VerifiedHandle> {
  return openVerified(file.realRoot, file.abs, READ_FLAGS);
}

/// The whole content of a corpus file, read through its verified handle; throws like openInCorpus, and EISDIR
/// for a folder.
export async function readFileInCorpus(file: CorpusFile): Promise<Buffer> {
  const { handle } = await openInCorpus(file);
  try {
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error(`EISDIR: "${file.rel}" is a folder`), { code: 'EISDIR' });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/// The synchronous twin of readFileInCorpus (several times faster for the many small files of a batch read).
export function readFileInCorpusSync(file: CorpusFile): Buffer {
  const { fd } = openVerifiedSync(file.realRoot, file.abs, READ_FLAGS);
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(`EISDIR: "${file.rel}" is a folder`), { code: 'EISDIR' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/// The stat of a corpus file or folder, taken from its verified handle; throws like openInCorpus.
export async function statInCorpus(file: CorpusFile): Promise<Stats> {
  const { handle } = await openInCorpus(file);
  try {
    return await handle.stat();
  } finally {
    await handle.close();
  }
}

/// The names in a corpus folder (`folderRel` null: the root), after verifying the folder lies inside the corpus.
///
/// Node cannot list a folder through a descriptor, so the names are read from the verified real path; a folder
/// swapped in that instant yields names only, never content.
export async function readdirInCorpus(realRoot: string, folderRel: string | null): Promise<string[]> {
  const folder = await openFolderInCorpus(realRoot, folderRel);
  try {
    return await readdir(folder.realPath);
  } finally {
    await folder.close();
  }
}

/// A corpus folder opened and verified: its handle (null where folders cannot be opened) and real path.
export interface VerifiedFolder {
  handle: FileHandle | null;
  realPath: string;
  /// A path naming entry `name` of this very folder. On Linux it goes through the folder's descriptor
  /// (`/proc/self/fd/<fd>/<name>`), which the kernel resolves to the opened folder itself, not by its path: as
  /// openat/renameat/unlinkat would, so a folder swapped for a symlink later cannot redirect it. Elsewhere it is
  /// `<realPath>/<name>` (see docs/confinement.md for that remaining window).
  entry(name: string): string;
  close(): Promise<void>;
  /// Flushes the folder's entries; may fail on file systems that refuse fsync on a folder.
  sync(): Promise<void>;
}

// Whether entries can be named through a folder's descriptor (Linux with /proc mounted); checked once.
let procFd: boolean | null = null;
function hasProcFd(): boolean {
  procFd ??= process.platform === 'linux' && existsSync('/proc/self/fd');
  return procFd;
}

/// Opens a corpus folder (null: the root) and verifies it lies inside the corpus; the caller closes the handle.
/// Throws ConfinementError for a folder path of the wrong shape or one that leads outside the corpus.
///
/// Where folders cannot be opened (Windows: EISDIR/EPERM) the handle is null and the real path was checked by
/// realpath alone.
export async function openFolderInCorpus(realRoot: string, folderRel: string | null): Promise<VerifiedFolder> {
  const shape = folderRel === null ? null : relativePathProblem(folderRel);
  if (shape !== null) throw new ConfinementError(`The folder "${printable(folderRel ?? '')}" is not allowed: ${shape}.`);
  const abs = folderRel === null ? realRoot : fileIn(realRoot, folderRel).abs;
  if (process.platform === 'win32') {
    const real = await realpath(abs);
    if (!isInside(realRoot, real)) throw new ConfinementError();
    return { handle: null, realPath: real, entry: (name) => path.join(real, name), close: async () => undefined, sync: async () => undefined };
  }
  const { handle, realPath } = await openVerified(realRoot, abs, FOLDER_FLAGS);
  const entry = hasProcFd() ? (name: string) => `/proc/self/fd/${handle.fd}/${name}` : (name: string) => path.join(realPath, name);
  return { handle, realPath, entry, close: () => handle.close(), sync: () => handle.sync() };
}

/// Removes a corpus file (a sidecar being undone, a stale temporary file) after verifying its folder; a missing
/// file is not an error. The file itself is unlinked by name within the verified folder (see VerifiedFolder.entry):
/// unlinking a symlink removes the link, never its target.
export async function removeInCorpus(file: CorpusFile): Promise<void> {
  const slash = file.rel.lastIndexOf('/');
  const folder = await openFolderInCorpus(file.realRoot, slash < 0 ? null : file.rel.slice(0, slash));
  try {
    await unlink(folder.entry(file.rel.slice(slash + 1))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  } finally {
    await folder.close();
  }
}

function fileIn(realRoot: string, rel: string): CorpusFile {
  return { realRoot, rel, abs: path.sep === '/' ? `${realRoot}/${rel}` : path.join(realRoot, rel.split('/').join(path.sep)) };
}

function printable(rel: string): string {
  return rel.replace(/\0/g, '\\0');
}
