import { useEffect, useState } from 'react';
import type { CorpusInfo, EventPayloads, LastPage, PageEntry } from '../../shared/ipc/contract';
import type { ReviewStatus } from '../../shared/model/sidecar-schema';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { PageListStats } from '../../shared/model/page-stats';

/// The open corpus and its pages as the scan reports them, batch by batch.
export interface PagesState {
  corpus: CorpusInfo | null;
  pages: PageEntry[];
  scanning: boolean;
  generation: number;
  /// The page open last in this corpus (from the start-up snapshot), to reopen after a reload; null once used.
  lastPage: LastPage | null;
}

type ScanEvent = EventPayloads['corpus.scanProgress'];

/// Asks the main process for the scan so far (a reload or a second window missed the earlier events), then
/// follows corpus.scanProgress events: a newer generation starts a new list; batches of the same generation are
/// merged by path, so a batch both in the snapshot and sent as an event is counted once.
export function usePages(api: JiaoduiApi, initialCorpus: CorpusInfo | null) {
  const [state, setState] = useState<PagesState>({ corpus: initialCorpus, pages: [], scanning: initialCorpus !== null, generation: -1, lastPage: null });

  useEffect(() => {
    // Subscribe first, so no event falls between the snapshot and the subscription.
    const stop = api.on('corpus.scanProgress', (event) => setState((previous) => applyScanEvent(previous, event)));
    let live = true;
    void api.corpusPages().then((result) => {
      if (!live || !result.ok) return;
      const snapshot = result.value;
      setState((previous) => {
        if (snapshot.corpus === null || snapshot.generation < previous.generation) return previous;
        const merged = applyScanEvent(previous, { generation: snapshot.generation, pages: snapshot.pages, scanned: snapshot.pages.length, done: snapshot.done, corpus: snapshot.corpus });
        return { ...merged, lastPage: snapshot.lastPage };
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  // Sidecars the main process wrote (batch replace, corpus propagation, their undo): the status dots follow.
  useEffect(
    () =>
      api.on('corpus.pageStatus', (event) => {
        const changed = new Map(event.pages.map((page) => [page.path, page]));
        setState((previous) => ({
          ...previous,
          pages: previous.pages.map((p) => {
            const update = changed.get(p.path);
            if (update === undefined) return p;
            // The statistics (list columns, dashboard) follow the sidecar too; an event without them keeps them.
            return { ...p, status: update.status, ...(update.stats !== undefined && { stats: update.stats }) };
          }),
        }));
      }),
    [api],
  );

  /// Updates one page's review status (and, when given, its statistics) in the list after a save.
  const setPageStatus = (path: string, status: ReviewStatus, stats?: PageListStats) =>
    setState((previous) => ({
      ...previous,
      pages: previous.pages.map((p) => (p.path === path ? { ...p, status, ...(stats !== undefined && { stats }) } : p)),
    }));
  /// The last page was reopened (or another page opened first): forget it.
  const clearLastPage = () => setState((previous) => (previous.lastPage === null ? previous : { ...previous, lastPage: null }));

  return { ...state, setPageStatus, clearLastPage };
}

/// One scan event applied to the page list state. Exported for tests.
export function applyScanEvent(previous: PagesState, event: ScanEvent): PagesState {
  // Generations only grow: an event of an older scan that arrives late must not replace the newer list.
  if (event.generation < previous.generation) return previous;
  const fresh = event.generation !== previous.generation;
  let pages: PageEntry[];
  if (fresh) pages = dedupe(event.pages);
  else {
    const known = new Set(previous.pages.map((p) => p.path));
    pages = previous.pages.concat(event.pages.filter((p) => !known.has(p.path)));
  }
  // The final list is sorted by path so the order does not depend on the walk.
  const done = event.done || (!fresh && !previous.scanning);
  if (done) pages.sort((a, b) => comparePaths(a.path, b.path));
  return { ...previous, corpus: event.corpus, pages, scanning: !done, generation: event.generation };
}

function dedupe(pages: readonly PageEntry[]): PageEntry[] {
  const seen = new Set<string>();
  return pages.filter((p) => !seen.has(p.path) && seen.add(p.path));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/// Natural order of relative paths (page-2 before page-10).
export function comparePaths(a: string, b: string): number {
  return collator.compare(a, b);
}
