import type { BatchHit, BatchQuery, BatchReplaceRequest, BatchSearchOutcome } from '../../shared/ipc/contract';

/// True when a hit's page may be changed by a replacement (its saved corrections are usable).
export function isReplaceable(outcome: BatchSearchOutcome, hit: BatchHit): boolean {
  return outcome.pages[hit.page]?.blocked === null;
}

/// How many hits a replacement would change: the ticked ones on pages that may be changed.
///
/// `unticked` holds the indexes (into `outcome.hits`) the user unticked; every other hit is ticked.
export function tickedCount(outcome: BatchSearchOutcome, unticked: ReadonlySet<number>): number {
  let count = 0;
  outcome.hits.forEach((hit, i) => {
    if (!unticked.has(i) && isReplaceable(outcome, hit)) count++;
  });
  return count;
}

/// The batch.replace request for the ticked hits of a search, grouped by page with each page's version, or null
/// when nothing is ticked.
export function replaceRequestFor(query: BatchQuery, outcome: BatchSearchOutcome, unticked: ReadonlySet<number>): BatchReplaceRequest | null {
  const byPage = new Map<string, { start: number; end: number }[]>();
  outcome.hits.forEach((hit, i) => {
    if (unticked.has(i) || !isReplaceable(outcome, hit)) return;
    let list = byPage.get(hit.page);
    if (!list) byPage.set(hit.page, (list = []));
    list.push({ start: hit.start, end: hit.end });
  });
  if (byPage.size === 0) return null;
  return {
    query,
    pages: [...byPage].map(([path, hits]) => ({ path, version: outcome.pages[path]!.version, hits })),
  };
}

/// Line breaks in a concordance context, shown as a visible mark so one hit stays on one row.
export function showBreaks(text: string): string {
  return text.replace(/\n/g, '⏎');
}
