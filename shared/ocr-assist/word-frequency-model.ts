import { pairFrequencies } from './pair-words';
import type { LanguageModel } from './types';

/// Builds a language model from word → frequency pairs.
///
/// Frequencies of a word listed twice add up. Used for the segmenter dictionary on the Node side and for
/// small hand-made models in tests. The two-character words are indexed for fast lookups as the model is built.
export function createWordFrequencyModel(entries: Iterable<readonly [string, number]>): LanguageModel {
  const frequencies = new Map<string, number>();
  let totalFrequency = 0;
  let maxWordLength = 1;
  for (const [word, frequency] of entries) {
    if (word === '' || !(frequency > 0)) continue;
    frequencies.set(word, (frequencies.get(word) ?? 0) + frequency);
    totalFrequency += frequency;
    maxWordLength = Math.max(maxWordLength, Array.from(word).length);
  }
  const model: LanguageModel = {
    wordFrequency: (word) => frequencies.get(word) ?? 0,
    totalFrequency: Math.max(totalFrequency, 1),
    maxWordLength,
    forEachWord: (visit) => frequencies.forEach((frequency, word) => visit(word, frequency)),
  };
  // Index the two-character words now, while the model loads, rather than during the first suggestion request.
  pairFrequencies(model);
  return model;
}

/// Reads a jieba-style dictionary: one `word frequency [tag]` entry per line.
///
/// Lines that do not parse are skipped, so a stray header or blank line does no harm.
export function parseWordFrequencyList(text: string): [string, number][] {
  const entries: [string, number][] = [];
  for (const line of text.split('\n')) {
    const [word, count] = line.trim().split(/\s+/);
    const frequency = Number(count);
    if (word !== undefined && word !== '' && Number.isFinite(frequency) && frequency > 0) {
      entries.push([word.normalize('NFC'), frequency]);
    }
  }
  return entries;
}
