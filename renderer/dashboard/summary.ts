import type { PageEntry } from '../../shared/ipc/contract';
import { topEntities, type TopEntity } from '../../shared/model/page-stats';
import { REVIEW_STATUSES, type ReviewStatus } from '../../shared/model/sidecar-schema';

/// A page's review status as the dashboard counts it: 'none' for a page without a sidecar.
export type StatusKey = ReviewStatus | 'none';

/// The status keys in the order the dashboard shows them.
export const STATUS_KEYS: readonly StatusKey[] = ['none', ...REVIEW_STATUSES];

/// How many pages the corrections chart shows (the most corrected ones), and how many entities the top list.
export const TOP_PAGES = 20;
export const TOP_CORPUS_ENTITIES = 20;

/// One page's corrections, by hand and by rule.
export interface PageCorrections {
  path: string;
  hand: number;
  rule: number;
}

/// Everything the dashboard shows, computed from the page list (the corpus index), never from the sidecars.
export interface CorpusSummary {
  pages: number;
  byStatus: Record<StatusKey, number>;
  /// Pages whose status is 'reviewed'.
  reviewed: number;
  /// All corrections in the corpus, by hand and by rule.
  hand: number;
  rule: number;
  /// The TOP_PAGES most corrected pages, most first (ties: list order).
  mostCorrected: PageCorrections[];
  /// Entity spans by type over the corpus, types sorted by count, most first.
  entitiesByType: { type: string; count: number }[];
  /// The most frequent entity strings of the corpus (summed from each page's top list, so a string that is
  /// rare on every page may be missing: the index keeps only each page's top TOP_ENTITIES_PER_PAGE).
  topEntities: TopEntity[];
  /// Pages with a note, in list order.
  notes: { path: string; note: string; status: StatusKey }[];
}

/// Sums up the pages of the list for the dashboard: linear in the pages and their top entities (10,000 pages in
/// a few milliseconds; see tests/bench/dashboard-bench.ts).
export function summarizeCorpus(pages: readonly PageEntry[]): CorpusSummary {
  const byStatus = Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;
  const types = new Map<string, number>();
  const entities = new Map<string, TopEntity>();
  const corrected: PageCorrections[] = [];
  const notes: CorpusSummary['notes'] = [];
  let hand = 0;
  let rule = 0;
  for (const page of pages) {
    const status: StatusKey = page.status ?? 'none';
    byStatus[status]++;
    const stats = page.stats;
    if (!stats) continue;
    hand += stats.hand;
    rule += stats.rule;
    if (stats.hand + stats.rule > 0) corrected.push({ path: page.path, hand: stats.hand, rule: stats.rule });
    for (const [type, count] of Object.entries(stats.entities)) types.set(type, (types.get(type) ?? 0) + count);
    for (const entity of stats.top) {
      const key = `${entity.type}\u0000${entity.text}`;
      const known = entities.get(key);
      if (known) known.count += entity.count;
      else entities.set(key, { ...entity });
    }
    if (stats.note !== null) notes.push({ path: page.path, note: stats.note, status });
  }
  return {
    pages: pages.length,
    byStatus,
    reviewed: byStatus.reviewed,
    hand,
    rule,
    mostCorrected: mostCorrected(corrected, TOP_PAGES),
    entitiesByType: [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1)),
    topEntities: topEntities([...entities.values()], TOP_CORPUS_ENTITIES),
    notes,
  };
}

// The `limit` most corrected pages without sorting them all (a stable sort of the few kept).
function mostCorrected(pages: readonly PageCorrections[], limit: number): PageCorrections[] {
  const total = (page: PageCorrections) => page.hand + page.rule;
  const kept: PageCorrections[] = [];
  for (const page of pages) {
    if (kept.length === limit && total(page) <= total(kept[kept.length - 1]!)) continue;
    let at = kept.length;
    while (at > 0 && total(kept[at - 1]!) < total(page)) at--;
    kept.splice(at, 0, page);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
