import { useSyncExternalStore } from 'react';

/// The last corpus propagation applied in this window, so its Undo stays available after the dialog closes.
export interface LastPropagation {
  token: string;
  text: string;
  type: string;
  spans: number;
}

let last: LastPropagation | null = null;
const listeners = new Set<() => void>();

/// Remembers (or, with null, forgets) the last corpus propagation.
export function setLastPropagation(value: LastPropagation | null): void {
  last = value;
  for (const listener of listeners) listener();
}

/// The last corpus propagation, or null; re-renders when it changes.
export function useLastPropagation(): LastPropagation | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => last,
  );
}
