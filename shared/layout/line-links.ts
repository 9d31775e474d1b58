/// Links each line of a corrected text back to the layout lines it came from, so line ↔ region links survive edits.
///
/// Editors join wrapped lines, split them, and correct characters; the scan region of a corrected line is then the
/// union of the regions of the original lines its characters came from. Unchanged characters come from exactly one
/// place; characters a correction wrote come from the text that correction replaced (line by line when the
/// replaced and the replacing text have the same number of line breaks); typed-in text comes from the line where
/// it was inserted.
import { computeCorrections } from '../model/corrections';
import { ArrangementMap, type TextMove } from '../model/moves';
import type { Correction } from '../model/sidecar-schema';
import { cpLength } from '../text/codepoints';
import type { LayoutLine, LayoutPage } from './types';

/// The part of a layout line the linking needs: its id and where it sits in the original text.
export type OriginalLineSpan = Pick<LayoutLine, 'index' | 'textStart' | 'text'>;

/// For each line of `corrected` (split on "\n"), the sorted `index`es of the original lines it came from.
///
/// `corrections` must be the corrections from the arranged original (the original text, whose lines are
/// `originalLines`, with the block moves of `arrangement` applied; the original itself without one) to
/// `corrected`, as `computeCorrections` gives them. A blank corrected line, or one typed where the original had
/// only a paragraph break, links to no line.
export function linkCorrectedLines(
  originalLines: readonly OriginalLineSpan[],
  corrected: string,
  corrections: readonly Correction[],
  arrangement?: ArrangementMap,
): number[][] {
  // Each original line where it stands in the arranged original: moved with its block, in pieces when a move
  // cut through it.
  const spans = [...originalLines]
    .flatMap((line) => {
      const start = line.textStart;
      const end = line.textStart + cpLength(line.text);
      return (arrangement ? arrangement.arrangedRanges(start, end) : [{ from: start, to: end }]).map((r) => ({ index: line.index, start: r.from, end: r.to }));
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // Worked out per run of characters, not per character: a save of a 200,000-character page took about 65 ms
  // here when every character got its own origin, and most of the page is one unchanged run.
  const segments = originSegments(cpLength(corrected), corrections);
  const links: number[][] = [];
  let next = 0;
  for (const [lineStart, lineEnd] of lineRanges(corrected)) {
    const current = new Set<number>();
    while (next < segments.length && segments[next]!.end <= lineStart) next++;
    for (let k = next; k < segments.length && segments[k]!.start < lineEnd; k++) {
      const segment = segments[k]!;
      const from = Math.max(lineStart, segment.start);
      const to = Math.min(lineEnd, segment.end);
      if (from >= to) continue;
      const found =
        segment.copyFrom !== null
          ? linesOverlapping(spans, segment.copyFrom + (from - segment.start), segment.copyFrom + (to - segment.start))
          : linesOverlapping(spans, segment.from, segment.to);
      for (const index of found) current.add(index);
    }
    links.push(sorted(current));
  }
  return links;
}

/// Every line of a text (split on "\n") with its code-point start, numbered from 0 like the editor's lines.
export function textLineSpans(text: string): OriginalLineSpan[] {
  const spans: OriginalLineSpan[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    spans.push({ index, textStart: start, text: line });
    start += cpLength(line) + 1;
  });
  return spans;
}

/// For each line of `corrected`, the numbers of the lines of `original` it came from: the sidecar's `lineOrigins`.
///
/// `corrections` turn the arranged original (`original` with `moves` applied) into `corrected`.
export function computeLineOrigins(original: string, corrected: string, corrections: readonly Correction[], moves: readonly TextMove[] = []): number[][] {
  const spans = textLineSpans(original);
  if (moves.length === 0) return linkCorrectedLines(spans, corrected, corrections);
  const last = spans[spans.length - 1]!;
  return linkCorrectedLines(spans, corrected, corrections, ArrangementMap.of(last.textStart + cpLength(last.text), moves));
}

/// `linkCorrectedLines` for a layout page and its corrected text, computing the corrections itself.
export function linkLinesAfterEdit(page: Pick<LayoutPage, 'text' | 'lines'>, corrected: string): number[][] {
  return linkCorrectedLines(page.lines, corrected, computeCorrections(page.text, corrected));
}

// A run of the corrected text [start, end) (code points) and where it came from: copied unchanged from the
// original at `copyFrom` onwards, or (copyFrom null) written in place of the original range [from, to) (from ===
// to: inserted at that point).
type OriginSegment = { start: number; end: number; copyFrom: number; from: 0; to: 0 } | { start: number; end: number; copyFrom: null; from: number; to: number };

// The corrected text's runs, in order, covering [0, correctedLength).
function originSegments(correctedLength: number, corrections: readonly Correction[]): OriginSegment[] {
  const segments: OriginSegment[] = [];
  let original = 0;
  let at = 0;
  const copyUntil = (end: number): void => {
    const length = Math.min(end - original, correctedLength - at);
    if (length > 0) segments.push({ start: at, end: at + length, copyFrom: original, from: 0, to: 0 });
    if (length > 0) at += length;
    original = end;
  };
  const written = (length: number, from: number, to: number): void => {
    if (length > 0) segments.push({ start: at, end: at + length, copyFrom: null, from, to });
    at += length;
  };
  for (const correction of corrections) {
    copyUntil(correction.start);
    const removed = correction.original.split('\n');
    const added = correction.corrected.split('\n');
    if (removed.length === added.length && removed.length > 1) {
      // The same number of line breaks on both sides: the k-th written line replaces the k-th removed one.
      let segmentStart = correction.start;
      added.forEach((segment, k) => {
        const segmentEnd = segmentStart + cpLength(removed[k]!);
        written(cpLength(segment), segmentStart, segmentEnd);
        if (k < added.length - 1) written(1, segmentEnd, segmentEnd + 1);
        segmentStart = segmentEnd + 1;
      });
    } else {
      written(cpLength(correction.corrected), correction.start, correction.end);
    }
    original = correction.end;
  }
  copyUntil(Number.POSITIVE_INFINITY);
  return segments;
}

// The code-point range [start, end) of every line of `text` (split on "\n").
function lineRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 10) {
      ranges.push([lineStart, position]);
      lineStart = position + 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    position++;
  }
  ranges.push([lineStart, position]);
  return ranges;
}

// Lines whose text overlaps [from, to); for an insertion point (from === to), the line that holds or ends at it.
function linesOverlapping(spans: readonly { index: number; start: number; end: number }[], from: number, to: number): number[] {
  let lo = 0;
  let hi = spans.length;
  // First span that ends at or after `from`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end < from) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < spans.length; i++) {
    const span = spans[i]!;
    if (from === to ? span.start > from : span.start >= to) break;
    if (from === to ? span.start <= from && from <= span.end : span.end > from) found.push(span.index);
  }
  return found;
}

function sorted(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b);
}
