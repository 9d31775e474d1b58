import type { PlacedWord } from '../suggest/segmenter';
import type { EntitySuggestion } from '../suggest/types';
import type { SentenceEvidence } from './features';
import type { SentenceExtent } from './sentences';

/// What the labeller reads of a whole text besides its characters: the segmenter's words (absent when none ran)
/// and the other suggesters' merged suggestions (code points on the text).
export interface TextEvidence {
  words?: readonly PlacedWord[];
  votes: readonly Pick<EntitySuggestion, 'start' | 'end' | 'type' | 'source'>[];
}

/// Cuts a text's evidence down to one sentence, in the sentence's offsets. `cursor` remembers how far the sorted
/// words and votes were read, so going through a page's sentences in order stays linear.
export function sentenceEvidence(
  evidence: TextEvidence,
  extent: SentenceExtent,
  cursor: { word: number; vote: number } = { word: 0, vote: 0 },
): SentenceEvidence {
  const words: SentenceEvidence['words'][number][] = [];
  const list = evidence.words ?? [];
  while (cursor.word < list.length && list[cursor.word]!.end <= extent.start) cursor.word++;
  for (let k = cursor.word; k < list.length && list[k]!.start < extent.end; k++) {
    const w = list[k]!;
    words.push({ start: Math.max(w.start, extent.start) - extent.start, end: Math.min(w.end, extent.end) - extent.start, tag: w.tag });
  }
  const votes: SentenceEvidence['votes'][number][] = [];
  while (cursor.vote < evidence.votes.length && evidence.votes[cursor.vote]!.end <= extent.start) cursor.vote++;
  for (let k = cursor.vote; k < evidence.votes.length && evidence.votes[k]!.start < extent.end; k++) {
    const v = evidence.votes[k]!;
    if (v.start >= extent.start && v.end <= extent.end) votes.push({ ...v, start: v.start - extent.start, end: v.end - extent.start });
  }
  return { words, votes };
}
