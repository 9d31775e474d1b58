import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { PosTagger, TaggedWord } from '../../../shared/entities/suggest/types';

/// A part-of-speech tagger backed by jieba (`@node-rs/jieba`) with its bundled dictionary.
///
/// Loading the dictionary takes a few hundred milliseconds, so the instance is created on first use and shared.
export class JiebaTagger implements PosTagger {
  private static shared: Jieba | undefined;

  /// Splits `text` into words with jieba's tags (nr person, ns place, nt organisation …), HMM enabled for
  /// unknown words such as rare names.
  tag(text: string): TaggedWord[] {
    JiebaTagger.shared ??= Jieba.withDict(dict);
    return JiebaTagger.shared.tag(text, false).map(({ word, tag }) => ({ word, tag }));
  }
}
