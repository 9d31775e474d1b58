import type { JournalEntry, JournalRecord, PageData } from '../../shared/ipc/contract';
import { Debounce, type Clock } from './clock';
import type { PageContent } from './content';
import type { SessionApi } from './session-types';

/// What the journal needs to know about the open page at the moment it writes, or null when it moved on.
export type JournalSource = () => {
  page: PageData;
  dirty: boolean;
  /// The sidecar hash the work is based on (the loaded one, or the last save's).
  sidecarHash: string | null;
  content(): PageContent;
  caret(): number;
} | null;

/// Writes the open page's unsaved work to the recovery journal (main process, fsynced) after a short pause, one
/// write at a time; clears it when the work is saved or discarded.
export class SessionJournal {
  private readonly timer: Debounce;
  private chain: Promise<unknown> = Promise.resolve();
  private latest: JournalSource | null = null;

  constructor(
    private readonly api: SessionApi,
    clock: Clock,
    private readonly delayMs: number,
  ) {
    this.timer = new Debounce(clock);
  }

  /// Writes the work `source` describes after the pause (or clears the journal when it is no longer unsaved).
  ///
  /// A pending write is not pushed back by later changes (it reads the content when it runs), so steady typing
  /// still reaches the journal within the pause.
  schedule(source: JournalSource | null): void {
    if (source === null) return;
    this.latest = source;
    if (this.timer.pending) return;
    this.timer.schedule(this.delayMs, () => {
      const latest = this.latest;
      if (latest) void this.enqueue(() => this.write(latest));
    });
  }

  /// Forgets the page's journal, after any write still running.
  clear(path: string): Promise<void> {
    this.timer.cancel();
    return this.enqueue(async () => void (await this.api.clearJournal(path)));
  }

  /// Drops a pending write (the page is being replaced).
  cancel(): void {
    this.timer.cancel();
  }

  /// Resolves when every write and clear queued so far has finished.
  idle(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  private async write(source: JournalSource): Promise<void> {
    const now = source();
    if (now === null) return;
    if (!now.dirty) return void (await this.api.clearJournal(now.page.path));
    const entry: JournalEntry = { path: now.page.path, sourceSha256: now.page.sha256, sidecarHash: now.sidecarHash, ...now.content(), caret: now.caret() };
    await this.api.writeJournal(entry);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next.catch(() => undefined);
  }
}

/// The page content a journal record holds.
export function contentOfRecord(record: JournalRecord): PageContent {
  return {
    text: record.text,
    entities: record.entities,
    rejectedEntities: record.rejectedEntities,
    rejectedCorrections: record.rejectedCorrections,
    status: record.status,
    note: record.note ?? '',
  };
}
