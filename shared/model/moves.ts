/// Block moves: how the original text is put in corrected reading order before character corrections apply.
///
/// A reading-order repair moves whole blocks of text; recorded as character corrections it would become dozens of
/// meaningless substitutions. It is recorded instead as moves of original code-point ranges, which give the
/// "arranged original": the original in corrected reading order, the same characters in another order.
/// Corrections are then code-point replacements on the arranged original, so an unchanged character keeps its tie
/// to the original character it came from, wherever it now stands.
import type { Result } from '../result';
import { failWith } from '../errors/fail-with';
import { ok } from '../result';
import { CodePointIndex } from '../text/codepoints';
import { upperBound } from '../sorted-search';

/// One block move: the original code points [start, end) stand at offset `to` of the arranged original.
///
/// Everything no move names stays in its original order and fills the arranged original around the moved blocks.
export interface TextMove {
  start: number;
  end: number;
  to: number;
}

/// A piece of the arranged original: original code points [from, to) standing at arranged offset `at`.
export interface ArrangedPiece {
  from: number;
  to: number;
  at: number;
}

/// The pieces of the arranged original in arranged order, covering [0, length); or why the moves do not fit.
///
/// `length` is the original's length in code points. Moves must be non-empty, lie inside the text and overlap
/// neither in the original nor in the arranged original.
export function arrangedPieces(length: number, moves: readonly TextMove[]): Result<ArrangedPiece[]> {
  if (moves.length === 0) return ok(length === 0 ? [] : [{ from: 0, to: length, at: 0 }]);
  const byStart = [...moves].sort((a, b) => a.start - b.start);
  for (const [i, m] of byStart.entries()) {
    if (m.end <= m.start || m.end > length || m.to + (m.end - m.start) > length) {
      return failWith('model.badMove', { start: m.start, end: m.end, to: m.to, length });
    }
    if (i > 0 && byStart[i - 1]!.end > m.start) return failWith('model.movesOverlap', { a: `${byStart[i - 1]!.start}–${byStart[i - 1]!.end}`, b: `${m.start}–${m.end}` });
  }
  const byTarget = [...moves].sort((a, b) => a.to - b.to);
  for (let i = 1; i < byTarget.length; i++) {
    const prev = byTarget[i - 1]!;
    if (prev.to + (prev.end - prev.start) > byTarget[i]!.to) return failWith('model.movedOverlap', { a: prev.to, b: byTarget[i]!.to });
  }
  // The text no move names, in original order, fills the gaps between the moved blocks.
  const stays: [number, number][] = [];
  let at = 0;
  for (const m of byStart) {
    if (m.start > at) stays.push([at, m.start]);
    at = m.end;
  }
  if (at < length) stays.push([at, length]);
  const pieces: ArrangedPiece[] = [];
  let stay = 0;
  let stayOffset = 0; // code points of stays[stay] already placed
  const fill = (until: number, position: number): number => {
    while (position < until) {
      const [from, to] = stays[stay]!;
      const take = Math.min(to - from - stayOffset, until - position);
      pieces.push({ from: from + stayOffset, to: from + stayOffset + take, at: position });
      position += take;
      stayOffset += take;
      if (from + stayOffset === to) {
        stay++;
        stayOffset = 0;
      }
    }
    return position;
  };
  let position = 0;
  for (const m of byTarget) {
    position = fill(m.to, position);
    pieces.push({ from: m.start, to: m.end, at: m.to });
    position += m.end - m.start;
  }
  fill(length, position);
  return ok(mergePieces(pieces));
}

// Neighbouring pieces that continue each other in the original become one.
function mergePieces(pieces: readonly ArrangedPiece[]): ArrangedPiece[] {
  const merged: ArrangedPiece[] = [];
  for (const piece of pieces) {
    if (piece.to === piece.from) continue;
    const last = merged[merged.length - 1];
    if (last && last.to === piece.from) last.to = piece.to;
    else merged.push({ ...piece });
  }
  return merged;
}

/// The arranged original: `original` with `moves` applied (code points), or why they do not fit.
export function arrangeText(original: string, moves: readonly TextMove[]): Result<string> {
  if (moves.length === 0) return ok(original);
  const index = new CodePointIndex(original);
  const pieces = arrangedPieces(index.length, moves);
  if (!pieces.ok) return pieces;
  return ok(pieces.value.map((p) => original.slice(index.toUtf16(p.from), index.toUtf16(p.to))).join(''));
}

/// The moves that arrange the original as `ranges` (original code-point ranges, in arranged order, covering the
/// original once): the fewest pieces that must move, the longest chain in original order staying put.
///
/// The same arrangement always gives the same moves, so sidecars stay comparable.
export function movesFromRanges(ranges: readonly { from: number; to: number }[]): TextMove[] {
  const pieces: ArrangedPiece[] = [];
  let at = 0;
  for (const r of ranges) {
    pieces.push({ from: r.from, to: r.to, at });
    at += r.to - r.from;
  }
  const merged = mergePieces(pieces);
  const staying = longestIncreasingChain(merged);
  return merged.filter((_, i) => !staying.has(i)).map((p) => ({ start: p.from, end: p.to, to: p.at }));
}

