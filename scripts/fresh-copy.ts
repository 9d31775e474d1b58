import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/// The files a fresh clone of `root` would have, plus the working tree's own changes: tracked files as they are
/// on disk and untracked files that .gitignore does not exclude (relative paths). Null when `root` is not a git
/// checkout or git is missing.
export function cloneFiles(root: string): string[] | null {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0 || listed.error) return null;
  const files = [...new Set(listed.stdout.split('\0').filter(Boolean))];
  // A tracked file deleted in the working tree is not part of the change being tested.
  return files.filter((file) => fs.existsSync(path.join(root, file)));
}

/// A copy made by `makeFreshCopy`: where the repository is, and how to remove it.
export interface FreshCopy {
  /// The copied repository (its parent folder holds nothing else, so no `../shared` is beside it).
  dir: string;
  remove: () => void;
}

/// Copies `files` of `root` into `<tmp>/jiaodui-clone-*/jiaodui` and links `root`'s node_modules there, so the
/// copy runs like a fresh clone after `npm ci` with nothing outside the repository beside it.
export function makeFreshCopy(root: string, files: readonly string[], tmp = os.tmpdir()): FreshCopy {
  const parent = fs.mkdtempSync(path.join(tmp, 'jiaodui-clone-'));
  const dir = path.join(parent, 'jiaodui');
  for (const file of files) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, file), target);
  }
  const modules = path.join(root, 'node_modules');
  if (fs.existsSync(modules)) fs.symlinkSync(fs.realpathSync(modules), path.join(dir, 'node_modules'), 'junction');
  return { dir, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
