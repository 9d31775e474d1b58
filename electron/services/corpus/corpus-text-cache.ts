import { statSync, type Stats } from 'node:fs';
import { absoluteIn, readPageOnDiskSync, type PageTexts } from '../page/page-on-disk';
import { sidecarPathOf } from '../../../shared/model/page-files';
import type { WordedProblem } from '../../../shared/errors/fail-with';

/// What one pass over the corpus found, and how much of it came from the cache.
export interface CorpusTexts {
  /// The readable pages, in the order asked for.
  pages: PageTexts[];
  unreadable: WordedProblem[];
  loaded: number;
  reused: number;
}

// A pass works at most this long between two yields to the event loop, so the main process keeps answering
// requests while the cache fills. Reads are synchronous: for small files that is several times faster than
// promise-based reads.
const SLICE_MS = 5;

/// The texts of every page of one corpus, kept in memory and checked against the files' size, time and inode.
///
/// One instance per open corpus serves batch search and replacement and corpus-wide entity propagation. The app
/// fills it in the background when a corpus scan ends. Each pass stats every page file and sidecar (about 100 ms
/// for 10,000 pages) and reads again only the pages whose files changed, so a saved page, a batch replacement or
/// a file changed by another program is always seen as it is on disk; the app also refreshes the pages it writes
/// right away. Holds about 2 bytes per character (120 MB for 10,000 pages of 6,000 characters).
export class CorpusTextCache {
  private readonly entries = new Map<string, { key: string; texts: PageTexts }>();
  // Passes run one after another: a search that starts while the cache is being filled in the background waits
  // for the fill and then finds the pages already loaded, instead of reading them a second time.
  private running: Promise<unknown> = Promise.resolve();
  private disposed = false;

  /// `realRoot` is the corpus root after realpath.
  constructor(readonly realRoot: string) {}

  /// The texts of `pages` (relative paths), read from disk where the cache is stale; pages not listed are dropped.
  texts(pages: readonly string[]): Promise<CorpusTexts> {
    return this.queue(() => this.pass(pages, true));
  }

  /// Loads `pages` in the background (after a corpus scan), so the first search finds them in memory.
  fill(pages: readonly string[]): void {
    void this.texts(pages).catch(() => undefined);
  }

  /// Reads `pages` again now if their files changed (after the app wrote their sidecars), keeping the others.
  async refresh(pages: readonly string[]): Promise<void> {
    await this.queue(() => this.pass(pages, false));
  }

  /// Takes a page the app has just saved from what the save wrote, instead of reading it again: the original text
  /// stays the cached one when the page file is the one cached (the save checked it was unchanged), the corrected
  /// text and spans are the saved ones. A 20 MB page read again on the main process stalled every other request for
  /// a second or more. Falls back to a refresh when the page is not cached as that version.
  async noteSaved(rel: string, saved: { sourceSha256: string; sidecarHash: string; text: string; spans: PageTexts['spans'] }): Promise<void> {
    // The files as the save left them; should they change before the queue gets here, the page is read again.
    const written = this.stamp(rel);
    await this.queue(async () => {
      const cached = this.entries.get(rel);
      const stamp = this.stamp(rel);
      const unchanged = stamp !== null && written !== null && stamp.key === written.key;
      if (this.disposed || !cached || cached.texts.sourceSha256 !== saved.sourceSha256 || !unchanged) return this.pass([rel], false);
      const texts: PageTexts = {
        ...cached.texts,
        version: `${saved.sourceSha256}:${saved.sidecarHash}`,
        sidecarHash: saved.sidecarHash,
        corrected: saved.text,
        spans: saved.spans,
        blocked: null,
      };
      this.entries.set(rel, { key: stamp.key, texts });
      return undefined;
    });
  }

  /// Lets the texts go and stops a pass under way at its next slice (another corpus was opened).
  dispose(): void {
    this.disposed = true;
    this.entries.clear();
  }

  /// Resolves when the passes queued so far (a background fill, refreshes) have ended.
  async idle(): Promise<void> {
    await this.running;
  }

  /// Number of pages held (for tests and benchmarks).
  get size(): number {
    return this.entries.size;
  }

  private queue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async pass(pages: readonly string[], dropOthers: boolean): Promise<CorpusTexts> {
    const result: CorpusTexts = { pages: [], unreadable: [], loaded: 0, reused: 0 };
    let sliceStart = performance.now();
    for (const rel of pages) {
      if (this.disposed) break;
      const stamp = this.stamp(rel);
      const cached = this.entries.get(rel);
      if (stamp !== null && cached?.key === stamp.key) {
        result.pages.push(cached.texts);
        result.reused++;
      } else {
        const page = readPageOnDiskSync(this.realRoot, rel, { sidecarMissing: stamp?.sidecarMissing ?? false });
        result.loaded++;
        if ('message' in page) {
          this.entries.delete(rel);
          result.unreadable.push(page);
        } else {
          if (stamp !== null && !this.disposed) this.entries.set(rel, { key: stamp.key, texts: page.texts });
          result.pages.push(page.texts);
        }
      }
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    if (dropOthers) {
      // Pages no longer in the corpus are dropped, so the cache does not outgrow it.
      const listed = new Set(pages);
      for (const rel of this.entries.keys()) if (!listed.has(rel)) this.entries.delete(rel);
    }
    return result;
  }

  // Size, time and inode of the page file and of its sidecar ("-" when absent), or null when the page cannot be
  // stat'ed (it is then read, and reported if that fails too). Synchronous: no exception for a missing sidecar,
  // and a stat is cheaper than a promise.
  private stamp(rel: string): { key: string; sidecarMissing: boolean } | null {
    try {
      const page = statSync(absoluteIn(this.realRoot, rel));
      const sidecar = statSync(absoluteIn(this.realRoot, sidecarPathOf(rel)), { throwIfNoEntry: false });
      return { key: `${describe(page)}|${sidecar ? describe(sidecar) : '-'}`, sidecarMissing: sidecar === undefined };
    } catch {
      return null;
    }
  }
}

function describe(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}
