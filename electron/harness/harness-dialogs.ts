import { randomUUID } from 'node:crypto';
import type { Dialogs, FolderPurpose } from '../dialog-types';

/// The harness stand-in for native dialogs: asks the renderer through an event and waits for its answer.
export interface HarnessDialogs extends Dialogs {
  /// Delivers the renderer's answer to a pending request; false when no request has that id.
  answer(id: string, folder: string | null): boolean;
  /// Cancels every pending request (server shutdown).
  cancelAll(): void;
}

/// Creates harness dialogs over an event emitter.
///
/// `chooseFolder` emits 'dialog.request' { id, purpose } and resolves when POST /api/dialog/<id> arrives.
/// With no renderer connected there is nobody to ask, so it resolves null (cancelled) at once.
export function createHarnessDialogs(
  emit: (event: 'dialog.request', payload: { id: string; purpose: FolderPurpose }) => void,
  hasListeners: () => boolean,
): HarnessDialogs {
  const pending = new Map<string, (folder: string | null) => void>();
  return {
    chooseFolder(purpose) {
      if (!hasListeners()) return Promise.resolve(null);
      const id = randomUUID();
      return new Promise((resolve) => {
        pending.set(id, resolve);
        emit('dialog.request', { id, purpose });
      });
    },
    answer(id, folder) {
      const resolve = pending.get(id);
      if (!resolve) return false;
      pending.delete(id);
      resolve(folder);
      return true;
    },
    cancelAll() {
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
    },
  };
}
