/// Alignment and scoring helpers of the OCR benches (ocr-bench.ts, ocr-learning-curve.ts): OCR text against
/// ground truth, line breaks ignored.
import type { OcrSuggestion } from '../../shared/ocr-assist/types';

/// How the OCR code points (line breaks removed) line up with the ground truth's.
export interface Aligned {
  /// The OCR text's code points without line breaks, and per original code point its index there (-1: a break).
  chars: string[];
  index: number[];
  truth: string[];
  /// Per OCR char: wrong (substituted or inserted); per OCR position (0..n): truth characters missing before it.
  wrong: boolean[];
  gapBefore: number[];
  /// Per OCR position (0..n): the truth index it lines up with.
  toTruth: number[];
  /// Per OCR char: inside reading-order damage (a run of at least 6 errors), which no character fix repairs.
  damaged: boolean[];
}

/// Runs of at least this many errors (with at most two matching characters inside) are reading-order damage.
const DAMAGE_RUN = 6;
const MATCH_INSIDE_DAMAGE = 2;

/// How one character of the OCR text lines up with the ground truth.
export interface Alignment {
  /// Per OCR character: true when it is substituted or inserted (not in the ground truth at that place).
  wrong: boolean[];
  /// Per OCR character: true when it stands in for a different ground-truth character (a misreading).
  substituted: boolean[];
  /// Per OCR position (and index n, the end): how many ground-truth characters are missing right before it.
  gapBefore: number[];
  /// Per OCR character (and index n): the ground-truth index it lines up with.
  toTruth: number[];
  distance: number;
}

/// Levenshtein alignment of OCR code points against ground-truth code points, with a full backtrace.
export function align(ocr: readonly string[], truth: readonly string[]): Alignment {
  const n = ocr.length;
  const m = truth.length;
  const d = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) d[i]![0] = i;
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sub = d[i - 1]![j - 1]! + (ocr[i - 1] === truth[j - 1] ? 0 : 1);
      d[i]![j] = Math.min(sub, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    }
  }
  const wrong = new Array<boolean>(n).fill(false);
  const substituted = new Array<boolean>(n).fill(false);
  const gapBefore = new Array<number>(n + 1).fill(0);
  const toTruth = new Array<number>(n + 1).fill(m);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (ocr[i - 1] === truth[j - 1] ? 0 : 1)) {
      wrong[i - 1] = ocr[i - 1] !== truth[j - 1];
      substituted[i - 1] = wrong[i - 1]!;
      toTruth[i - 1] = j - 1;
      i--;
      j--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      wrong[i - 1] = true;
      toTruth[i - 1] = j;
      i--;
    } else {
      gapBefore[i]!++;
      j--;
    }
  }
  return { wrong, substituted, gapBefore, toTruth, distance: d[n]![m]! };
}

/// The text without line breaks, plus for each original code point its index in that text (or -1 for a break).
export function withoutBreaks(text: string): { chars: string[]; index: number[] } {
  const chars: string[] = [];
  const index: number[] = [];
  for (const ch of text) {
    index.push(ch === '\n' ? -1 : chars.length);
    if (ch !== '\n') chars.push(ch);
  }
  return { chars, index };
}

/// Levenshtein alignment of the OCR text against the ground truth (both without line breaks), with backtrace.
export function alignPage(ocrText: string, truthText: string): Aligned {
  const { chars, index } = withoutBreaks(ocrText);
  const truth = withoutBreaks(truthText).chars;
  const { wrong, gapBefore, toTruth } = align(chars, truth);
  return { chars, index, truth, wrong, gapBefore, toTruth, damaged: damage(wrong, gapBefore) };
}

function damage(wrong: readonly boolean[], gapBefore: readonly number[]): boolean[] {
  const n = wrong.length;
  const damaged = new Array<boolean>(n).fill(false);
  let start = -1;
  let errors = 0;
  let last = -1;
  const close = (): void => {
    if (start >= 0 && errors >= DAMAGE_RUN) for (let p = start; p <= last && p < n; p++) damaged[p] = true;
    start = -1;
    errors = 0;
  };
  for (let p = 0; p <= n; p++) {
    const here = (p < n && wrong[p] ? 1 : 0) + gapBefore[p]!;
    if (here === 0) {
      if (start >= 0 && p - last > MATCH_INSIDE_DAMAGE) close();
      continue;
    }
    if (start < 0) start = p;
    errors += here;
    last = p;
  }
  close();
  return damaged;
}

