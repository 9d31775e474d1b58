import { EditorState } from 'prosemirror-state';
import { createPageState } from '../../../renderer/editor/page-state';
import type { Clock, TimerHandle } from '../../../renderer/page/clock';
import { editorPortOf, type EditorPort } from '../../../renderer/page/editor-port';
import type { SessionApi } from '../../../renderer/page/session-types';
import type { JournalEntry, JournalRecord, PageData, SaveRequest } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/result';
import { pageStatsOf } from '../../../shared/model/page-stats';

/// A clock whose time moves only when the test says so.
export class FakeClock implements Clock {
  private time = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number): TimerHandle => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (handle: TimerHandle) => void this.timers.delete(handle as number);
  /// Moves time forward, running the timers due (in order), letting promises settle between them.
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
      await settle();
    }
    this.time = end;
    await settle();
  }
  pending(): number {
    return this.timers.size;
  }
}

/// Lets queued promise callbacks run.
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const HEX = (n: number) => n.toString(16).padStart(64, '0');

/// One page file on the fake disk, with its sidecar's content (null: none).
interface DiskPage {
  original: string;
  sha256: string;
  sidecar: { text: string; status: PageData['status']; hash: string } | null;
}

/// A fake main process: pages on a fake disk, saves that check hashes, a journal, and answers held on request.
export class FakeApi implements SessionApi {
  disk = new Map<string, DiskPage>();
  saves: SaveRequest[] = [];
  journal = new Map<string, JournalRecord>();
  journalWrites = 0;
  dirtyFlags: boolean[] = [];
  closes = 0;
  remembered: { path: string; caret: number }[] = [];
  /// When set, the next save waits for `release()` before answering.
  holdSaves = false;
  private held: (() => void)[] = [];
  private counter = 1;

  addPage(path: string, original: string): void {
    this.disk.set(path, { original, sha256: HEX(this.counter++), sidecar: null });
  }

  /// Someone else rewrites a page's sidecar on disk.
  writeSidecarOutside(path: string, text: string): void {
    const page = this.disk.get(path)!;
    page.sidecar = { text, status: page.sidecar?.status ?? 'unreviewed', hash: HEX(this.counter++) };
  }

  /// Answers the held saves.
  release(): void {
    const held = this.held;
    this.held = [];
    for (const go of held) go();
  }

  openPage = async (path: string) => {
    const page = this.disk.get(path);
    if (!page) return fail('not-found', `No page "${path}".`);
    const data: PageData = {
      path,
      encoding: { name: 'UTF-8', confidence: 1, bom: false },
      lineEnding: 'LF',
      bytes: page.original.length,
      sha256: page.sha256,
      originalText: page.original,
      undecodable: { count: 0, lines: [] },
      text: page.sidecar?.text ?? page.original,
      corrections: [],
      entities: [],
      rejectedEntities: [],
      rejectedCorrections: [],
      status: page.sidecar?.status ?? 'unreviewed',
      sidecarHash: page.sidecar?.hash ?? null,
      sidecarModified: page.sidecar ? new Date(0).toISOString() : null,
      readOnly: null,
      notices: [],
      scan: null,
      scanError: null,
    };
    return ok(data);
  };

  savePage = async (request: SaveRequest) => {
    this.saves.push(request);
    if (this.holdSaves) await new Promise<void>((resolve) => this.held.push(resolve));
    const page = this.disk.get(request.path)!;
    if (request.sourceSha256 !== page.sha256 || request.expectedSidecarHash !== (page.sidecar?.hash ?? null)) {
      return fail('sidecar-changed', 'The sidecar changed on disk.');
    }
    page.sidecar = { text: request.text, status: request.status, hash: HEX(this.counter++) };
    return ok({ sidecarHash: page.sidecar.hash, modified: new Date(1000).toISOString(), corrections: [], moves: request.moves ?? [], stats: pageStatsOf(request) });
  };

  setDirty = async (dirty: boolean) => {
    this.dirtyFlags.push(dirty);
    return ok(null);
  };
  confirmClose = async () => {
    this.closes++;
    return ok(null);
  };
  writeJournal = async (entry: JournalEntry) => {
    this.journalWrites++;
    this.journal.set(entry.path, { ...entry, at: new Date(0).toISOString() });
    return ok(null);
  };
  readJournal = async (path: string) => ok(this.journal.get(path) ?? null);
  clearJournal = async (path: string) => {
    this.journal.delete(path);
    return ok(null);
  };
  rememberPage = async (lastPage: { path: string; caret: number }) => {
    this.remembered.push(lastPage);
    return ok(null);
  };
}

/// A real ProseMirror editor state for a page, as the session's editor port, with helpers to type and undo.
export class TestEditor {
  state: EditorState;
  readonly port: EditorPort;

  constructor(page: PageData) {
    this.state = createPageState({ originalText: page.originalText, text: page.text, entities: page.entities, rejectedEntities: page.rejectedEntities });
    this.port = editorPortOf(
      () => this.state,
      (tr) => (this.state = this.state.apply(tr)),
    );
  }

  /// Types `text` at document position `at` (1: the start of the first line).
  type(text: string, at = 1): void {
    this.state = this.state.apply(this.state.tr.insertText(text, at));
  }
}
