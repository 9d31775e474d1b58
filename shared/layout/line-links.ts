/// Links each line of a corrected text back to the layout lines it came from, so line ↔ region links survive edits.
///
/// Editors join wrapped lines, split them, and correct characters; the scan region of a corrected line is then the
/// union of the regions of the original lines its characters came from. Unchanged characters come from exactly one
/// place; characters a correction wrote come from the text that correction replaced (line by line when the
/// replaced and the replacing text have the same number of line breaks); typed-in text comes from the line where
/// it was inserted.
import { computeCorrections } from '../model/corrections';
import type { Correction } from '../model/sidecar-schema';
import { cpLength } from '../text/codepoints';
import type { LayoutLine, LayoutPage } from './types';

/// The part of a layout line the linking needs: its id and where it sits in the original text.
export type OriginalLineSpan = Pick<LayoutLine, 'index' | 'textStart' | 'text'>;

/// For each line of `corrected` (split on "\n"), the sorted `index`es of the original lines it came from.
///
/// `corrections` must be the corrections from the original text (whose lines are `originalLines`) to
/// `corrected`, as `computeCorrections` gives them. A blank corrected line, or one typed where the original had
/// only a paragraph break, links to no line.
export function linkCorrectedLines(
  originalLines: readonly OriginalLineSpan[],
  corrected: string,
  corrections: readonly Correction[],
): number[][] {
  const spans = [...originalLines]
    .map((line) => ({ index: line.index, start: line.textStart, end: line.textStart + cpLength(line.text) }))
    .sort((a, b) => a.start - b.start);
  const chars = Array.from(corrected);
  const origins = originRanges(chars.length, corrections);
  const links: number[][] = [];
  let current = new Set<number>();
  chars.forEach((char, position) => {
    if (char === '\n') {
      links.push(sorted(current));
      current = new Set();
      return;
    }
    const [from, to] = origins[position] ?? [0, 0];
    for (const index of linesOverlapping(spans, from, to)) current.add(index);
  });
  links.push(sorted(current));
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
/// `corrections` turn `original` into `corrected`.
export function computeLineOrigins(original: string, corrected: string, corrections: readonly Correction[]): number[][] {
  return linkCorrectedLines(textLineSpans(original), corrected, corrections);
}

/// `linkCorrectedLines` for a layout page and its corrected text, computing the corrections itself.
export function linkLinesAfterEdit(page: Pick<LayoutPage, 'text' | 'lines'>, corrected: string): number[][] {
  return linkCorrectedLines(page.lines, corrected, computeCorrections(page.text, corrected));
}

// For every code point of the corrected text, the original range [from, to) it came from (from === to: inserted
// at that point).
function originRanges(correctedLength: number, corrections: readonly Correction[]): [number, number][] {
  const origins: [number, number][] = [];
  let original = 0;
  const copyUnchangedUntil = (end: number): void => {
    for (; original < end && origins.length < correctedLength; original++) origins.push([original, original + 1]);
  };
  for (const correction of corrections) {
    copyUnchangedUntil(correction.start);
    const from = correction.original.split('\n');
    const to = correction.corrected.split('\n');
    if (from.length === to.length && from.length > 1) {
      // The same number of line breaks on both sides: the k-th written line replaces the k-th removed one.
      let segmentStart = correction.start;
      to.forEach((segment, k) => {
        const segmentEnd = segmentStart + cpLength(from[k]!);
        for (let i = 0; i < cpLength(segment); i++) origins.push([segmentStart, segmentEnd]);
        if (k < to.length - 1) origins.push([segmentEnd, segmentEnd + 1]);
        segmentStart = segmentEnd + 1;
      });
    } else {
      for (let i = 0; i < cpLength(correction.corrected); i++) origins.push([correction.start, correction.end]);
    }
    original = correction.end;
  }
  copyUnchangedUntil(Number.POSITIVE_INFINITY);
  return origins;
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
