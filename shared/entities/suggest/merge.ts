import type { EntitySuggestion, Rejection } from './types';
import { upperBound } from '../../sorted-search';

/// What `mergeSuggestions` needs besides the suggestions themselves.
export interface MergeContext {
  /// Spans already tagged on the page; a suggestion with the same extent is not shown again.
  existing?: readonly { start: number; end: number }[];
  /// Suggestions the editor rejected (one place, or a text and type everywhere).
  rejected?: readonly Rejection[];
}

/// Combines suggestions from all sources into one non-overlapping list, ordered by position.
///
/// Drops suggestions that are already tagged or were rejected, then keeps strong suggestions (confidence ≥ 0.5)
/// before weak ones, and within each group longer before shorter and more confident before less; a suggestion
/// overlapping one already kept is dropped. So a rule's 朔城区市场监督管理局 wins over the 朔城区 inside it,
/// and a segmenter guess never displaces a rule or a known string.
export function mergeSuggestions(suggestions: readonly EntitySuggestion[], context: MergeContext = {}): EntitySuggestion[] {
  const candidates = withoutTaggedOrRejected(suggestions, context);
  candidates.sort(
    (a, b) =>
      Number(b.confidence >= 0.5) - Number(a.confidence >= 0.5) ||
      b.end - b.start - (a.end - a.start) ||
      b.confidence - a.confidence ||
      a.start - b.start,
  );
  const kept: EntitySuggestion[] = [];
  const occupied = new IntervalSet();
  for (const s of candidates) {
    if (occupied.overlaps(s.start, s.end)) continue;
    occupied.add(s.start, s.end);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/// The suggestions that are not empty, not already tagged with the same extent, and not rejected.
export function withoutTaggedOrRejected(
  suggestions: readonly EntitySuggestion[],
  context: MergeContext = {},
): EntitySuggestion[] {
  // Numeric keys: this runs on every keystroke over thousands of suggestions, and strings would churn memory.
  const tagged = new Set((context.existing ?? []).map((s) => extentKey(s.start, s.end)));
  const rejectedAt = new Set<string>();
  const rejectedEverywhere = new Set<string>();
  for (const r of context.rejected ?? []) {
    if (r.start !== undefined && r.end !== undefined) rejectedAt.add(`${r.start}:${r.end}:${r.type}:${r.text}`);
    else rejectedEverywhere.add(`${r.type}:${r.text}`);
  }
  const anyRejected = rejectedAt.size > 0 || rejectedEverywhere.size > 0;
  return suggestions.filter(
    (s) =>
      s.end > s.start &&
      !tagged.has(extentKey(s.start, s.end)) &&
      !(
        anyRejected &&
        (rejectedAt.has(`${s.start}:${s.end}:${s.type}:${s.text}`) || rejectedEverywhere.has(`${s.type}:${s.text}`))
      ),
  );
}

function extentKey(start: number, end: number): number {
  return start * 0x4000000 + end;
}

/// Disjoint half-open intervals kept sorted, with O(log n) overlap checks.
class IntervalSet {
  private starts: number[] = [];
  private ends: number[] = [];

  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && this.starts[i]! < end;
  }

  add(start: number, end: number): void {
    const i = this.firstEndingAfter(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }

  /// Index of the first interval whose end is after `pos`.
  private firstEndingAfter(pos: number): number {
    return upperBound(this.ends, pos);
  }
}
