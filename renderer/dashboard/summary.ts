import type { PageEntry } from '../../shared/ipc/contract';
import type { PendingCounts } from '../../shared/model/page-stats';
import { REVIEW_STATUSES, type ReviewStatus } from '../../shared/model/sidecar-schema';

/// A page's review status as the dashboard counts it: 'none' for a page without a sidecar.
export type StatusKey = ReviewStatus | 'none';

/// The status keys in the order the dashboard shows them.
export const STATUS_KEYS: readonly StatusKey[] = ['none', ...REVIEW_STATUSES];

/// How many pages the corrections chart shows (the most corrected ones).
export const TOP_PAGES = 20;

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
  /// Pages with a note, in list order.
  notes: { path: string; note: string; status: StatusKey }[];
  /// What was still waiting when the pages were last saved in the app, summed over the pages not marked reviewed
  /// that were counted (PageStats.pending); low-confidence characters of a page marked reviewed count as reviewed.
  pending: PendingCounts;
  /// Pages not marked reviewed whose pending counts are known, and those not yet counted (never saved by this
  /// build, or last written by a batch replace, a propagation or another program), in list order.
  counted: number;
  notCounted: string[];
}

/// Sums up the pages of the list for the dashboard: linear in the pages (10,000 pages in a few milliseconds; see
/// tests/bench/dashboard-bench.ts). The most frequent entities are summed in the main process (corpus.topEntities).
export function summarizeCorpus(pages: readonly PageEntry[]): CorpusSummary {
  const byStatus = Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;
  const types = new Map<string, number>();
  const pending: PendingCounts = { lowConfidence: 0, ocrSuggestions: 0, entitySuggestions: 0 };
  const notCounted: string[] = [];
  let counted = 0;
  const corrected: PageCorrections[] = [];
  const notes: CorpusSummary['notes'] = [];
  let hand = 0;
  let rule = 0;
  for (const page of pages) {
    const status: StatusKey = page.status ?? 'none';
    byStatus[status]++;
    const stats = page.stats;
    if (status !== 'reviewed') {
      const waiting = stats?.pending ?? null;
      if (waiting === null) notCounted.push(page.path);
      else {
        counted++;
        pending.lowConfidence += waiting.lowConfidence;
        pending.ocrSuggestions += waiting.ocrSuggestions;
        pending.entitySuggestions += waiting.entitySuggestions;
      }
    }
    if (!stats) continue;
    hand += stats.hand;
    rule += stats.rule;
    if (stats.hand + stats.rule > 0) corrected.push({ path: page.path, hand: stats.hand, rule: stats.rule });
    for (const [type, count] of Object.entries(stats.entities)) types.set(type, (types.get(type) ?? 0) + count);
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
    notes,
    pending,
    counted,
    notCounted,
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
