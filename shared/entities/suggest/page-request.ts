import { suggestEntities } from './index';
import type { EntitySuggestion, PosTagger, Rejection, TaggedWord } from './types';
import type { CorpusEntityDecisions } from '../corpus-rejections';
import { loadModel, type LearnedModel, type StoredModel } from '../learn/model';

/// A page's part-of-speech words (from jieba in the main process) with the text they were computed on, packed
/// into a few strings and one typed array: a worker receives them in one cheap copy instead of a clone of
/// 100,000 word objects.
export interface TaggedPage {
  /// The text the words were computed on.
  text: string;
  /// The words, concatenated.
  joined: string;
  /// The UTF-16 length of each word in `joined`.
  lengths: Uint32Array;
  /// The tag of each word, separated by single spaces (tags never contain spaces).
  tags: string;
}

/// Everything a whole-page suggestion run needs, as plain data, so it can be posted to a worker.
///
/// Offsets in `existing`, `rejected` and the answer are code points on `text`.
export interface PageSuggestRequest {
  text: string;
  /// Entity text → type for every string tagged anywhere in the corpus, as entries.
  known: readonly (readonly [string, string])[];
  /// Part-of-speech words; used only when computed on this very `text` (words of another text are stale).
  tagged?: TaggedPage;
  /// Spans already tagged on the page.
  existing: readonly { start: number; end: number }[];
  /// Suggestions the editor rejected.
  rejected: readonly Rejection[];
  /// The corpus's rejections and ignore list.
  corpusDecisions?: CorpusEntityDecisions;
  /// The model learned from the corpus's tags, as stored (plain data, so it can be posted to a worker).
  model?: StoredModel;
}

/// Runs every suggester on a whole page, as the editor's first run does.
///
/// Pure and synchronous: the app runs it in a Web Worker (renderer/entities/suggest.worker.ts); tests call it
/// directly.
export function suggestForPage(request: PageSuggestRequest): EntitySuggestion[] {
  const tagger = request.tagged ? taggerFor(request.tagged) : undefined;
  return suggestEntities(request.text, {
    known: new Map(request.known),
    existing: request.existing,
    rejected: request.rejected,
    ...(tagger && { tagger }),
    ...(request.corpusDecisions && { corpusDecisions: request.corpusDecisions }),
    ...(request.model && { model: usableModel(request.model) }),
  });
}

// The last model read, so a worker that gets the same stored model with every run reads it once.
let lastModel: { key: string; model: LearnedModel | undefined } | null = null;

/// The stored model ready to use (undefined when it cannot be read: suggestions then come without it).
export function usableModel(stored: StoredModel): LearnedModel | undefined {
  const key = `${stored.stats.trainedAt}:${stored.hashes.length}:${stored.weights.length}`;
  if (lastModel?.key !== key) {
    const loaded = loadModel(stored);
    lastModel = { key, model: loaded.ok ? loaded.model : undefined };
  }
  return lastModel.model;
}

/// Packs tagged words computed on `text` into a `TaggedPage`.
export function packTaggedWords(text: string, words: readonly TaggedWord[]): TaggedPage {
  const lengths = new Uint32Array(words.length);
  words.forEach((w, i) => (lengths[i] = w.word.length));
  return { text, joined: words.map((w) => w.word).join(''), lengths, tags: words.map((w) => w.tag).join(' ') };
}

/// The words of a `TaggedPage`, in order.
export function unpackTaggedWords(page: TaggedPage): TaggedWord[] {
  const tags = page.tags === '' ? [] : page.tags.split(' ');
  const words: TaggedWord[] = [];
  let at = 0;
  for (let i = 0; i < page.lengths.length; i++) {
    const length = page.lengths[i]!;
    words.push({ word: page.joined.slice(at, at + length), tag: tags[i] ?? '' });
    at += length;
  }
  return words;
}

/// A tagger that answers for the text its words were computed on, and gives no words for any other text.
export function taggerFor(page: TaggedPage): PosTagger {
  const words = unpackTaggedWords(page);
  return { tag: (text) => (text === page.text ? words : []) };
}
