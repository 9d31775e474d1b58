import { CALIBRATION } from './calibration-data';
import { characterStatistics, compositionalSupport } from './char-statistics';
import { lookAlikesOf } from './confusion-table';
import { glyphLookAlikesOf } from './glyph-neighbours';
import { isHan } from './char-class';
import type { LookAlikeChoice } from './rules/look-alike';
import type { LanguageModel } from './types';

/// A swap is judged at all when it makes the window at least this many times more probable (natural log): the
/// gate below decides, so this only keeps hopeless candidates from being scored.
export const CANDIDATE_GAIN = Math.log(10);
/// A character swap is proposed when the gate's probability that it is right reaches this.
export const MIN_PROBABILITY = 0.8;

/// A character that begins (or ends) at least this many distinct dictionary words, standing where the swap's word
/// would put it at the word's start (or end), is taken to form a word the dictionary lacks (卡 in 卡点, 园 in the
/// name 敬德园) rather than to be misread: the improbable-character rule leaves it alone. On the dev material
/// (injected misreadings) this costs about a tenth of that rule's right swaps and removes half its wrong ones.
export const PRODUCTIVE_AFFIX = 300;

/// Which fitted gate judges a swap: the confusion-table rule and the improbable-character rule see different
/// candidates (the latter only characters that form no word with either neighbour), so each has its own.
export type GateKind = 'look-alike' | 'improbable-char';

/// Names of the features, in the order of the fitted weights (after the intercept).
export const FEATURE_NAMES = [
  'gain',
  'log alone(ocr)',
  'log alone(replacement)',
  'log freq(word)',
  'log affix(ocr)',
  'in confusion table',
  'glyph rank',
  'log pair(ocr)',
  'log total(ocr)',
  'compositional support(ocr)',
  'orphan left by the swap',
] as const;

/// A fitted gate: logistic weights (intercept first, then one per feature of `FEATURE_NAMES`) give a score in 0..1,
/// and an isotonic map, fitted on the same development candidates, turns that score into the share of swaps
/// that were right: `isotonic` lists [score, probability] points, increasing in both; between two points the
/// probability is interpolated, beyond the ends it is the end's.
export interface GateWeights {
  weights: readonly number[];
  isotonic?: readonly (readonly [number, number])[];
}

/// What speaks for and against swapping the character at `index` for `choice.replacement`, as numbers.
///
/// The language model's margin (`gain`: how much more probable the window reads with the swap, natural log) is
/// the main one; the rest say how plausible the OCR reading still is: a character that is common on its own
/// (递), that readily begins or ends words where the replacement's word would put it (卡 begins 卡片, 卡车 …, so
/// 卡点 may well be a word the dictionary lacks; 园 ends 花园, 公园 …, so 敬德园 may be a name), or that forms a
/// word with a neighbour. The pair's likeness in print counts too (hand-listed confusable, glyph rank).
export function lookAlikeFeatures(chars: readonly string[], index: number, choice: LookAlikeChoice, model: LanguageModel): number[] {
  const ch = chars[index]!;
  const ocr = characterStatistics(model, ch);
  const replacement = characterStatistics(model, choice.replacement);
  const affix = affixCount(chars, index, choice, model);
  const glyphs = glyphLookAlikesOf(ch);
  const rank = glyphs.indexOf(choice.replacement);
  let pair = 0;
  if (isHan(chars[index - 1])) pair = Math.max(pair, model.wordFrequency(chars[index - 1]! + ch));
  if (isHan(chars[index + 1])) pair = Math.max(pair, model.wordFrequency(ch + chars[index + 1]!));
  return [
    choice.gain,
    Math.log1p(ocr.alone),
    Math.log1p(replacement.alone),
    Math.log1p(model.wordFrequency(choice.word)),
    Math.log1p(affix),
    lookAlikesOf(ch).includes(choice.replacement) ? 1 : 0,
    rank < 0 ? 9 : rank,
    Math.log1p(pair),
    Math.log1p(ocr.total),
    ocrPairSupport(chars, index, choice, model),
    orphan(chars, choice, model),
  ];
}