/// The break-free OCR positions a suggestion covers: [first, last + 1).
export function suggestionSpan(a: Aligned, s: Pick<OcrSuggestion, 'start' | 'end'>): { from: number; to: number } {
  const positions: number[] = [];
  for (let cp = s.start; cp < s.end; cp++) if (a.index[cp]! >= 0) positions.push(a.index[cp]!);
  if (positions.length > 0) return { from: positions[0]!, to: positions[positions.length - 1]! + 1 };
  let next = a.chars.length;
  for (let cp = s.start; cp < a.index.length; cp++) {
    if (a.index[cp]! >= 0) {
      next = a.index[cp]!;
      break;
    }
  }
  return { from: next, to: next };
}

/// Whether a suggestion's range touches an error (a wrong character, or missing ones at its edges).
export function touchesError(a: Aligned, s: Pick<OcrSuggestion, 'start' | 'end'>): boolean {
  const { from, to } = suggestionSpan(a, s);
  for (let p = from; p < to; p++) if (a.wrong[p]) return true;
  return a.gapBefore[from]! > 0 || a.gapBefore[to]! > 0;
}

/// Whether applying the suggestion gives exactly the ground truth over its range (missing characters right at
/// its edges may or may not be part of the fix).
export function fixesExactly(a: Aligned, s: Pick<OcrSuggestion, 'start' | 'end' | 'replacement'>): boolean {
  if (!touchesError(a, s)) return false;
  const { from, to } = suggestionSpan(a, s);
  const wanted = s.replacement.replace(/\n/gu, '');
  const starts = [a.toTruth[from]! - a.gapBefore[from]!, a.toTruth[from]!];
  const ends = [a.toTruth[to]! - a.gapBefore[to]!, a.toTruth[to]!];
  return starts.some((x) => ends.some((y) => y >= x && a.truth.slice(x, y).join('') === wanted));
}

/// Paragraph breaks as positions in the break-free text (a run of line breaks is one break).
export function breakPositions(text: string): number[] {
  const positions: number[] = [];
  let offset = 0;
  for (const line of text.split(/\n+/u)) {
    if (line.trim() === '') continue;
    if (offset > 0) positions.push(offset);
    offset += Array.from(line).length;
  }
  return positions;
}

/// Paragraph-break matches of a repaired OCR text against the truth (a break within one character counts).
export function paragraphScores(fixed: string, truth: string): { tp: number; predicted: number; actual: number } {
  const a = alignPage(fixed, truth);
  return matchBreaks(breakPositions(fixed).map((p) => a.toTruth[p]!), breakPositions(truth));
}

/// Predicted breaks (truth positions) matched one to one against the true ones; a break within one character counts.
export function matchBreaks(predicted: readonly number[], actual: readonly number[]): { tp: number; predicted: number; actual: number } {
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const match = actual.find((t) => !used.has(t) && Math.abs(t - p) <= 1);
    if (match !== undefined) {
      used.add(match);
      tp++;
    }
  }
  return { tp, predicted: predicted.length, actual: actual.length };
}

/// Characters of context on each side when judging whether a suggestion helps.
const JUDGE_REACH = 4;

function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1));
    previous = current;
  }
  return previous[b.length]!;
}

/// Whether applying the suggestion brings its neighbourhood closer to the ground truth (edit distance over the
/// range and JUDGE_REACH characters each side), which does not depend on how the alignment split a tie.
export function improves(a: Aligned, s: Pick<OcrSuggestion, 'start' | 'end' | 'replacement'>): boolean {
  const { from, to } = suggestionSpan(a, s);
  const lo = Math.max(0, from - JUDGE_REACH);
  const hi = Math.min(a.chars.length, to + JUDGE_REACH);
  const truth = a.truth.slice(a.toTruth[lo]! - a.gapBefore[lo]!, a.toTruth[hi]!);
  const before = a.chars.slice(lo, hi);
  const after = [...a.chars.slice(lo, from), ...Array.from(s.replacement.replace(/\n/gu, '')), ...a.chars.slice(to, hi)];
  return levenshtein(after, truth) < levenshtein(before, truth);
}
