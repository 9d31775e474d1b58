/// Holds events for the window until its page has loaded, then sends them in order.
///
/// `webContents.send` before the page (and its preload) exists drops the message, and the main process opens
/// the start-up corpus before the window loads; the gate keeps those scan events instead.
export interface EventGate {
  /// Sends now when open, otherwise queues.
  emit(event: string, payload: unknown): void;
  /// The page has loaded: flush the queue and send directly from now on.
  open(): void;
  /// The page is going away (reload, navigation): queue again until the next load.
  close(): void;
}

/// Creates a closed gate over a send function; at most `maxPending` events (the newest) are kept.
export function createEventGate(send: (event: string, payload: unknown) => void, maxPending = 10_000): EventGate {
  let isOpen = false;
  let pending: [string, unknown][] = [];
  return {
    emit(event, payload) {
      if (isOpen) return send(event, payload);
      pending.push([event, payload]);
      if (pending.length > maxPending) pending.shift();
    },
    open() {
      isOpen = true;
      const queued = pending;
      pending = [];
      for (const [event, payload] of queued) send(event, payload);
    },
    close() {
      isOpen = false;
    },
  };
}
