/// Fans main-process events out to the renderer's listeners, holding early events until someone listens.
///
/// At start-up the main process (or harness) reports the corpus scan before React has subscribed; without the
/// queue those events would be lost and the page list would stay empty. Each event name keeps its own queue,
/// handed to the first listener that subscribes to it, then emptied.
export interface EventHub {
  /// Delivers an event to its listeners, or queues it when there are none yet.
  dispatch(event: string, payload: unknown): void;
  /// Adds a listener (first receiving anything queued for that event); returns the unsubscribe function.
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/// Creates an event hub; at most `maxQueued` early events are kept per event name (the newest ones).
export function createEventHub(maxQueued = 10_000): EventHub {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queued = new Map<string, unknown[]>();
  return {
    dispatch(event, payload) {
      const set = listeners.get(event);
      if (set && set.size > 0) {
        for (const listener of [...set]) listener(payload);
        return;
      }
      const queue = queued.get(event) ?? [];
      queue.push(payload);
      if (queue.length > maxQueued) queue.shift();
      queued.set(event, queue);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      const early = queued.get(event);
      if (early) {
        queued.delete(event);
        for (const payload of early) listener(payload);
      }
      return () => {
        set.delete(listener);
      };
    },
  };
}