/// How many distinct dictionary words the OCR character begins (when the swap's word would start with it), ends
/// (when that word would end with it), or the smaller of both (inside the word).
export function affixCount(chars: readonly string[], index: number, choice: LookAlikeChoice, model: LanguageModel): number {
  const ocr = characterStatistics(model, chars[index]!);
  const atStart = choice.wordStart === index;
  const atEnd = choice.wordStart + Array.from(choice.word).length - 1 === index;
  return atStart && !atEnd ? ocr.begins : atEnd && !atStart ? ocr.ends : Math.min(ocr.begins, ocr.ends);
}

/// How well the OCR character fits, as a word the dictionary lacks, with the neighbour the replacement's word
/// takes in (see `compositionalSupport`): the larger over both sides when the word spans both.
function ocrPairSupport(chars: readonly string[], index: number, choice: LookAlikeChoice, model: LanguageModel): number {
  const end = choice.wordStart + Array.from(choice.word).length;
  let best = 0;
  if (index > choice.wordStart && isHan(chars[index - 1])) best = Math.max(best, compositionalSupport(model, chars[index - 1]!, chars[index]!));
  if (index + 1 < end && isHan(chars[index + 1])) best = Math.max(best, compositionalSupport(model, chars[index]!, chars[index + 1]!));
  return best;
}

/// 1 when the replacement's word takes a character away from its neighbour and leaves that neighbour alone, as
/// a character that is rarely a word by itself (敬德园 → 敬 + 德国: 敬 is left over); 0 otherwise. The OCR
/// reading is then likely a name or a word of its own.
function orphan(chars: readonly string[], choice: LookAlikeChoice, model: LanguageModel): number {
  const end = choice.wordStart + Array.from(choice.word).length;
  const left = choice.wordStart - 1;
  const bound = (k: number, outer: number): boolean => {
    if (!isHan(chars[k]) || !isHan(chars[outer])) return isHan(chars[k]) && isBound(chars[k]!, model);
    const pair = outer < k ? chars[outer]! + chars[k]! : chars[k]! + chars[outer]!;
    return model.wordFrequency(pair) < 3 && isBound(chars[k]!, model);
  };
  return bound(left, left - 1) || bound(end, end + 1) ? 1 : 0;
}

/// True for a character that is mostly part of longer words (under a fifth of its uses alone).
function isBound(ch: string, model: LanguageModel): boolean {
  const stats = characterStatistics(model, ch);
  return stats.total > 0 && stats.alone < 0.2 * stats.total;
}

/// The probability that the swap is right: a logistic model of `lookAlikeFeatures`, fitted on development
/// material (see docs/ocr-language-model.md), so that swaps shown at 0.9 are right about nine times in ten.
export function judgeLookAlike(chars: readonly string[], index: number, choice: LookAlikeChoice, model: LanguageModel, kind: GateKind): number {
  return probabilityOf(CALIBRATION[kind], lookAlikeFeatures(chars, index, choice, model));
}

/// The gate's calibrated probability for one feature vector: the logistic score through the isotonic map.
export function probabilityOf(gate: GateWeights, features: readonly number[]): number {
  return calibrate(gate, logisticScore(gate, features));
}

/// The logistic model's score (0..1) for one feature vector, before the isotonic map.
export function logisticScore(gate: GateWeights, features: readonly number[]): number {
  let z = gate.weights[0] ?? 0;
  for (let k = 0; k < features.length; k++) z += (gate.weights[k + 1] ?? 0) * features[k]!;
  return 1 / (1 + Math.exp(-z));
}

/// The isotonic map of a gate applied to a logistic score (the score itself when the gate has none).
export function calibrate(gate: GateWeights, score: number): number {
  const points = gate.isotonic;
  if (points === undefined || points.length === 0) return score;
  if (score <= points[0]![0]) return points[0]![1];
  for (let k = 1; k < points.length; k++) {
    const [x1, y1] = points[k]!;
    if (score <= x1) {
      const [x0, y0] = points[k - 1]!;
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (score - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1]![1];
}
