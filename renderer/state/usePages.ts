import { useEffect, useState } from 'react';
import type { CorpusInfo, PageEntry } from '../../shared/ipc/contract';
import type { ReviewStatus } from '../../shared/model/sidecar-schema';
import type { JiaoduiApi } from '../../shared/ipc/api';

/// The open corpus and its pages as the scan reports them, batch by batch.
export interface PagesState {
  corpus: CorpusInfo | null;
  pages: PageEntry[];
  scanning: boolean;
  generation: number;
}

/// Follows corpus.scanProgress events: a new generation starts a new list; batches are appended as they come.
export function usePages(api: JiaoduiApi, initialCorpus: CorpusInfo | null) {
  const [state, setState] = useState<PagesState>({ corpus: initialCorpus, pages: [], scanning: initialCorpus !== null, generation: -1 });

  useEffect(
    () =>
      api.on('corpus.scanProgress', (event) => {
        setState((previous) => {
          // Generations only grow: an event of an older scan that arrives late must not replace the newer list.
          if (event.generation < previous.generation) return previous;
          const fresh = event.generation !== previous.generation;
          const pages = fresh ? [...event.pages] : previous.pages.concat(event.pages);
          // The final list is sorted by path so the order does not depend on the walk.
          if (event.done) pages.sort((a, b) => comparePaths(a.path, b.path));
          return { corpus: event.corpus, pages, scanning: !event.done, generation: event.generation };
        });
      }),
    [api],
  );

  // Sidecars the main process wrote (batch replace, corpus propagation, their undo): the status dots follow.
  useEffect(
    () =>
      api.on('corpus.pageStatus', (event) => {
        const statuses = new Map(event.pages.map((page) => [page.path, page.status]));
        setState((previous) => ({
          ...previous,
          pages: previous.pages.map((p) => {
            const status = statuses.get(p.path);
            return status === undefined || status === p.status ? p : { ...p, status };
          }),
        }));
      }),
    [api],
  );

  /// Updates one page's review status in the list after a save.
  const setPageStatus = (path: string, status: ReviewStatus) =>
    setState((previous) => ({
      ...previous,
      pages: previous.pages.map((p) => (p.path === path ? { ...p, status } : p)),
    }));

  return { ...state, setPageStatus };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/// Natural order of relative paths (page-2 before page-10).
export function comparePaths(a: string, b: string): number {
  return collator.compare(a, b);
}
