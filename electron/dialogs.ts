import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './dialog-types';

/// Creates native folder dialogs attached to the main window (when it exists).
///
/// Returns null when the user cancels.
export function createElectronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFolder(purpose) {
      const options: Electron.OpenDialogOptions =
        purpose === 'open-corpus'
          ? { title: 'Open corpus folder', buttonLabel: 'Open', properties: ['openDirectory'] }
          : { title: 'Choose export folder', buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
