import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { BatchDialog } from './BatchDialog';

/// What the batch dialog needs from the app: the unsaved-work guard and a way to reload the open page.
export interface BatchDialogHost {
  api: JiaoduiApi;
  /// False while no corpus is open (the dialog is not shown then).
  enabled: boolean;
  /// The app's Save / Discard / Cancel guard: runs `then` once unsaved work is saved or discarded.
  guardUnsaved(then: () => void | Promise<void>): Promise<void>;
  /// Whether the open page has unsaved work right now.
  dirty: boolean;
  /// The page open in the editor, or null.
  openPath: string | null;
  /// Loads a page into the editor without asking about unsaved work (the guard has already run).
  loadPage(path: string): Promise<void>;
}

/// The "Find and replace in corpus" dialog as the app mounts it: `open` shows it, `dialog` is the element.
///
/// The safe behaviour for unsaved editor work: opening the dialog first runs the usual Save / Discard / Cancel
/// prompt (Cancel does not open it), then reloads the page, so the search sees the page as saved and no autosave
/// can change a sidecar behind the batch's back (the editor cannot be edited while the modal dialog is open).
/// Before a replacement or undo writes, the guard runs again as a safety net. After a batch the open page is
/// reloaded when the batch changed it, so the editor shows the change and its next save does not trip over the
/// changed sidecar.
export function useBatchDialog(host: BatchDialogHost): { open(): void; dialog: ReactNode } {
  const [shown, setShown] = useState(false);
  const hostRef = useRef(host);
  hostRef.current = host;
  const reloadNeeded = useRef(false);

  const beforeWrite = useCallback(async () => {
    let go = false;
    const wasDirty = hostRef.current.dirty;
    await hostRef.current.guardUnsaved(() => {
      go = true;
    });
    reloadNeeded.current = go && wasDirty;
    return go;
  }, []);

  const onPagesChanged = useCallback((pages: readonly string[]) => {
    const { openPath, loadPage } = hostRef.current;
    if (openPath !== null && (reloadNeeded.current || pages.includes(openPath))) void loadPage(openPath);
    reloadNeeded.current = false;
  }, []);

  const open = useCallback(() => {
    const { dirty, guardUnsaved } = hostRef.current;
    if (!dirty) {
      setShown(true);
      return;
    }
    void guardUnsaved(async () => {
      // Saved or discarded: load the page as it is on disk, then search the corpus.
      const { openPath, loadPage } = hostRef.current;
      if (openPath !== null) await loadPage(openPath);
      setShown(true);
    });
  }, []);
  const dialog = shown && host.enabled ? <BatchDialog api={host.api} onClose={() => setShown(false)} beforeWrite={beforeWrite} onPagesChanged={onPagesChanged} /> : null;
  return { open, dialog };
}
