import type { Correction } from './sidecar-schema';
import { CodePointIndex, cpLength } from '../text/codepoints';
import { diffLinesThenChars } from './diff-codepoints';
import { alignOnVisibleCharacters } from './line-break-alignment';
import type { Result } from '../result';
import { failWith } from '../errors/fail-with';
import { ok } from '../result';
import { upperBound } from '../sorted-search';

/// Computes the corrections that turn `original` into `corrected`, sorted and non-overlapping.
///
/// Offsets are code points on `original`. Adjacent deletions and insertions form one correction (a
/// replacement), so each entry is a contiguous change a reader recognises. Visible characters are matched before
/// line breaks (see `alignOnVisibleCharacters`): a join or split is a line-break correction only.
export function computeCorrections(original: string, corrected: string): Correction[] {
  if (original === corrected) return [];
  // An accept-all makes thousands of tiny corrections at once (a space removed, one character for another): an
  // empty side, or one character against one, is a single correction, as the diff would find, without it.
  if (original === '' || corrected === '' || (cpLength(original) === 1 && cpLength(corrected) === 1)) {
    return [{ start: 0, end: cpLength(original), original, corrected }];
  }
  const corrections: Correction[] = [];
  let position = 0;
  let current: Correction | null = null;
  for (const run of diffLinesThenChars(original, corrected)) {
    const length = cpLength(run.text);
    if (run.op === 'equal') {
      if (current) corrections.push(current);
      current = null;
      position += length;
      continue;
    }
    current ??= { start: position, end: position, original: '', corrected: '' };
    if (run.op === 'delete') {
      current.original += run.text;
      current.end += length;
      position += length;
    } else {
      current.corrected += run.text;
    }
  }
  if (current) corrections.push(current);
  // Where line breaks changed, the characters are aligned on their own, so a join or split never makes unchanged
  // text look changed.
  return alignOnVisibleCharacters(original, corrected, corrections);
}

/// Applies corrections to the original text, checking that each one's `original` matches what is there.
///
/// Linear in the text: code-point offsets are turned into string indexes with one `CodePointIndex`, so a
/// 200,000-character page is not split into an array of characters.
export function applyCorrections(original: string, corrections: readonly Correction[]): Result<string> {
  const index = new CodePointIndex(original);
  const parts: string[] = [];
  let position = 0;
  for (const [i, c] of corrections.entries()) {
    if (c.start < position || c.end < c.start || c.end > index.length) {
      return failWith('model.badCorrection', { n: i + 1, start: c.start, end: c.end });
    }
    const from = index.toUtf16(c.start);
    const to = index.toUtf16(c.end);
    const there = original.slice(from, to);
    if (there !== c.original) {
      return failWith('model.correctionMismatch', { n: i + 1, expected: c.original, start: c.start, found: there });
    }
    parts.push(original.slice(index.toUtf16(position), from), c.corrected);
    position = c.end;
  }
  parts.push(original.slice(index.toUtf16(position)));
  return ok(parts.join(''));
}

/// Maps code-point positions between the original and the corrected text, both ways.
///
/// Built once from a correction list; each lookup is a binary search. A position inside a replaced stretch maps
/// to the start of its counterpart (`assoc` -1) or to its end (`assoc` 1).
export class CorrectionMap {
  private readonly origStarts: number[] = [];
  private readonly corrStarts: number[] = [];

  constructor(private readonly corrections: readonly Correction[]) {
    let delta = 0;
    for (const c of corrections) {
      this.origStarts.push(c.start);
      this.corrStarts.push(c.start + delta);
      delta += cpLength(c.corrected) - (c.end - c.start);
    }
  }

  /// Offset in the corrected text of original offset `pos`.
  toCorrected(pos: number, assoc: -1 | 1 = 1): number {
    return this.map(pos, this.origStarts, this.corrStarts, (c) => c.end - c.start, (c) => cpLength(c.corrected), assoc);
  }

  /// Offset in the original text of corrected offset `pos`.
  toOriginal(pos: number, assoc: -1 | 1 = 1): number {
    return this.map(pos, this.corrStarts, this.origStarts, (c) => cpLength(c.corrected), (c) => c.end - c.start, assoc);
  }

  /// Corrected-text ranges of every correction, in order (for highlighting).
  correctedRanges(): { start: number; end: number; correction: Correction }[] {
    return this.corrections.map((c, i) => ({ start: this.corrStarts[i]!, end: this.corrStarts[i]! + cpLength(c.corrected), correction: c }));
  }

  private map(
    pos: number,
    fromStarts: number[],
    toStarts: number[],
    fromLength: (c: Correction) => number,
    toLength: (c: Correction) => number,
    assoc: -1 | 1,
  ): number {
    // The last correction starting at or before pos decides the shift.
    const i = upperBound(fromStarts, pos) - 1;
    if (i < 0) return pos;
    const c = this.corrections[i]!;
    const fromStart = fromStarts[i]!;
    const toStart = toStarts[i]!;
    const fromEnd = fromStart + fromLength(c);
    const toEnd = toStart + toLength(c);
    if (pos >= fromEnd && !(pos === fromStart && assoc < 0)) return toEnd + (pos - fromEnd);
    return assoc < 0 ? toStart : toEnd;
  }
}
