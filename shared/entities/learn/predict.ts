import { codePoints } from '../suggest/han';
import type { EntitySuggestion } from '../suggest/types';
import { decodeWithConfidence, emissions, type Scorer } from './decode';
import { SEGMENTER_SLOTS, SLOTS, sentenceFeatures } from './features';
import { sentenceEvidence, type TextEvidence } from './evidence';
import { labelCount } from './labels';
import type { LearnedModel } from './model';
import { splitSentences } from './sentences';

/// The scorer of a loaded model.
export function modelScorer(model: LearnedModel): Scorer {
  return { labels: labelCount(model.types.length), row: (hash) => model.rows.get(hash), weights: model.weights, transitions: model.transitions };
}

/// The learned model's entities in `text`, sentence by sentence, each with the probability the model gives it.
///
/// Without segmenter words the segmenter features are left out (the model was trained to read text that way too).
/// Offsets are code points on `text`.
export function suggestLearned(text: string, model: LearnedModel, evidence: TextEvidence): EntitySuggestion[] {
  const cps = codePoints(text);
  const scorer = modelScorer(model);
  const numbers = cps.map((c) => c.codePointAt(0)!);
  const found: EntitySuggestion[] = [];
  const cursor = { word: 0, vote: 0 };
  const votes = [...evidence.votes].sort((a, b) => a.start - b.start);
  const ordered: TextEvidence = { votes, ...(evidence.words && { words: evidence.words }) };
  for (const extent of splitSentences(cps)) {
    const n = extent.end - extent.start;
    const local = sentenceEvidence(ordered, extent, cursor);
    const features = sentenceFeatures(numbers.slice(extent.start, extent.end), local);
    const emit = emissions(scorer, features, n, evidence.words ? SLOTS : SEGMENTER_SLOTS);
    for (const span of decodeWithConfidence(scorer, emit, n, model.temperature)) {
      const start = extent.start + span.start;
      const end = extent.start + span.end;
      found.push({ start, end, text: cps.slice(start, end).join(''), type: model.types[span.type]!, source: 'learned', confidence: round(span.probability) });
    }
  }
  return found;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
