/// Myers' shortest edit script between two token sequences, giving up past a number of edits.
///
/// Tokens are numbers (code points, or ids of lines). Time is O((n + m) · maxEdits) and memory O(maxEdits²), so a
/// caller can bound the work on any input: a pair that needs more edits gets `null` and is handled coarsely.
/// Iterative, no recursion.

/// Matched positions of a diff: `pairs[2k]` in `a` equals `pairs[2k + 1]` in `b`, increasing in both.
export type MatchedPairs = number[];

/// Appends to `out` the matched pairs of a shortest edit script between `a[aLo, aHi)` and `b[bLo, bHi)` (absolute
/// positions, in decreasing order) and returns its number of edits; -1 (and nothing appended) when it takes more
/// than `maxEdits` edits.
export function myersMatches(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  maxEdits: number,
  out: MatchedPairs,
): number {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const max = Math.min(maxEdits, n + m);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return -1;
  // Walk back through the saved fronts (trace[d] is the front reached with d - 1 edits), collecting the diagonal
  // (matched) steps of each snake.
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const k = x - y;
    let startX = 0;
    let prevX = 0;
    let prevY = 0;
    if (d > 0) {
      const front = trace[d]!;
      const down = k === -d || (k !== d && front[offset + k - 1]! < front[offset + k + 1]!);
      const prevK = down ? k + 1 : k - 1;
      prevX = front[offset + prevK]!;
      prevY = prevX - prevK;
      startX = down ? prevX : prevX + 1;
    }
    while (x > startX) {
      x--;
      y--;
      out.push(aLo + x, bLo + y);
    }
    x = prevX;
    y = prevY;
  }
  return found;
}
