/// Reads items ahead of their use: when item `i` is taken, the reads of the items up to `i + depth` are started,
/// so the disk works on the next pages while the current one is exported. At most `depth + 1` reads are held,
/// which bounds memory by that many pages.
export class ReadAhead<T, R> {
  private readonly pending = new Map<number, Promise<R>>();
  private next = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly depth: number,
    /// Must not reject: it gives its failure as a value.
    private readonly read: (item: T) => Promise<R>,
  ) {}

  /// The read of item `index` (started now if it was not yet), starting those of the next `depth` items.
  take(index: number): Promise<R> {
    if (this.next <= index) this.next = index;
    while (this.next < this.items.length && this.next <= index + this.depth) {
      this.pending.set(this.next, this.read(this.items[this.next]!));
      this.next++;
    }
    const read = this.pending.get(index) ?? this.read(this.items[index]!);
    this.pending.delete(index);
    return read;
  }
}
