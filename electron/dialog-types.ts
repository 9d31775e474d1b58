/// What a folder is chosen for; the dialog title and buttons follow it.
export type FolderPurpose = 'open-corpus' | 'export-folder';

/// The dialogs the handler table needs: native ones in Electron, renderer-drawn ones in the harness.
export interface Dialogs {
  /// Asks the user for a folder; null when they cancel.
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;
}