// The indexes of the heaviest chain of pieces (by length) whose original starts increase; O(n²), n being the
// number of moved blocks on a page (a handful).
function longestIncreasingChain(pieces: readonly ArrangedPiece[]): Set<number> {
  const weight: number[] = [];
  const previous: number[] = [];
  let best = -1;
  for (let i = 0; i < pieces.length; i++) {
    weight[i] = pieces[i]!.to - pieces[i]!.from;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (pieces[j]!.from < pieces[i]!.from && weight[j]! + pieces[i]!.to - pieces[i]!.from > weight[i]!) {
        weight[i] = weight[j]! + pieces[i]!.to - pieces[i]!.from;
        previous[i] = j;
      }
    }
    if (best < 0 || weight[i]! > weight[best]!) best = i;
  }
  const chain = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]!) chain.add(i);
  return chain;
}

/// Rearranges an arranged original once more: `ranges` are ranges of the current arranged original (in the new
/// order, covering it once); returns the moves of the new arrangement against the original.
export function composeMoves(length: number, current: readonly TextMove[], ranges: readonly { from: number; to: number }[]): Result<TextMove[]> {
  const pieces = arrangedPieces(length, current);
  if (!pieces.ok) return pieces;
  const map = new ArrangementMap(pieces.value);
  return ok(movesFromRanges(ranges.flatMap((r) => map.originalRanges(r.from, r.to))));
}

/// Maps code-point offsets between the arranged original and the original, through the pieces of a move list.
export class ArrangementMap {
  private readonly byAt: ArrangedPiece[];
  private readonly atStarts: number[];
  private readonly byFrom: ArrangedPiece[];
  private readonly fromStarts: number[];

  constructor(pieces: readonly ArrangedPiece[]) {
    this.byAt = [...pieces].sort((a, b) => a.at - b.at);
    this.atStarts = this.byAt.map((p) => p.at);
    this.byFrom = [...pieces].sort((a, b) => a.from - b.from);
    this.fromStarts = this.byFrom.map((p) => p.from);
  }

  /// The map of `moves` on an original of `length` code points; the identity when the moves do not fit.
  static of(length: number, moves: readonly TextMove[]): ArrangementMap {
    const pieces = arrangedPieces(length, moves);
    return new ArrangementMap(pieces.ok ? pieces.value : length === 0 ? [] : [{ from: 0, to: length, at: 0 }]);
  }

  /// The pieces, in arranged order.
  pieces(): readonly ArrangedPiece[] {
    return this.byAt;
  }

  /// The original offset of the character at arranged offset `pos` (the end of the text maps to the end).
  toOriginal(pos: number): number {
    const i = upperBound(this.atStarts, pos) - 1;
    if (i < 0) return pos;
    const p = this.byAt[i]!;
    return Math.min(p.from + (pos - p.at), p.to);
  }

  /// The arranged offset of the character at original offset `pos`.
  toArranged(pos: number): number {
    const i = upperBound(this.fromStarts, pos) - 1;
    if (i < 0) return pos;
    const p = this.byFrom[i]!;
    return Math.min(p.at + (pos - p.from), p.at + (p.to - p.from));
  }

  /// The original ranges an arranged range [from, to) is made of, in arranged order. An empty range gives one
  /// empty range at the original place of `from`.
  originalRanges(from: number, to: number): { from: number; to: number }[] {
    if (to <= from) {
      const at = this.toOriginal(from);
      return [{ from: at, to: at }];
    }
    return this.convert(this.byAt, this.atStarts, from, to, (p) => p.at, (p) => p.from);
  }

  /// The arranged ranges an original range [from, to) is made of, in original order.
  arrangedRanges(from: number, to: number): { from: number; to: number }[] {
    if (to <= from) {
      const at = this.toArranged(from);
      return [{ from: at, to: at }];
    }
    return this.convert(this.byFrom, this.fromStarts, from, to, (p) => p.from, (p) => p.at);
  }

  private convert(
    sorted: readonly ArrangedPiece[],
    starts: readonly number[],
    from: number,
    to: number,
    sourceStart: (p: ArrangedPiece) => number,
    targetStart: (p: ArrangedPiece) => number,
  ): { from: number; to: number }[] {
    const ranges: { from: number; to: number }[] = [];
    for (let i = Math.max(0, upperBound(starts, from) - 1); i < sorted.length; i++) {
      const p = sorted[i]!;
      const start = sourceStart(p);
      const end = start + (p.to - p.from);
      if (start >= to) break;
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      if (a < b) ranges.push({ from: targetStart(p) + (a - start), to: targetStart(p) + (b - start) });
    }
    return ranges;
  }
}
