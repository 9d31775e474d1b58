/// Strict and lenient precision / recall / F1 of entity suggestions against gold spans, summed over sentences.
/// Strict: same start, end and type. Lenient: same type and overlapping. Each gold entity matches at most once.

/// A span with a type, in code points; gold entities and suggestions both fit.
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/// True positives, false positives and false negatives.
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/// Counts for one sentence, for the entities of `types` only.
export function countMatches(gold: readonly TypedSpan[], found: readonly TypedSpan[], types: readonly string[], lenient: boolean): Counts {
  const g = gold.filter((e) => types.includes(e.type));
  const f = found.filter((e) => types.includes(e.type));
  const matches = (a: TypedSpan, b: TypedSpan) =>
    a.type === b.type && (lenient ? a.start < b.end && b.start < a.end : a.start === b.start && a.end === b.end);
  const used = new Set<number>();
  let tp = 0;
  for (const s of f) {
    const i = g.findIndex((e, k) => !used.has(k) && matches(e, s));
    if (i >= 0) {
      used.add(i);
      tp++;
    }
  }
  return { tp, fp: f.length - tp, fn: g.length - tp };
}

/// Adds `b` into `a`.
export function addCounts(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

/// Precision, recall and F1 of counts (0 where undefined).
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/// One printed line: label, P, R, F1 and the counts.
export function formatRow(label: string, c: Counts): string {
  const { p, r, f1 } = prf(c);
  return `${label.padEnd(13)} P ${p.toFixed(2)}  R ${r.toFixed(2)}  F1 ${f1.toFixed(2)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}
