import { myersMatches } from './diff-myers';

/// How hard `matchTokens` tries: an exact diff of any stretch of at most `exactSize` tokens (both sides together;
/// costs up to its square), and of a longer one when it needs at most `maxEdits` edits; other stretches are split at
/// tokens found once on each side first.
export interface MatchLimits {
  exactSize: number;
  maxEdits: number;
}

/// Pairs equal tokens of `a` and `b` in order (a longest-common-subsequence approximation), in bounded time.
///
/// Iterative (an explicit stack, no recursion): common starts and ends are matched; a short stretch gets Myers'
/// exact diff when it needs few edits; a long one is cut at tokens occurring once on both sides, in the longest
/// increasing order (patience diff), and the pieces between go back on the stack. A stretch that is neither short
/// nor cut is left unmatched (its caller handles it as one changed block). Time about O((n + m) · (log + maxEdits)).
/// Returns, for each position of `a`, the matched position in `b` or -1.
export function matchTokens(a: ArrayLike<number>, b: ArrayLike<number>, limits: MatchLimits): Int32Array {
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
    const size = aHi - aLo + (bHi - bLo);
    pairs.length = 0;
    if (myersMatches(a, aLo, aHi, b, bLo, bHi, size <= limits.exactSize ? size : limits.maxEdits, pairs)) {
      for (let i = 0; i < pairs.length; i += 2) match[pairs[i]!] = pairs[i + 1]!;
      continue;
    }
    // Too many edits for a bounded diff: cut at tokens found once on each side; none, and the stretch stays unmatched.
    const anchors = uniqueAnchors(a, aLo, aHi, b, bLo, bHi);
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
