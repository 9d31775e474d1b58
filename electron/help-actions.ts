import { dialog, shell, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import type { Language } from '../shared/ipc/contract';
import { aboutText } from './menu-labels';

/// Help → User Guide: opens docs/user-guide.md in the system's default app for Markdown (or says it is missing).
export async function openUserGuide(file: string, language: Language, window: BrowserWindow | null): Promise<void> {
  const problem = fs.existsSync(file) ? await shell.openPath(file) : 'missing';
  if (problem === '') return;
  const message = language === 'zh-CN' ? `无法打开用户指南：${file}` : `The user guide could not be opened: ${file}`;
  await showInfo(window, { type: 'warning', title: 'Jiaodui', message, detail: problem === 'missing' ? '' : problem });
}

/// Help → Show Logs: the folder holding the app's logs, in the file manager.
export async function showLogFolder(folder: string, language: Language, window: BrowserWindow | null): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  const problem = await shell.openPath(folder);
  if (problem === '') return;
  const message = language === 'zh-CN' ? `日志文件夹：${folder}` : `The logs are in ${folder}`;
  await showInfo(window, { type: 'info', title: 'Jiaodui', message, detail: problem });
}

/// Help → About on Windows and Linux: name, version and what the app is for, in the UI language.
export async function showAbout(language: Language, version: string, window: BrowserWindow | null): Promise<void> {
  const text = aboutText(language, version);
  await showInfo(window, { type: 'info', ...text });
}

/// A message box over the window (or on its own when there is none).
export async function showInfo(window: BrowserWindow | null, options: Electron.MessageBoxOptions): Promise<void> {
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
