import { isHan } from './char-class';
import type { LanguageModel } from './types';

/// Cost of a token that is not Han (digits, Latin, punctuation): the same in every variant compared.
const OTHER_TOKEN_COST = 8;
/// Longest word considered: longer dictionary entries rarely decide between two look-alike characters.
const MAX_WORD = 4;
/// Extra cost of a Han character the model does not know, on top of a half-count probability.
const UNKNOWN_CHAR_PENALTY = 4;

/// The cheapest way to read a run of characters as words, under a unigram word model.
export interface Segmentation {
  /// Sum of the words' costs (negative natural log of their probabilities).
  cost: number;
  /// The words, in order.
  words: string[];
}

/// Splits `chars` into the most probable sequence of dictionary words (Viterbi over a unigram model).
///
/// Used to compare readings of a short window: the reading whose words are more frequent costs less. A Han
/// character the model has never seen still forms a one-character word, at a high cost.
export function segment(chars: readonly string[], model: LanguageModel): Segmentation {
  const n = chars.length;
  const best = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  const maxLength = Math.max(1, Math.min(model.maxWordLength, MAX_WORD));
  for (let end = 1; end <= n; end++) {
    let word = '';
    for (let length = 1; length <= maxLength && length <= end; length++) {
      const start = end - length;
      word = chars[start]! + word;
      const cost = wordCost(word, length, chars[start]!, model);
      if (best[start]! + cost < best[end]!) {
        best[end] = best[start]! + cost;
        from[end] = start;
      }
    }
  }
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end]!) words.unshift(chars.slice(from[end]!, end).join(''));
  return { cost: best[n]!, words };
}

function wordCost(word: string, length: number, first: string, model: LanguageModel): number {
  if (length === 1) {
    if (!isHan(first)) return OTHER_TOKEN_COST;
    const frequency = model.wordFrequency(first);
    return frequency > 0
      ? Math.log(model.totalFrequency / frequency)
      : Math.log(model.totalFrequency / 0.5) + UNKNOWN_CHAR_PENALTY;
  }
  // Windows hold Han characters only (see hanWindow), so a multi-character word needs no further check.
  const frequency = model.wordFrequency(word);
  return frequency > 0 ? Math.log(model.totalFrequency / frequency) : Number.POSITIVE_INFINITY;
}

/// The word of a segmentation that contains character position `index` (counted in code points).
export function wordAt(segmentation: Segmentation, index: number): string | undefined {
  return wordSpanAt(segmentation, index)?.word;
}

/// The word of a segmentation that contains position `index`, with the position of its first character.
export function wordSpanAt(segmentation: Segmentation, index: number): { word: string; start: number } | undefined {
  let position = 0;
  for (const word of segmentation.words) {
    const length = Array.from(word).length;
    if (index < position + length) return { word, start: position };
    position += length;
  }
  return undefined;
}

/// The run of Han characters around `index`, at most `reach` characters on each side, as [from, to).
export function hanWindow(chars: readonly string[], index: number, reach: number): { from: number; to: number } {
  let from = index;
  while (from > 0 && index - from < reach && isHan(chars[from - 1])) from--;
  let to = index + 1;
  while (to < chars.length && to - index <= reach && isHan(chars[to])) to++;
  return { from, to };
}
