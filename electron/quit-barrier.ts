/// Holds the app's exit until the writes it was given have settled, so a quick quit (Cmd-Q, Ctrl+Q, the last
/// window closed) cannot cut off the window state written as the window closes.
///
/// Electron ends the process after 'will-quit' without waiting for pending file writes; the barrier prevents that
/// exit while a held write is pending and quits again once all have settled (or after `timeoutMs`, so a write that
/// hangs cannot keep the app from quitting).
export interface QuitBarrier {
  /// Tracks `work` until it settles; returns it unchanged.
  hold<T>(work: Promise<T>): Promise<T>;
  /// For the app's 'will-quit' event: prevents the exit while held work is pending, then quits again.
  onWillQuit(event: { preventDefault(): void }): void;
  /// How many held writes are pending now.
  pending(): number;
}

/// How long a quit waits at most for the held writes.
export const QUIT_BARRIER_TIMEOUT_MS = 5000;

/// Creates the barrier; `quit` is Electron's app.quit().
export function createQuitBarrier(quit: () => void, timeoutMs = QUIT_BARRIER_TIMEOUT_MS): QuitBarrier {
  const held = new Set<Promise<unknown>>();
  let waiting = false;
  return {
    hold(work) {
      const tracked: Promise<unknown> = work.then(
        () => held.delete(tracked),
        () => held.delete(tracked),
      );
      held.add(tracked);
      return work;
    },
    onWillQuit(event) {
      if (held.size === 0) return;
      event.preventDefault();
      if (waiting) return;
      waiting = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      void Promise.race([Promise.allSettled([...held]), timeout]).then((outcome) => {
        clearTimeout(timer);
        waiting = false;
        // Writes still pending after the time-out are let go, so the next 'will-quit' does not wait for them again
        // (one held since is waited for: the next 'will-quit' sees it).
        if (outcome === 'timeout') held.clear();
        quit();
      });
    },
    pending: () => held.size,
  };
}
