import { codePoints } from '../suggest/han';
import type { EntitySuggestion } from '../suggest/types';
import { decodeWithConfidence, emissions, spanProbabilities, type Scorer } from './decode';
import { SEGMENTER_SLOTS, SLOTS, sentenceFeatures } from './features';
import { sentenceEvidence, type TextEvidence } from './evidence';
import { labelCount } from './labels';
import type { LearnedModel } from './model';
import { splitSentences } from './sentences';
import { addPrior, priorLabels } from './prior';

/// The scorer of a loaded model.
export function modelScorer(model: LearnedModel): Scorer {
  return { labels: labelCount(model.types.length), row: (hash) => model.rows.get(hash), weights: model.weights, transitions: model.transitions };
}

/// A span whose probability under the model is asked for (code points on the text).
export interface Probe {
  start: number;
  end: number;
  type: string;
}

/// The learned model's entities in `text`, sentence by sentence, each with the probability the model gives it.
///
/// Without segmenter words the segmenter features are left out (the model was trained to read text that way too).
/// Offsets are code points on `text`.
export function suggestLearned(text: string, model: LearnedModel, evidence: TextEvidence): EntitySuggestion[] {
  return learnedWithProbes(text, model, evidence, []).found;
}

/// `suggestLearned`, and for each of `probes` (sorted by start) the probability the model gives exactly that span:
/// null for a span of a type the model does not know or one that crosses a sentence end.
export function learnedWithProbes(
  text: string,
  model: LearnedModel,
  evidence: TextEvidence,
  probes: readonly Probe[],
): { found: EntitySuggestion[]; probabilities: (number | null)[] } {
  const cps = codePoints(text);
  const scorer = modelScorer(model);
  const numbers = cps.map((c) => c.codePointAt(0)!);
  const found: EntitySuggestion[] = [];
  const probabilities: (number | null)[] = probes.map(() => null);
  const typeIndex = new Map(model.types.map((t, i) => [t, i]));
  const cursor = { word: 0, vote: 0 };
  let probe = 0;
  const votes = [...evidence.votes].sort((a, b) => a.start - b.start);
  const ordered: TextEvidence = { votes, ...(evidence.words && { words: evidence.words }) };
  for (const extent of splitSentences(cps)) {
    const n = extent.end - extent.start;
    const local = sentenceEvidence(ordered, extent, cursor);
    const features = sentenceFeatures(numbers.slice(extent.start, extent.end), local);
    const emit = emissions(scorer, features, n, evidence.words ? SLOTS : SEGMENTER_SLOTS);
    addPrior(emit, priorLabels(n, local.votes, model.types), scorer.labels, model.prior);
    for (const span of decodeWithConfidence(scorer, emit, n, model.temperature)) {
      const start = extent.start + span.start;
      const end = extent.start + span.end;
      found.push({ start, end, text: cps.slice(start, end).join(''), type: model.types[span.type]!, source: 'learned', confidence: round(span.probability) });
    }
    while (probe < probes.length && probes[probe]!.start < extent.start) probe++;
    const asked: { k: number; start: number; end: number; type: number }[] = [];
    for (let k = probe; k < probes.length && probes[k]!.start < extent.end; k++) {
      const p = probes[k]!;
      const type = typeIndex.get(p.type);
      if (type !== undefined && p.end <= extent.end) asked.push({ k, start: p.start - extent.start, end: p.end - extent.start, type });
    }
    if (asked.length > 0) spanProbabilities(scorer, emit, n, model.temperature, asked).forEach((p, j) => (probabilities[asked[j]!.k] = p));
  }
  return { found, probabilities };
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
