import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ok, type Result } from '../../shared/result';
import { failWith } from '../../shared/errors/fail-with';
import type { FolderListing } from '../../shared/ipc/harness-protocol';

/// Lists the sub-folders of a folder for the harness's in-app folder picker.
///
/// An empty path lists the home folder. The path must be absolute. Hidden folders (leading dot) are left out;
/// unreadable or missing folders give a plain-words error.
export async function listFolders(target: string): Promise<Result<FolderListing>> {
  const folder = target.trim() === '' ? os.homedir() : target;
  if (folder.includes('\0') || !path.isAbsolute(folder)) {
    return failWith('harness.folderNotAbsolute', {}, folder);
  }
  const resolved = path.resolve(folder);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(resolved, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failWith('harness.folderMissing', {}, resolved);
    if (code === 'ENOTDIR') return failWith('harness.notFolder', {}, resolved);
    return failWith('harness.folderUnreadable', {}, resolved);
  }
  const folders = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(resolved, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(full)))) {
      folders.push({ name: entry.name, path: full });
    }
  }
  folders.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parent = path.dirname(resolved);
  return ok({ path: resolved, parent: parent === resolved ? null : parent, folders });
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}
