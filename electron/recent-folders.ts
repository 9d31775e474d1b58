import fs from 'node:fs';
import type { Language } from '../shared/ipc/contract';
import { recentGoneText } from './menu-labels';

/// Whether `folder` is a folder on disk now (false when it is gone, a file, or cannot be reached).
export async function isFolder(folder: string): Promise<boolean> {
  return fs.promises.stat(folder).then((info) => info.isDirectory(), () => false);
}

/// The recent corpora File → Open Recent lists: those still on disk, most recent first.
///
/// A vanished folder is only left out of the menu, not forgotten: the store keeps it, so a folder on a drive that
/// is unplugged comes back to the menu when the drive does (the menu is rebuilt when the list or the language
/// changes, and on each Open Recent).
export async function existingFolders(folders: readonly string[], exists: (folder: string) => Promise<boolean> = isFolder): Promise<string[]> {
  const present = await Promise.all(folders.map((folder) => exists(folder)));
  return folders.filter((_, i) => present[i]);
}

/// What opening a recent folder needs from the app; Electron in main.ts, fakes in tests.
export interface RecentOpenHost {
  exists(folder: string): Promise<boolean>;
  /// Shows the window and asks the renderer to open the folder (after it deals with unsaved work).
  open(folder: string): void;
  /// Shows a notice (a message box over the window).
  notify(text: { title: string; message: string; detail: string }): Promise<void>;
  /// Builds the menu again (from the folders still on disk).
  refreshMenu(): void;
}

/// File → Open Recent → a folder: opens it if it is still there; a folder gone since the menu was built is not
/// opened: the user is told so in the UI language, and the menu is rebuilt without it. Returns whether it opened.
export async function openRecentFolder(folder: string, language: Language, host: RecentOpenHost): Promise<boolean> {
  if (await host.exists(folder)) {
    host.open(folder);
    return true;
  }
  host.refreshMenu();
  await host.notify(recentGoneText(language, folder));
  return false;
}
