import { allowed, decodeSpans, isInside, labelCount, type LabelSpan } from './labels';
import { SLOTS } from './features';

/// Weights a decoder reads: one row of `labels` weights per known feature, and transitions.
export interface Scorer {
  labels: number;
  /// Feature hash → row; unknown features score nothing.
  row(hash: number): number | undefined;
  weights: ArrayLike<number>;
  /// (labels + 1) rows of `labels`: from each label, and last from the start.
  transitions: ArrayLike<number>;
}

/// Per character and label, the sum of the weights of the character's features (slots from `skipFrom` on ignored).
export function emissions(scorer: Scorer, features: Int32Array, n: number, skipFrom = SLOTS): Float64Array {
  const L = scorer.labels;
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < skipFrom; s++) {
      const hash = features[i * SLOTS + s]!;
      if (hash === 0) continue;
      const row = scorer.row(hash);
      if (row === undefined) continue;
      const base = row * L;
      for (let y = 0; y < L; y++) out[i * L + y]! += scorer.weights[base + y]!;
    }
  }
  return out;
}

/// The best-scoring valid label sequence (BIO: an I only after a B or I of its type).
export function viterbi(scorer: Scorer, emit: Float64Array, n: number): Uint8Array {
  const L = scorer.labels;
  const t = scorer.transitions;
  const ok = allowedTable(L);
  const best = new Float64Array(n * L);
  const back = new Int16Array(n * L);
  for (let y = 0; y < L; y++) best[y] = allowed(-1, y) ? t[L * L + y]! + emit[y]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (ok[p * L + y] === 0) continue;
        const v = best[(i - 1) * L + p]! + t[p * L + y]!;
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[i * L + y] = top + emit[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  let y = 0;
  for (let k = 1; k < L; k++) if (best[(n - 1) * L + k]! > best[(n - 1) * L + y]!) y = k;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = y;
    y = back[i * L + y]!;
  }
  return labels;
}

const tables = new Map<number, Uint8Array>();

// allowed(p, y) for every pair of `labels` labels, 1 where allowed (the decoder's inner loop asks it n·L² times).
function allowedTable(labels: number): Uint8Array {
  let table = tables.get(labels);
  if (!table) {
    table = new Uint8Array(labels * labels);
    for (let p = 0; p < labels; p++) for (let y = 0; y < labels; y++) table[p * labels + y] = allowed(p, y) ? 1 : 0;
    tables.set(labels, table);
  }
  return table;
}

/// A decoded span with the probability that exactly it (this start, end and type) is right.
export interface ScoredSpan extends LabelSpan {
  probability: number;
}

/// The Viterbi spans of a sentence, each with its probability under the scores divided by `temperature`
/// (forward–backward over valid label sequences).
export function decodeWithConfidence(scorer: Scorer, emit: Float64Array, n: number, temperature: number): ScoredSpan[] {
  const spans = decodeSpans(viterbi(scorer, emit, n));
  if (spans.length === 0) return [];
  const probabilities = spanProbabilities(scorer, emit, n, temperature, spans);
  return spans.map((s, k) => ({ ...s, probability: probabilities[k]! }));
}

/// The probability of each of `spans` (exactly that start, end and type) under the scores divided by `temperature`
/// (forward–backward over valid label sequences); spans need not be the decoded ones.
export function spanProbabilities(scorer: Scorer, emit: Float64Array, n: number, temperature: number, spans: readonly LabelSpan[]): number[] {
  if (spans.length === 0) return [];
  const L = scorer.labels;
  const t = scorer.transitions;
  const scale = 1 / temperature;
  const e = (i: number, y: number) => emit[i * L + y]! * scale;
  const tr = (p: number, y: number) => (allowed(p, y) ? t[(p < 0 ? L : p) * L + y]! * scale : -Infinity);
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const terms = new Float64Array(L);
  for (let y = 0; y < L; y++) alpha[y] = tr(-1, y) + e(0, y);
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      for (let p = 0; p < L; p++) terms[p] = alpha[(i - 1) * L + p]! + tr(p, y);
      alpha[i * L + y] = logSumExp(terms) + e(i, y);
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let y = 0; y < L; y++) {
      for (let q = 0; q < L; q++) terms[q] = tr(y, q) + e(i + 1, q) + beta[(i + 1) * L + q]!;
      beta[i * L + y] = logSumExp(terms);
    }
  }
  const logZ = logSumExp(alpha.subarray((n - 1) * L, n * L));
  return spans.map((s) => {
    const b = 1 + 2 * s.type;
    const inside = b + 1;
    let path = alpha[s.start * L + b]!;
    let prev = b;
    for (let i = s.start + 1; i < s.end; i++) {
      path += tr(prev, inside) + e(i, inside);
      prev = inside;
    }
    let tail = 0;
    if (s.end < n) {
      const after: number[] = [];
      for (let q = 0; q < L; q++) if (!(isInside(q) && q === inside)) after.push(tr(prev, q) + e(s.end, q) + beta[s.end * L + q]!);
      tail = logSumExp(Float64Array.from(after));
    }
    return Math.min(1, Math.exp(path + tail - logZ));
  });
}

function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/// The scorer of a label set over `types` types with the given weights (helper for tests and training).
export function scorerOf(types: number, row: (hash: number) => number | undefined, weights: ArrayLike<number>, transitions: ArrayLike<number>): Scorer {
  return { labels: labelCount(types), row, weights, transitions };
}
