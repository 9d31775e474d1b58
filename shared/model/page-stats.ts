import { z } from 'zod';
import { MAX_NOTE_LENGTH } from './sidecar-schema';

/// How many of a page's most frequent entity strings its statistics keep.
export const TOP_ENTITIES_PER_PAGE = 20;

/// How many of the corpus's most frequent entity strings the dashboard shows (corpus.topEntities).
export const TOP_CORPUS_ENTITIES = 20;

/// One frequent entity string of a page: its text, type and how many spans of that text and type the page has.
export interface TopEntity {
  text: string;
  type: string;
  count: number;
}

/// What was still waiting for the editor on a page when the app last saved it (issue 16): counted by the editor at
/// the save, since none of it is in the sidecar (the confidences are in the layout file, the suggestions are
/// computed when the page is open).
export interface PendingCounts {
  /// Characters below the confidence threshold in use at the save, neither corrected since the OCR nor covered by a
  /// rejected low-confidence suggestion ("this is right").
  lowConfidence: number;
  /// OCR-correction suggestions listed in the review panel, neither accepted nor rejected.
  ocrSuggestions: number;
  /// Entity suggestions shown on the page, neither accepted nor rejected.
  entitySuggestions: number;
}

/// The stored and sent form of PendingCounts.
export const pendingCountsSchema = z.strictObject({
  lowConfidence: z.number().int().nonnegative().max(100_000_000),
  ocrSuggestions: z.number().int().nonnegative().max(100_000_000),
  entitySuggestions: z.number().int().nonnegative().max(100_000_000),
});

/// What the corpus index keeps about a page's saved work, for the page list and the dashboard (issue 16).
///
/// Read from the sidecar when the index reads it (the scan, a save, a change outside the app); never from the
/// page file, so it costs nothing beyond the sidecar read the index already does.
export interface PageStats {
  /// Corrections typed by hand (no rule).
  hand: number;
  /// Corrections made by accepting an OCR-assistant rule's suggestion.
  rule: number;
  /// Entity spans by type.
  entities: Record<string, number>;
  /// The page's most frequent entity strings, most frequent first, at most TOP_ENTITIES_PER_PAGE.
  top: TopEntity[];
  /// The page note ("why it needs attention"), or null.
  note: string | null;
  /// What was still waiting when the app last saved the page; null when not yet counted: never saved by this
  /// build, or its sidecar was last written by something else (a batch replace, a propagation, another program).
  pending: PendingCounts | null;
}

/// The statistics the page list carries to the renderer: all but the top entities, which stay in the main process
/// (summed there for the dashboard by sumTopEntities) since they made the list about six times heavier over IPC.
export type PageListStats = Omit<PageStats, 'top'>;

/// The list form of a page's statistics (PageStats without the top entities).
export function listStats(stats: PageStats): PageListStats {
  const { top: _top, ...rest } = stats;
  return rest;
}

/// Statistics of a page whose sidecar has nothing in it.
export const EMPTY_PAGE_STATS: PageStats = { hand: 0, rule: 0, entities: {}, top: [], note: null, pending: null };

/// The stored form of PageStats (the corpus index file): a field that is missing or damaged falls back to empty,
/// so an index written by an older build (no statistics) still reads, and the stats are read again from the
/// sidecar on its next change.
export const pageStatsSchema = z.object({
  hand: z.number().int().nonnegative().catch(0),
  rule: z.number().int().nonnegative().catch(0),
  entities: z.record(z.string(), z.number().int().nonnegative()).catch({}),
  top: z
    .array(z.object({ text: z.string(), type: z.string(), count: z.number().int().positive() }))
    .max(TOP_ENTITIES_PER_PAGE)
    .catch([]),
  note: z.string().max(MAX_NOTE_LENGTH).nullable().catch(null),
  // Entries written before the pending counts existed, or with damaged ones: not yet counted.
  pending: pendingCountsSchema.nullable().catch(null),
});

/// Statistics of a parsed sidecar (or of any JSON value shaped like one): corrections with and without a rule,
/// entity spans by type, the most frequent entity strings, and the note. Lenient on purpose: the scan does not
/// validate whole sidecars (the page's opening does), so malformed items are skipped rather than failing the page.
/// The pending counts are not in a sidecar: they are null here (see PageStats.pending).
export function pageStatsOf(data: unknown): PageStats {
  if (typeof data !== 'object' || data === null) return { ...EMPTY_PAGE_STATS, entities: {}, top: [] };
  const record = data as { corrections?: unknown; entities?: unknown; note?: unknown };
  let hand = 0;
  let rule = 0;
  for (const correction of arrayOf(record.corrections)) {
    if (typeof correction !== 'object' || correction === null) continue;
    if (typeof (correction as { rule?: unknown }).rule === 'string') rule++;
    else hand++;
  }
  const entities: Record<string, number> = {};
  const byText = new Map<string, TopEntity>();
  for (const span of arrayOf(record.entities)) {
    const { type, text } = (span ?? {}) as { type?: unknown; text?: unknown };
    if (typeof type !== 'string' || typeof text !== 'string') continue;
    entities[type] = (entities[type] ?? 0) + 1;
    // The NUL cannot occur in a type or text worth counting apart, so it separates them without collisions.
    const key = `${type}\u0000${text}`;
    const known = byText.get(key);
    if (known) known.count++;
    else byText.set(key, { text, type, count: 1 });
  }
  const note = typeof record.note === 'string' && record.note.trim() !== '' ? record.note.slice(0, MAX_NOTE_LENGTH) : null;
  return { hand, rule, entities, top: topEntities([...byText.values()], TOP_ENTITIES_PER_PAGE), note, pending: null };
}

/// The `limit` most frequent entity strings over pages, summed from each page's top list (so a string rare on
/// every page may be missing or undercounted: the index keeps each page's TOP_ENTITIES_PER_PAGE). Linear in the
/// entries; the main process runs it so the page list need not carry the top lists (issue 16).
export function sumTopEntities(tops: Iterable<readonly TopEntity[]>, limit: number): TopEntity[] {
  const sums = new Map<string, TopEntity>();
  for (const top of tops) {
    for (const entity of top) {
      const key = `${entity.type}\u0000${entity.text}`;
      const known = sums.get(key);
      if (known) known.count += entity.count;
      else sums.set(key, { ...entity });
    }
  }
  return topEntities([...sums.values()], limit);
}

/// The `limit` most frequent entities, most frequent first; ties by text then type, so the order is stable.
export function topEntities(entities: readonly TopEntity[], limit: number): TopEntity[] {
  return [...entities].sort((a, b) => b.count - a.count || compareText(a.text, b.text) || compareText(a.type, b.type)).slice(0, limit);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
