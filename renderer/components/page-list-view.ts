import type { PageEntry } from '../../shared/ipc/contract';
import type { ReviewStatus } from '../../shared/model/sidecar-schema';

/// Which pages the list shows by status: all, one status ('none': no sidecar yet), every page not yet reviewed,
/// or the pages with a note.
export const STATUS_FILTERS = ['all', 'to-review', 'none', 'unreviewed', 'in-progress', 'needs-attention', 'reviewed', 'noted'] as const;
/// One status filter.
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/// How the list is ordered: by path (natural order, the scan's), by status (work to do first), or by the most
/// corrections or entities first.
export const SORT_KEYS = ['path', 'status', 'corrections', 'entities'] as const;
/// One sort key.
export type SortKey = (typeof SORT_KEYS)[number];

/// The page list's filter and order.
export interface ListView {
  status: StatusFilter;
  /// Part of the path to look for (case-insensitive); empty: any.
  name: string;
  sort: SortKey;
}

/// The list as it opens: every page in natural order.
export const DEFAULT_LIST_VIEW: ListView = { status: 'all', name: '', sort: 'path' };

// Work to do first: pages needing attention, then those under way, then untouched ones, reviewed last.
const STATUS_RANK: Record<ReviewStatus | 'none', number> = { 'needs-attention': 0, 'in-progress': 1, unreviewed: 2, none: 3, reviewed: 4 };

/// Whether a page still needs review: any status but 'reviewed' (a page without a sidecar counts too).
export function needsReview(page: PageEntry): boolean {
  return page.status !== 'reviewed';
}

/// The pages `view` shows, in its order. Sorting is stable, so equal pages keep the natural order.
export function applyListView(pages: readonly PageEntry[], view: ListView): PageEntry[] {
  const needle = view.name.trim().toLowerCase();
  const shown = pages.filter((page) => matchesStatus(page, view.status) && (needle === '' || page.path.toLowerCase().includes(needle)));
  const key = sortValue(view.sort);
  if (key === null) return shown;
  return shown
    .map((page, index) => ({ page, index, value: key(page) }))
    .sort((a, b) => a.value - b.value || a.index - b.index)
    .map((item) => item.page);
}

/// The page after (delta 1) or before (delta -1) `from` in `pages` that still needs review, or null when there is
/// none that way. From a page not in `pages` (or none), the first (or last) such page.
export function stepToReview(pages: readonly PageEntry[], from: string | null, delta: 1 | -1): PageEntry | null {
  const at = from === null ? -1 : pages.findIndex((page) => page.path === from);
  let index = at < 0 ? (delta > 0 ? 0 : pages.length - 1) : at + delta;
  for (; index >= 0 && index < pages.length; index += delta) {
    if (needsReview(pages[index]!)) return pages[index]!;
  }
  return null;
}

function matchesStatus(page: PageEntry, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all': return true;
    case 'to-review': return needsReview(page);
    case 'none': return page.status === null;
    case 'noted': return (page.stats?.note ?? null) !== null;
    default: return page.status === filter;
  }
}

// A number to sort by, ascending (counts are negated: most first); null keeps the natural order.
function sortValue(sort: SortKey): ((page: PageEntry) => number) | null {
  switch (sort) {
    case 'path': return null;
    case 'status': return (page) => STATUS_RANK[page.status ?? 'none'];
    case 'corrections': return (page) => -((page.stats?.hand ?? 0) + (page.stats?.rule ?? 0));
    case 'entities': return (page) => -Object.values(page.stats?.entities ?? {}).reduce((sum, count) => sum + count, 0);
  }
}
