/// Staged files: an export pool thread writes a page's file itself, under a name of this run beside its final
/// place, and the main thread only claims the final name and renames, in page order (ExportOutput.commitStaged).
/// The bytes never cross between threads and the threads' file writes overlap, while the run keeps its guarantees:
/// nothing under a final name until it is whole and claimed in order, nothing written inside the corpus, the same
/// bytes and the same problems as a file the main thread writes.
///
/// A staged name is `<final name>.<run tag>-<page>-<n>.jiaodui-partial`: unique in the run (two pages may name the
/// same final file; the later one is refused when claimed), recognised as partial by the clean-up of leftovers, and
/// marked as this run's so that clean-up, done by the main thread when it first writes into a folder, passes over
/// the files the threads are staging there meanwhile.
import { closeSync, mkdirSync, readdirSync, realpathSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { isInside, relativePathProblem } from '../disk/confine';
import { openOutsideCorpusSync } from './open-outside';

/// The suffix of a file being written: `<final name>.jiaodui-partial` (or a staged name ending so), renamed to the
/// final name when complete.
export const PARTIAL_SUFFIX = '.jiaodui-partial';

/// Where a run's threads stage files: the export folder and the run's tag.
export interface StageTarget {
  outDir: string;
  tag: string;
}

/// A tag naming one run's staged files.
export function newRunTag(): string {
  return `s${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/// Whether `name` (a file name) is a file staged by the run tagged `tag`.
export function isStagedBy(name: string, tag: string): boolean {
  return name.endsWith(PARTIAL_SUFFIX) && name.includes(`.${tag}-`);
}

/// Writes staged files for one thread of a run, checking each folder once (made when missing, its real path
/// outside the corpus) as ExportOutput does.
export class StageWriter {
  private readonly folders = new Map<string, boolean>();

  constructor(
    private readonly realRoot: string,
    private readonly target: StageTarget,
  ) {}

  /// Writes `bytes` as the staged file number `n` of page `page` for the final path `rel`; returns its absolute
  /// path, or null when it was not written (a path the run refuses, a folder inside the corpus, any error): the
  /// caller then hands the bytes to the main thread, which writes them as it always did and words the problem.
  /// Never leaves a half-written staged file behind when it returns null.
  write(rel: string, page: number, n: number, bytes: Uint8Array): string | null {
    if (relativePathProblem(rel) !== null) return null;
    const final = path.join(this.target.outDir, rel.split('/').join(path.sep));
    if (!this.folderOutside(path.dirname(final))) return null;
    const staged = `${final}.${this.target.tag}-${page}-${n}${PARTIAL_SUFFIX}`;
    let fd: number;
    try {
      fd = openOutsideCorpusSync(this.realRoot, staged);
    } catch {
      // Inside the corpus (nothing is removed there), already there, or not openable: the main thread decides.
      return null;
    }
    try {
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch {
      closeSync(fd);
      rmSync(staged, { force: true });
      return null;
    }
    closeSync(fd);
    return staged;
  }

  private folderOutside(folder: string): boolean {
    let outside = this.folders.get(folder);
    if (outside === undefined) {
      try {
        mkdirSync(folder, { recursive: true });
        outside = !isInside(this.realRoot, realpathSync(folder));
      } catch {
        outside = false;
      }
      this.folders.set(folder, outside);
    }
    return outside;
  }
}

/// Removes the files the run tagged `tag` staged in `folders` and did not rename (a cancelled run, a thread that
/// died): the sweep after the pool's loop.
export function removeStagedIn(folders: Iterable<string>, tag: string): void {
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (isStagedBy(name, tag)) rmSync(path.join(folder, name), { force: true });
  }
}
