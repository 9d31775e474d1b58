/// The context of a rejected suggestion, shared by entity and OCR suggestions (see docs/rejections.md).
///
/// A suggestion's context is the `CONTEXT_POINTS` code points just before its start and just after its end, on the
/// NFC text the suggestion was made on (fewer at the start or end of the text; line breaks count like any other
/// character). Two suggestions of the same kind (entity: text + type; OCR: rule + text + replacement) are "in the
/// same context" when both sides are equal.

import type { CodePointIndex } from '../text/codepoints';

/// Code points of context taken on each side of a suggestion.
export const CONTEXT_POINTS = 2;

/// The context of code points [start, end) of `text`, found through a `CodePointIndex` of it: no copy of the text,
/// so a keystroke's refresh on a long page pays only for the index (about a millisecond per 200,000 characters).
export function contextIn(index: CodePointIndex, start: number, end: number): string {
  const text = index.text;
  const before = text.slice(index.toUtf16(Math.max(0, start - CONTEXT_POINTS)), index.toUtf16(start));
  const after = text.slice(index.toUtf16(end), index.toUtf16(Math.min(index.length, end + CONTEXT_POINTS)));
  return contextKey(before, after);
}

/// What the corpus's sidecars say about one suggestion (one key): how often it was rejected and accepted, and the
/// contexts of its rejections.
export interface RejectionTally {
  /// Rejections anywhere in the corpus (a page-wide entity rejection counts once per page).
  rejected: number;
  /// Acceptances anywhere in the corpus (entity spans of that text and type; corrections with that rule, text
  /// and replacement).
  accepted: number;
  /// The distinct contexts (`contextKey`) of the rejected places.
  contexts: string[];
}

/// Rejections gathered from every sidecar, keyed by suggestion (`entityKey` / `ocrKey`), plain data for IPC.
export type RejectionTallies = Record<string, RejectionTally>;

/// One string for a context: the code points before and after, separated by U+0000 (never in page text).
export function contextKey(before: string, after: string): string {
  return `${before}\u0000${after}`;
}

/// The context of code points [start, end) of `chars` (the text split into code points).
export function contextAt(chars: readonly string[], start: number, end: number): string {
  const before = chars.slice(Math.max(0, start - CONTEXT_POINTS), start).join('');
  const after = chars.slice(end, end + CONTEXT_POINTS).join('');
  return contextKey(before, after);
}

/// The factor a suggestion's confidence is multiplied by when its text was rejected elsewhere in the corpus (other
/// contexts): (accepted + 1) / (accepted + rejected + 1). Never rejected → 1; rejected once, never accepted → 0.5;
/// rejected as often as accepted → a bit over 0.5; accepted far more often → close to 1.
export function lowering(tally: Pick<RejectionTally, 'rejected' | 'accepted'>): number {
  return (tally.accepted + 1) / (tally.accepted + tally.rejected + 1);
}

/// What to do with one suggestion given the tally of its key: drop it (rejected in this very context), or keep it
/// with its confidence multiplied by a factor (1 when its key was never rejected).
export function judge(tally: RejectionTally | undefined, context: () => string): { drop: true } | { drop: false; factor: number } {
  if (!tally || tally.rejected === 0) return { drop: false, factor: 1 };
  if (tally.contexts.length > 0 && contextSet(tally).has(context())) return { drop: true };
  return { drop: false, factor: lowering(tally) };
}

// A tally's contexts as a set, made once per tally: a text rejected page-wide on many pages has thousands.
const contextSets = new WeakMap<RejectionTally, Set<string>>();
function contextSet(tally: RejectionTally): Set<string> {
  let set = contextSets.get(tally);
  if (!set) contextSets.set(tally, (set = new Set(tally.contexts)));
  return set;
}

/// Adds one rejection to a tally map, with the contexts it covers (none for a place that no longer holds the
/// rejected text; several for a page-wide rejection, one per occurrence).
export function addRejection(tallies: TallyBuilder, key: string, contexts: readonly string[]): void {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { rejected: 0, accepted: 0, contexts: new Set() }));
  tally.rejected++;
  for (const context of contexts) tally.contexts.add(context);
}

/// Adds one acceptance to a tally map, only for keys that were rejected somewhere (others are never looked up).
export function addAcceptances(tallies: TallyBuilder, key: string, count: number): void {
  const tally = tallies.get(key);
  if (tally) tally.accepted += count;
}

/// Tallies being gathered (contexts as a set, so gathering stays linear).
export type TallyBuilder = Map<string, { rejected: number; accepted: number; contexts: Set<string> }>;

/// The tallies as a plain object (no prototype, so any text is an ordinary key).
export function talliesRecord(tallies: TallyBuilder): RejectionTallies {
  const record = Object.create(null) as RejectionTallies;
  for (const [key, tally] of tallies) record[key] = { rejected: tally.rejected, accepted: tally.accepted, contexts: [...tally.contexts] };
  return record;
}

/// One rejection of one page: its key and the contexts it covers (see `addRejection`).
export interface PageRejection {
  key: string;
  contexts: string[];
}

/// Tallies the rejections of many pages, then counts acceptances (key, count) for the keys rejected somewhere.
export function tallyRejections(rejections: Iterable<readonly PageRejection[]>, acceptances: Iterable<readonly [string, number]>): RejectionTallies {
  const tallies: TallyBuilder = new Map();
  for (const page of rejections) for (const r of page) addRejection(tallies, r.key, r.contexts);
  if (tallies.size > 0) for (const [key, count] of acceptances) addAcceptances(tallies, key, count);
  return talliesRecord(tallies);
}
