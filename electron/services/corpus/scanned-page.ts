import type { PageEntry } from '../../../shared/ipc/contract';
import { listStats, sumTopEntities, type PageStats, type TopEntity } from '../../../shared/model/page-stats';

/// A page as the main process keeps it: the page list entry with the sidecar's full statistics, top entities
/// included. Only `listEntry` of it crosses IPC: the top entities stay here and are summed by `corpusTopEntities`.
export interface ScannedPage extends Omit<PageEntry, 'stats'> {
  stats?: PageStats;
}

/// The page list entry of a scanned page, for the renderer: its statistics without the top entities.
export function listEntry(page: ScannedPage): PageEntry {
  if (page.stats === undefined) return page as PageEntry;
  return { ...page, stats: listStats(page.stats) };
}

/// listEntry of each page.
export function listEntries(pages: Iterable<ScannedPage>): PageEntry[] {
  const out: PageEntry[] = [];
  for (const page of pages) out.push(listEntry(page));
  return out;
}

/// The `limit` most frequent entity strings of the scanned pages (see sumTopEntities).
export function corpusTopEntities(pages: Iterable<ScannedPage>, limit: number): TopEntity[] {
  const tops: (readonly TopEntity[])[] = [];
  for (const page of pages) if (page.stats && page.stats.top.length > 0) tops.push(page.stats.top);
  return sumTopEntities(tops, limit);
}
