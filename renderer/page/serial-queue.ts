/// Runs tasks one after another: a save never overlaps another save (an autosave in flight and Ctrl+S would
/// otherwise race with the same expected sidecar hash, and the second would be refused).
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /// Runs `task` after every task queued before it; its own failure does not stop the queue.
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /// Resolves once every task queued so far has finished.
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
