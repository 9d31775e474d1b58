import { useSyncExternalStore } from 'react';

/// Tells the entity panel and popover that the editor changed, a short pause after the last transaction, so they
/// re-render on their own instead of the whole app re-rendering while someone types.
export interface EditorChanges {
  /// Called after every editor transaction; listeners hear of it once the editor has been still for the pause.
  touched(): void;
  /// A number that grows with each heard change (the snapshot `useSyncExternalStore` reads).
  version(): number;
  /// Adds a listener; returns the function that removes it.
  subscribe(listener: () => void): () => void;
  /// Cancels a pending notice (when the app unmounts).
  dispose(): void;
}

/// Creates the change notice, `pauseMs` after the last transaction (120 ms: after a pause in typing).
export function createEditorChanges(pauseMs = 120): EditorChanges {
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  return {
    touched() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        version++;
        for (const listener of listeners) listener();
      }, pauseMs);
    },
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => clearTimeout(timer),
  };
}

/// Re-renders the calling component when the editor changed (after the pause); returns the change number.
export function useEditorChanges(changes: EditorChanges): number {
  return useSyncExternalStore(changes.subscribe, changes.version);
}
