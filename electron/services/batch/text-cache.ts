import { statSync, type Stats } from 'node:fs';
import { sidecarPathOf } from '../page-files';
import { absoluteIn, readPageOnDiskSync, type PageTexts } from './page-on-disk';

/// What one pass over the corpus found, and how much of it came from the cache.
export interface CorpusTexts {
  pages: PageTexts[];
  unreadable: { path: string; message: string }[];
  loaded: number;
  reused: number;
}

// Pages read between two yields to the event loop, so the main process keeps answering during a cold load.
const LOAD_BATCH = 50;

/// The page texts of one corpus, kept in memory and checked against the files' size, time and inode.
///
/// A search stats every page file and sidecar (about 80 ms for 10,000 pages on the reference machine) and
/// reads again only the pages whose files changed, so a saved page, a batch replacement or a file changed by
/// another program is always searched as it is on disk.
export class CorpusTextCache {
  private readonly entries = new Map<string, { key: string; texts: PageTexts }>();
  // Passes run one after another: a search that starts while the cache is being filled in the background waits
  // for the fill and then finds the pages already loaded, instead of reading them a second time.
  private running: Promise<unknown> = Promise.resolve();

  /// `realRoot` is the corpus root after realpath.
  constructor(readonly realRoot: string) {}

  /// The texts of `pages` (relative paths), read from disk where the cache is stale.
  texts(pages: readonly string[]): Promise<CorpusTexts> {
    const pass = this.running.then(() => this.pass(pages));
    this.running = pass.catch(() => undefined);
    return pass;
  }

  private async pass(pages: readonly string[]): Promise<CorpusTexts> {
    const result: CorpusTexts = { pages: [], unreadable: [], loaded: 0, reused: 0 };
    let sinceYield = 0;
    const seen = new Set<string>();
    for (const rel of pages) {
      seen.add(rel);
      const key = this.statKey(rel);
      const cached = this.entries.get(rel);
      if (key !== null && cached?.key === key) {
        result.pages.push(cached.texts);
        result.reused++;
        continue;
      }
      const loaded = this.load(rel);
      result.loaded++;
      if ('message' in loaded) {
        this.entries.delete(rel);
        result.unreadable.push({ path: rel, message: loaded.message });
      } else {
        if (key !== null) this.entries.set(rel, { key, texts: loaded });
        result.pages.push(loaded);
      }
      if (++sinceYield >= LOAD_BATCH) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // Pages no longer in the corpus are dropped, so the cache does not outgrow it.
    for (const rel of this.entries.keys()) if (!seen.has(rel)) this.entries.delete(rel);
    return result;
  }

  /// Number of pages held (for tests and benchmarks).
  get size(): number {
    return this.entries.size;
  }

  private abs(rel: string): string {
    return absoluteIn(this.realRoot, rel);
  }

  // Size, time and inode of the page file and of its sidecar ("-" when absent), or null when the page cannot be
  // stat'ed (it is then read, and reported if that fails too).
  private statKey(rel: string): string | null {
    try {
      const page = statSync(this.abs(rel));
      const sidecar = statSync(this.abs(sidecarPathOf(rel)), { throwIfNoEntry: false });
      return `${describe(page)}|${sidecar ? describe(sidecar) : '-'}`;
    } catch {
      return null;
    }
  }

  private load(rel: string): PageTexts | { message: string } {
    const page = readPageOnDiskSync(this.realRoot, rel);
    return 'message' in page ? page : page.texts;
  }
}

function describe(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}
