import { myersMatches } from './diff-myers';

/// How hard `matchTokens` tries: an exact diff of any stretch of at most `exactSize` tokens (both sides together;
/// costs up to its square), and of a longer one when it needs at most `maxEdits` edits; other stretches are split at
/// tokens found once on each side first.
export interface MatchLimits {
  exactSize: number;
  maxEdits: number;
  /// Cut long stretches at a common run of tokens before trying unique tokens (code points of a page, where a
  /// character found once on each side is often a coincidence; lines are cut at unique lines first).
  windowsFirst?: boolean;
}

/// Pairs equal tokens of `a` and `b` in order (a longest-common-subsequence approximation), in bounded time.
///
/// Iterative (an explicit stack, no recursion): common starts and ends are matched; a short stretch gets Myers'
/// exact diff when it needs few edits; a long one is cut at tokens occurring once on both sides, in the longest
/// increasing order (patience diff), and the pieces between go back on the stack. A stretch that is neither short
/// nor cut is left unmatched (its caller handles it as one changed block). Time about O((n + m) · (log + maxEdits)).
/// Returns, for each position of `a`, the matched position in `b` or -1.
///
/// `budget` caps the work of the exact diffs (about edits² each) over a whole page: once spent, stretches that are
/// not trimmed away stay unmatched (coarse but correct), so even a page whose every line was rewritten (reversed,
/// say) is done in seconds. Share one budget between the calls for one page.
export function matchTokens(a: ArrayLike<number>, b: ArrayLike<number>, limits: MatchLimits, budget: DiffBudget = { work: DIFF_WORK_BUDGET }): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const pairs: number[] = [];
  const stack: number[] = [0, a.length, 0, b.length];
  while (stack.length > 0) {
    let bHi = stack.pop()!;
    let bLo = stack.pop()!;
    let aHi = stack.pop()!;
    let aLo = stack.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) match[aLo++] = bLo++;
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) match[--aHi] = --bHi;
    if (aLo === aHi || bLo === bHi) continue;
    if (budget.work <= 0) continue;
    const size = aHi - aLo + (bHi - bLo);
    const maxEdits = size <= limits.exactSize ? size : limits.maxEdits;
    pairs.length = 0;
    const edits = myersMatches(a, aLo, aHi, b, bLo, bHi, maxEdits, pairs);
    budget.work -= ((edits < 0 ? maxEdits : edits) + 1) ** 2 + size;
    if (edits >= 0) {
      for (let i = 0; i < pairs.length; i += 2) match[pairs[i]!] = pairs[i + 1]!;
      continue;
    }
    // Too many edits for a bounded diff: cut at a common run of tokens or at tokens found once on each side; neither,
    // and the stretch stays unmatched.
    const window = limits.windowsFirst ? windowAnchor(a, aLo, aHi, b, bLo, bHi) : null;
    const anchors = window === null ? uniqueAnchors(a, aLo, aHi, b, bLo, bHi) : [];
    const found = window ?? (anchors.length === 0 && !limits.windowsFirst ? windowAnchor(a, aLo, aHi, b, bLo, bHi) : null);
    if (found !== null) {
      const [ai, bi] = found;
      for (let k = 0; k < WINDOW; k++) match[ai + k] = bi + k;
      stack.push(aLo, ai, bLo, bi, ai + WINDOW, aHi, bi + WINDOW, bHi);
      continue;
    }
    if (anchors.length === 0) continue;
    let prevA = aLo;
    let prevB = bLo;
    for (let i = 0; i < anchors.length; i += 2) {
      const ai = anchors[i]!;
      const bi = anchors[i + 1]!;
      match[ai] = bi;
      if (ai > prevA || bi > prevB) stack.push(prevA, ai, prevB, bi);
      prevA = ai + 1;
      prevB = bi + 1;
    }
    if (aHi > prevA || bHi > prevB) stack.push(prevA, aHi, prevB, bHi);
  }
  return match;
}

/// What is left of the work allowed for diffing one page (see `matchTokens`).
export interface DiffBudget {
  work: number;
}

