/// Code-point helpers: every offset Jiaodui stores counts Unicode code points, not UTF-16 units.
///
/// JavaScript strings index UTF-16 units, so a CJK Extension B character such as 𠮷 (U+20BB7) is two units but
/// one code point. These helpers convert between the two.
import { lowerBound } from '../sorted-search';

/// Number of code points in a string.
export function cpLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate that follows a high surrogate completes a pair already counted.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    count++;
  }
  return count;
}

/// Converts a code-point offset to a UTF-16 index in `text` (clamped to the string's end).
export function cpToUtf16(text: string, cp: number): number {
  let units = 0;
  for (let seen = 0; seen < cp && units < text.length; seen++) {
    units += isHighSurrogateAt(text, units) ? 2 : 1;
  }
  return Math.min(units, text.length);
}

/// Converts a UTF-16 index in `text` to a code-point offset.
export function utf16ToCp(text: string, index: number): number {
  return cpLength(text.slice(0, index));
}

/// The code points [start, end) of `text`, like `String.prototype.slice` but counting code points.
export function cpSlice(text: string, start: number, end?: number): string {
  const from = cpToUtf16(text, start);
  if (end === undefined) return text.slice(from);
  return text.slice(from, from + cpToUtf16(text.slice(from), end - start));
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/// A reusable index for converting many offsets on one long string in O(log n) each.
///
/// Stores the UTF-16 index of every code point that follows a surrogate pair, so strings with no astral
/// characters cost almost nothing.
export class CodePointIndex {
  /// UTF-16 index of each astral (two-unit) character, ascending.
  private readonly astralAt: number[] = [];
  /// Length of the text in code points.
  readonly length: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isHighSurrogateAt(text, i)) {
        this.astralAt.push(i);
        i++;
      }
    }
    this.length = text.length - this.astralAt.length;
  }

  /// UTF-16 index of code-point offset `cp`.
  toUtf16(cp: number): number {
    // Each astral character before the target adds one extra unit; find how many start before it.
    let lo = 0;
    let hi = this.astralAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astralAt[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /// Code-point offset of UTF-16 index `index`.
  toCp(index: number): number {
    // Every astral character starting before `index` made one extra unit; an index inside a pair thus maps
    // to that pair's own code point.
    return index - lowerBound(this.astralAt, index);
  }
}
