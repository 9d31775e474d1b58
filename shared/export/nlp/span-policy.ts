/// Which entity spans a flat, one-label-per-character format (CoNLL) keeps when spans nest or overlap.
import type { EntitySpan } from '../../model/sidecar-schema';
import type { ExportOptions } from '../types';

/// The spans kept (no two overlap, sorted by start) and the spans left out.
export interface FlatSpans {
  kept: EntitySpan[];
  dropped: EntitySpan[];
}

/// Chooses non-overlapping spans. `outermost`: the longest span wins (an enclosing span over the names inside it),
/// then the earlier one. `innermost`: the shortest span wins (the names inside over the span around them), then the
/// earlier one. A span that overlaps a kept span without nesting is dropped whole, never cut into a partial name.
export function flattenSpans(spans: readonly EntitySpan[], policy: ExportOptions['nestedSpans']): FlatSpans {
  const order = [...spans].sort((a, b) => {
    const byLength = policy === 'outermost' ? b.end - b.start - (a.end - a.start) : a.end - a.start - (b.end - b.start);
    return byLength || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const kept: EntitySpan[] = [];
  const dropped: EntitySpan[] = [];
  for (const span of order) {
    if (span.end <= span.start) {
      dropped.push(span);
      continue;
    }
    const clash = kept.some((other) => span.start < other.end && other.start < span.end);
    (clash ? dropped : kept).push(span);
  }
  kept.sort((a, b) => a.start - b.start);
  return { kept, dropped };
}
