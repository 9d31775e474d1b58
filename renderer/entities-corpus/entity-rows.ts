import type { CorpusEntityEntry } from '../../shared/ipc/contract';
import type { Tagset } from '../../shared/entities/tagset';

/// One row of the corpus entity list: an entity, or (when its entity is expanded) one page it is tagged on.
export type EntityRow =
  | { kind: 'entity'; entry: CorpusEntityEntry; expanded: boolean }
  | { kind: 'page'; entry: CorpusEntityEntry; path: string; start: number; count: number };

/// The entries whose text contains `filter`, or one of whose types has `filter` as id or label (case-insensitive).
export function filterEntries(entries: readonly CorpusEntityEntry[], filter: string, tagset: Tagset): CorpusEntityEntry[] {
  const needle = filter.trim().normalize('NFC').toLowerCase();
  if (needle === '') return [...entries];
  const labels = new Map(tagset.types.map((t) => [t.id, t.label.toLowerCase()]));
  return entries.filter(
    (e) =>
      e.text.toLowerCase().includes(needle) ||
      e.types.some(({ type }) => type.toLowerCase() === needle || labels.get(type) === needle),
  );
}

/// Flattens entries into list rows, each expanded entry followed by its pages (opened at the first place there).
export function entityRows(entries: readonly CorpusEntityEntry[], expanded: ReadonlySet<string>): EntityRow[] {
  const rows: EntityRow[] = [];
  for (const entry of entries) {
    const open = expanded.has(entry.text);
    rows.push({ kind: 'entity', entry, expanded: open });
    if (!open) continue;
    for (const page of entry.pages) rows.push({ kind: 'page', entry, path: page.path, start: page.start, count: page.count });
  }
  return rows;
}
