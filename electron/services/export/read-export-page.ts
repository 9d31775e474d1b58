import { closeSync, fstatSync, readSync } from 'node:fs';
import type { ExportPage } from '../../../shared/export/types';
import { decodeXmlBytes } from '../../../shared/layout/xml-decode';
import { baseOf, extensionOf, IMAGE_EXTENSIONS, sidecarPathOf } from '../../../shared/model/page-files';
import { relativePathProblem } from '../disk/confine';
import { isOutside } from '../disk/confined-fs';
import { openVerified, openVerifiedSync, READ_FLAGS } from '../disk/confined-open';
import { absoluteIn } from '../page/page-on-disk';
import { pageSourceFromBytes } from '../page/page-source';
import { sidecarStateFromBytes, unusableReason, type SidecarState } from '../page/sidecar-file';
import { worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';
import { osReason } from '../../../shared/errors/os-reason';
import type { Reason } from '../../../shared/errors/reasons';
import { wordedWithReason } from '../../../shared/errors/with-reason';
import type { ScopedPage } from './export-scope';

/// A page read for export, with the problem of its sidecar when it could not be trusted (the page is then
/// exported as its original: `sidecarProblem` in English, `sidecarReason` for the UI), or why the page could not
/// be read at all (`message` in English, `worded` by id for the UI).
export type ReadForExport =
  | { ok: true; page: ExportPage; sidecarProblem: string | null; sidecarReason: Reason | null }
  | { ok: false; message: string; worded: Worded };

/// The bytes of a page and of its sidecar (null when it has none), or why they could not be read.
export type ExportFiles =
  | { ok: true; bytes: Buffer; sidecar: Buffer | null }
  | { ok: false; message: string; worded: Worded };

// Why a file of the page could not be read: the English as before, worded by id with the OS error's reason.
function unreadable(rel: string, which: 'page' | 'sidecar', error: unknown): { ok: false; message: string; worded: Worded } {
  const english = (error as Error).message;
  if (which === 'page') {
    if (isOutside(error)) return { ok: false, message: 'The page leads outside the corpus folder.', worded: worded('page.outside', { path: rel }) };
    return { ok: false, message: `The page cannot be read: ${english}`, worded: wordedWithReason('export.pageUnreadable', { path: rel }, osReason(error), english) };
  }
  if (isOutside(error)) return { ok: false, message: 'The sidecar leads outside the corpus folder.', worded: worded('path.sidecarOutside', { path: rel }) };
  return { ok: false, message: `The sidecar cannot be read: ${english}`, worded: wordedWithReason('export.sidecarUnreadable', { path: rel }, osReason(error), english) };
}

// A path whose shape is refused (see relativePathProblem).
function notAllowed(rel: string, problem: string): { ok: false; message: string; worded: Worded } {
  return { ok: false, message: `The path is not allowed: ${problem}.`, worded: worded('path.notAllowed', { path: rel, problem }) };
}

/// Reads page `scoped.path` of the corpus at `realRoot` and its sidecar as every reader of the corpus does: the
/// path's shape checked, each file opened first and verified to lie inside the corpus (a file swapped for a symlink
/// meanwhile is refused). Asynchronous, in libuv's thread pool, so the export reads the next pages while it exports
/// this one. Never rejects.
export async function readExportFiles(realRoot: string, scoped: ScopedPage): Promise<ExportFiles> {
  const rel = scoped.path;
  const shapeProblem = relativePathProblem(rel);
  if (shapeProblem) return notAllowed(rel, shapeProblem);
  let bytes: Buffer;
  try {
    bytes = await readVerified(realRoot, rel);
  } catch (error) {
    return unreadable(rel, 'page', error);
  }
  const sidecarRel = sidecarPathOf(rel);
  try {
    return { ok: true, bytes, sidecar: await readVerified(realRoot, sidecarRel) };
  } catch (error) {
    if (isOutside(error) || (error as NodeJS.ErrnoException).code !== 'ENOENT') return unreadable(rel, 'sidecar', error);
    return { ok: true, bytes, sidecar: null };
  }
}

/// The synchronous twin of readExportFiles, which the export itself uses: the same checks (path shape, each file
/// opened first and verified through its descriptor to lie inside the corpus), without the thread pool. A page's
/// two files are read in about 0.1 ms of CPU time this way, against 0.6 ms through promises and libuv's pool,
/// whose hand-offs (ten a page) cost more than the reads themselves. Never throws.
export function readExportFilesSync(realRoot: string, scoped: ScopedPage): ExportFiles {
  const rel = scoped.path;
  const shapeProblem = relativePathProblem(rel);
  if (shapeProblem) return notAllowed(rel, shapeProblem);
  let bytes: Buffer;
  try {
    bytes = readVerifiedSync(realRoot, rel);
  } catch (error) {
    return unreadable(rel, 'page', error);
  }
  try {
    return { ok: true, bytes, sidecar: readVerifiedSync(realRoot, sidecarPathOf(rel)) };
  } catch (error) {
    if (isOutside(error) || (error as NodeJS.ErrnoException).code !== 'ENOENT') return unreadable(rel, 'sidecar', error);
    return { ok: true, bytes, sidecar: null };
  }
}

// readVerified's synchronous twin.
function readVerifiedSync(realRoot: string, rel: string): Buffer {
  const { fd } = openVerifiedSync(realRoot, absoluteIn(realRoot, rel), READ_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`"${rel}" is not a regular file`), { code: stats.isDirectory() ? 'EISDIR' : 'EINVAL' });
    const buffer = Buffer.allocUnsafe(stats.size);
    let at = 0;
    while (at < buffer.length) {
      const bytesRead = readSync(fd, buffer, at, buffer.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === buffer.length ? buffer : buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

// The whole of a corpus file, opened and verified as every corpus read is (see openVerified), then read in one
// piece of the size its handle reports: fewer trips to the thread pool than FileHandle.readFile, which asks for
// the size again and reads until it finds the end. Only regular files are read.
async function readVerified(realRoot: string, rel: string): Promise<Buffer> {
  const { handle } = await openVerified(realRoot, absoluteIn(realRoot, rel), READ_FLAGS);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw Object.assign(new Error(`"${rel}" is not a regular file`), { code: stats.isDirectory() ? 'EISDIR' : 'EINVAL' });
    const buffer = Buffer.allocUnsafe(stats.size);
    let at = 0;
    while (at < buffer.length) {
      const { bytesRead } = await handle.read(buffer, at, buffer.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === buffer.length ? buffer : buffer.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/// The page `files` hold (read by readExportFiles), decoded and normalised (a layout file imported), its sidecar
/// judged against the page's bytes and text.
///
/// A sidecar that exists but cannot be used leaves the page uncorrected and untagged (`sidecar` null) and says
/// why in `sidecarProblem`.
export function exportPageFromFiles(scoped: ScopedPage, files: ExportFiles): ReadForExport {
  if (!files.ok) return files;
  const rel = scoped.path;
  const { bytes } = files;
  const source = pageSourceFromBytes(bytes, rel);
  if (!source.ok) return { ok: false, message: source.error.message, worded: wordedOfError(source.error) };
  const sidecar: SidecarState = files.sidecar === null ? { kind: 'none' } : sidecarStateFromBytes(files.sidecar, source.value);
  const { layout } = source.value;
  const page: ExportPage = {
    path: rel,
    base: baseOf(rel),
    originalText: source.value.originalText,
    source: {
      format: source.value.format,
      sha256: source.value.sha256,
      bytes: bytes.length,
      encoding: source.value.encoding.name,
      lineEnding: source.value.lineEnding,
    },
    layoutXml: layout === null ? null : decodeXmlBytes(bytes),
    layout,
    sidecar: sidecar.kind === 'usable' ? sidecar.sidecar : null,
    scan: scanImageOf(scoped.companions, layout?.image ?? null),
  };
  const unusable = sidecar.kind === 'unusable';
  return { ok: true, page, sidecarProblem: unusable ? sidecar.message : null, sidecarReason: unusable ? unusableReason(sidecar) : null };
}

// The image companion the layout file names, else the first image companion (as the scan view picks it).
function scanImageOf(companions: readonly string[], named: string | null): string | null {
  const images = companions.filter((name) => (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(name).toLowerCase()));
  const namedBase = named === null ? null : named.split(/[\\/]/).pop()!;
  return images.find((image) => image.split('/').pop() === namedBase) ?? images[0] ?? null;
}
