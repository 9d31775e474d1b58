import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { classifyName } from '../../../shared/model/page-files';
import { SIDECAR_SUFFIX } from '../../../shared/model/sidecar-schema';
import { fileStamp } from '../disk/own-writes';
import { CORPUS_CONFIG_FILE } from './corpus-config';

/// Folder levels below the corpus root that the watcher follows (the root's own files are level 0). Deeper
/// folders are not watched: a corpus is a few levels of issues and pages, and the bound keeps a stray deep
/// tree (a copied backup, a checkout) from costing a watch per folder.
export const WATCH_DEPTH = 16;

// About 2 ms of stats between two yields to the event loop.
const STATS_PER_SLICE = 500;

/// What a watched file is to the corpus: a page file or companion (text, layout XML, scan image), a sidecar,
/// or the corpus settings file (`jiaodui.corpus.json` at the root).
export type WatchedKind = 'page-file' | 'sidecar' | 'settings';

/// Whether the corpus watcher reports the file at `rel` (relative, `/`-separated), and as what; null: ignored.
///
/// Ignored: anything under a hidden folder or node_modules, hidden files (so the app's temporary files
/// `.<name>.<random>.tmp`), temporary and lock files (`*.tmp`, `~$*`, `*~`), and every file the corpus scan does
/// not list (other extensions, the tag set file).
export function watchedKind(rel: string): WatchedKind | null {
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  for (const folder of parts.slice(0, -1)) if (classifyName(folder, true) !== 'folder') return null;
  if (name.startsWith('.')) return null;
  if (parts.length === 1 && name === CORPUS_CONFIG_FILE) return 'settings';
  if (name.endsWith(SIDECAR_SUFFIX)) return 'sidecar';
  return classifyName(name, false) === 'ignored' ? null : 'page-file';
}

/// Whether the folder at `rel` ('' = the root) is one the watcher follows: not hidden, not node_modules, and
/// at most WATCH_DEPTH levels deep.
export function isWatchedFolder(rel: string): boolean {
  if (rel === '') return true;
  const parts = rel.split('/');
  return parts.length <= WATCH_DEPTH && parts.every((part) => classifyName(part, true) === 'folder');
}

/// The absolute path of `rel` inside `root`.
export function absoluteOf(root: string, rel: string): string {
  return rel === '' ? root : path.join(root, rel.split('/').join(path.sep));
}

/// The relative `/`-separated path of `abs` inside `root`, or null when it is not inside.
export function relativeOf(root: string, abs: string): string | null {
  const rel = path.relative(root, abs);
  if (rel === '') return '';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/// The watched files at and below the folder `relDir` ('' = root), each with its stamp (see fileStamp).
///
/// Walks like the corpus scan: hidden entries and node_modules are skipped, links to folders are never
/// followed (a link cycle cannot trap the walk), and folders deeper than WATCH_DEPTH are left out. `shallow`
/// lists only the folder's own files. A folder that cannot be read counts as empty.
export async function listWatchedFiles(root: string, relDir: string, options: { shallow?: boolean } = {}): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!isWatchedFolder(relDir)) return found;
  const folders = [relDir];
  while (folders.length > 0) {
    const dir = folders.pop()!;
    const files: string[] = [];
    try {
      for await (const entry of await opendir(absoluteOf(root, dir), { bufferSize: 256 })) {
        const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!options.shallow && isWatchedFolder(rel)) folders.push(rel);
        } else if (watchedKind(rel) !== null) files.push(rel);
      }
    } catch {
      continue; // vanished or unreadable: nothing in it is known
    }
    // Synchronous stats, several times faster than promise-based ones for thousands of small files, with a
    // yield every few hundred so the main process keeps answering requests.
    for (const [i, rel] of files.entries()) {
      const stamp = fileStamp(absoluteOf(root, rel));
      if (stamp !== null) found.set(rel, stamp);
      if (i % STATS_PER_SLICE === STATS_PER_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return found;
}
