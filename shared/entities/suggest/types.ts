/// Where a suggestion came from: a string already tagged in the corpus, a hand-written rule, a word segmenter, or
/// the model learned from the corpus's tags (shared/entities/learn).
export type SuggestionSource = 'known' | 'rule' | 'segmenter' | 'learned';

/// A proposed entity on a page's text; never stored as an entity until the editor accepts it.
///
/// `start`/`end` are code-point offsets on the text given to the suggester; `confidence` is in [0, 1] and is
/// comparable across sources (known strings high, rules medium to high, the segmenter low).
export interface EntitySuggestion {
  start: number;
  end: number;
  text: string;
  type: string;
  source: SuggestionSource;
  confidence: number;
}

/// A suggestion the editor rejected, as stored so it is not suggested again.
///
/// With `start`/`end` it rejects that one place; without them it rejects the text as that type everywhere.
export interface Rejection {
  text: string;
  type: string;
  start?: number;
  end?: number;
}

/// One word from a part-of-speech tagger, in order; concatenating all words gives back the text.
export interface TaggedWord {
  word: string;
  tag: string;
}

/// A Chinese word segmenter with part-of-speech tags, injected so `shared/` stays free of native modules.
///
/// Tags follow the ICTCLAS / jieba convention: nr person name, ns place name, nt organisation name.
export interface PosTagger {
  tag(text: string): TaggedWord[];
}
