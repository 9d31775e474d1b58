/// A timer handle, whatever the clock uses.
export type TimerHandle = unknown;

/// The time and timers the page session uses, so unit tests can drive them (fake timers).
export interface Clock {
  /// Milliseconds since the epoch.
  now(): number;
  setTimeout(run: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/// The real clock: Date.now and the global timers.
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/// One pending call that a new `schedule` replaces (autosave, the journal write, remembering the caret).
export class Debounce {
  private handle: TimerHandle | null = null;

  constructor(private readonly clock: Clock) {}

  /// Runs `run` after `ms`, cancelling a call still pending.
  schedule(ms: number, run: () => void): void {
    this.cancel();
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      run();
    }, ms);
  }

  /// Cancels the pending call, if any.
  cancel(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  /// Whether a call is pending.
  get pending(): boolean {
    return this.handle !== null;
  }
}
