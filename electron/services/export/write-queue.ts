/// A bounded queue of file writes running in the background (libuv's thread pool) while the main thread reads and
/// exports the next pages: at most `maxRunning` writes at once and at most `maxUnits` of content waiting, so memory
/// stays bounded whatever the corpus size.
///
/// Creating a file costs several system calls (open, verify, truncate, write, close, rename) that wait on the
/// file system's metadata locks; one at a time on the main thread they were most of a per-page format's run.
/// Several in flight overlap those waits with each other and with the exporters' work.
export class WriteQueue {
  private running = 0;
  private units = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly maxRunning = 8,
    private readonly maxUnits = 16 * 1024 * 1024,
  ) {}

  /// Starts `write` (which must not reject: it reports its own failure) once there is room for it, and resolves
  /// when it has started, not when it is done. `units` is its content's size (UTF-16 units).
  async add(units: number, write: () => Promise<void>): Promise<void> {
    // One oversized file still goes, alone.
    while (this.running > 0 && (this.running >= this.maxRunning || this.units + units > this.maxUnits)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    this.units += units;
    void write().finally(() => {
      this.running--;
      this.units -= units;
      this.waiting.shift()?.();
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  /// Resolves when every write added so far has finished.
  async drain(): Promise<void> {
    if (this.running === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
