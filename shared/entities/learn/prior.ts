import type { SentenceEvidence } from './features';
import { encodeSpans } from './labels';

/// The labels the other suggesters give a sentence, for the model's prior: the rules' and the segmenter's merged
/// suggestions (what the editor sees without a model) as BIO labels over the model's `types`, O elsewhere. The
/// corpus strings are left out (they stay a feature: alone they over-suggest, e.g. 中 tagged once).
///
/// The model adds `prior` to the score of these labels (see `addPrior`), so before it has learned anything it
/// answers what the rules answer, and training only moves weights where the rules were wrong (residual learning:
/// with a few hundred tagged sentences the character features otherwise override rules that were right).
export function priorLabels(n: number, votes: SentenceEvidence['votes'], types: readonly string[]): Uint8Array {
  const index = new Map(types.map((t, i) => [t, i]));
  const spans: { start: number; end: number; type: number }[] = [];
  for (const v of votes) {
    if (v.source === 'known' || v.source === 'learned') continue;
    const type = index.get(v.type);
    if (type !== undefined) spans.push({ start: v.start, end: v.end, type });
  }
  // Longer first, as the merge keeps them.
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return encodeSpans(n, spans);
}

/// Adds `weight` to each character's prior label in `emit` (n × labels scores).
export function addPrior(emit: Float64Array, prior: Uint8Array | undefined, labels: number, weight: number): void {
  if (!prior || weight === 0) return;
  for (let i = 0; i < prior.length; i++) emit[i * labels + prior[i]!]! += weight;
}
