import { CorrectionMap } from './corrections';
import type { Correction } from './sidecar-schema';

/// A stretch of the corrected text (code points [start, end)) that an accepted OCR suggestion of `rule` changed.
///
/// Empty (`start === end`) where the suggestion deleted text.
export interface AcceptedRange {
  start: number;
  end: number;
  rule: string;
}

/// Names on each correction the rule whose accepted change it contains, and on no other.
///
/// A correction is labelled when its stretch of the corrected text overlaps an accepted range; an empty stretch (a
/// deletion) or an empty range counts when they touch. When several rules overlap one correction, the range that
/// starts first names it. Any `rule` the corrections already carry is replaced: the ranges are the only source.
/// Linear in both lists after sorting the ranges; `corrections` must be sorted and non-overlapping.
export function labelCorrectionsWithRules(corrections: readonly Correction[], accepted: readonly AcceptedRange[]): Correction[] {
  const ranges = [...accepted].sort((a, b) => a.start - b.start || a.end - b.end);
  const open: AcceptedRange[] = [];
  let next = 0;
  return new CorrectionMap(corrections).correctedRanges().map(({ start, end, correction }) => {
    while (next < ranges.length && ranges[next]!.start <= end) open.push(ranges[next++]!);
    // Corrections come in order, so a range ending before this one's start cannot reach a later one either.
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.end < start) open.splice(i, 1);
    const label = open.find((range) => overlaps(start, end, range))?.rule;
    const plain: Correction = { start: correction.start, end: correction.end, original: correction.original, corrected: correction.corrected };
    return label === undefined ? plain : { ...plain, rule: label };
  });
}

function overlaps(start: number, end: number, range: AcceptedRange): boolean {
  if (start < range.end && range.start < end) return true;
  // Nothing on one side to overlap with: a deletion point inside or at the edge of the other counts.
  return (start === end || range.start === range.end) && start <= range.end && range.start <= end;
}

/// Copies the rule of each proposed correction onto the equal correction (same place, same texts) of `computed`.
///
/// For a correction list computed afresh (a whole-page diff), so rules survive where the change did.
export function carryRules(computed: readonly Correction[], proposed: readonly Correction[]): Correction[] {
  const rules = new Map<string, string>();
  for (const c of proposed) if (c.rule !== undefined) rules.set(correctionKey(c), c.rule);
  if (rules.size === 0) return [...computed];
  return computed.map((c) => {
    const rule = rules.get(correctionKey(c));
    return rule === undefined ? c : { ...c, rule };
  });
}

function correctionKey(c: Correction): string {
  return `${c.start}\u0000${c.end}\u0000${c.original}\u0000${c.corrected}`;
}
