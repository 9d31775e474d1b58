/// A check shared by the segmenter passes: whether the "given name" of a word the dictionary tags as a person is,
/// read alone, one ordinary word (雷阵雨 → 阵雨/n, 田径赛 → 径赛/n, 高增值 → 增值/v), which shows a word the
/// dictionary wrongly tags nr rather than a name.
import { surnameLength } from './han';
import type { PosTagger } from './types';

/// Tags of ordinary words.
const ORDINARY_TAGS = /^(n|vn|v|a|ad|an|t|d)$/;

/// True when the characters of `word` (code points) after its surname are one ordinary word for `tagger`.
export function givenNameIsOrdinaryWord(word: readonly string[], tagger: PosTagger): boolean {
  const given = word.slice(surnameLength(word, 0)).join('');
  if (Array.from(given).length < 2) return false;
  const read = tagger.tag(given);
  return read.length === 1 && ORDINARY_TAGS.test(read[0]!.tag);
}