/// The work one page's diff may spend on exact diffs: a second or two on a busy machine; an ordinary page uses a few percent of it.
export const DIFF_WORK_BUDGET = 100_000_000;

// Length of the runs `windowAnchor` looks for, and how many places of `a` it tries.
const WINDOW = 16;
const WINDOW_TRIES = 15;

// A run of WINDOW tokens found exactly once in a[aLo, aHi) and once in b[bLo, bHi), tried at the middle of `a` and
// then further out: [start in a, start in b], or null. A run found twice is skipped: repeated phrases are common,
// and the copy at the right place may hold an edit. O(tries · (n + m)).
function windowAnchor(a: ArrayLike<number>, aLo: number, aHi: number, b: ArrayLike<number>, bLo: number, bHi: number): [number, number] | null {
  if (aHi - aLo < WINDOW || bHi - bLo < WINDOW) return null;
  for (let t = 0; t < WINDOW_TRIES; t++) {
    // Fractions 1/2, 1/4, 3/4, 1/8, 3/8, …, 15/16 of the way through a (t + 1 = 2^(level - 1) + (k - 1) / 2).
    const level = Math.floor(Math.log2(t + 1)) + 1;
    const k = 2 * (t + 1 - 2 ** (level - 1)) + 1;
    const ai = Math.min(aHi - WINDOW, aLo + Math.floor(((aHi - aLo) * k) / 2 ** level));
    const inB = onlyOccurrence(a, ai, b, bLo, bHi);
    if (inB >= 0 && onlyOccurrence(a, ai, a, aLo, aHi) === ai) return [ai, inB];
  }
  return null;
}

// Where a[at, at + WINDOW) occurs in t[lo, hi) when it occurs exactly once there, else -1.
function onlyOccurrence(a: ArrayLike<number>, at: number, t: ArrayLike<number>, lo: number, hi: number): number {
  let found = -1;
  for (let j = lo; j + WINDOW <= hi; j++) {
    if (t[j] !== a[at]) continue;
    let same = 1;
    while (same < WINDOW && t[j + same] === a[at + same]) same++;
    if (same < WINDOW) continue;
    if (found >= 0) return -1;
    found = j;
  }
  return found;
}

// Tokens occurring exactly once in a[aLo, aHi) and once in b[bLo, bHi), as flat (a, b) position pairs forming the
// longest chain increasing in both (patience sorting with back links).
function uniqueAnchors(a: ArrayLike<number>, aLo: number, aHi: number, b: ArrayLike<number>, bLo: number, bHi: number): number[] {
  // For each token: its position in a when seen once (-2 when seen more), and likewise in b.
  const inA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) inA.set(a[i]!, inA.has(a[i]!) ? -2 : i);
  const inB = new Map<number, number>();
  for (let j = bLo; j < bHi; j++) {
    const token = b[j]!;
    if (!inA.has(token) || inA.get(token)! < 0) continue;
    inB.set(token, inB.has(token) ? -2 : j);
  }
  const candA: number[] = [];
  const candB: number[] = [];
  for (let i = aLo; i < aHi; i++) {
    const j = inA.get(a[i]!) === i ? inB.get(a[i]!) : undefined;
    if (j !== undefined && j >= 0) {
      candA.push(i);
      candB.push(j);
    }
  }
  if (candA.length === 0) return [];
  // Longest increasing subsequence of candB: tails[len] is the candidate ending the best chain of length len + 1.
  const tails: number[] = [];
  const back = new Int32Array(candA.length);
  for (let c = 0; c < candA.length; c++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candB[tails[mid]!]! < candB[c]!) lo = mid + 1;
      else hi = mid;
    }
    back[c] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = c;
  }
  const chain: number[] = [];
  for (let c = tails[tails.length - 1]!; c >= 0; c = back[c]!) chain.push(c);
  const out: number[] = [];
  for (let i = chain.length - 1; i >= 0; i--) out.push(candA[chain[i]!]!, candB[chain[i]!]!);
  return out;
}
