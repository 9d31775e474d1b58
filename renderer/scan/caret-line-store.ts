/// A tiny store for the original lines under the editor's caret, so the scan follows the caret without
/// re-rendering the app.

/// Holds the original (OCR) lines of the caret's line, sorted, and tells subscribers when they change.
///
/// Empty when the caret is not known yet or its line was typed in. The array is kept while the lines stay the
/// same, so it can be read with `useSyncExternalStore`.
export interface CaretLineStore {
  get(): readonly number[];
  set(lines: readonly number[]): void;
  /// Adds a listener; returns the function that removes it (the shape `useSyncExternalStore` wants).
  subscribe(listener: () => void): () => void;
}

const NONE: readonly number[] = [];

/// Creates an empty caret line store.
export function createCaretLineStore(): CaretLineStore {
  let lines = NONE;
  const listeners = new Set<() => void>();
  return {
    get: () => lines,
    set(next) {
      if (next.length === lines.length && next.every((line, i) => line === lines[i])) return;
      lines = next.length === 0 ? NONE : [...next];
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
