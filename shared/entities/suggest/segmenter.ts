import { codePoints, surnameLength } from './han';
import type { EntitySuggestion, PosTagger } from './types';

/// Confidence of a segmenter-only suggestion: a weak signal, below every rule.
export const SEGMENTER_CONFIDENCE = 0.3;

const TYPE_BY_TAG: Record<string, string> = { nr: 'PER', ns: 'LOC', nt: 'ORG' };

/// One tagged word with its code-point offsets on the text.
export interface PlacedWord {
  start: number;
  end: number;
  word: string;
  tag: string;
}

/// Runs the tagger and places each word on the text in code points.
///
/// A word the tagger changed (not found at the cursor) is looked up forward so one mismatch does not shift
/// everything after it; a word not found at all is skipped.
export function placeWords(text: string, tagger: PosTagger): PlacedWord[] {
  const placed: PlacedWord[] = [];
  let utf16 = 0;
  let cp = 0;
  for (const { word, tag } of tagger.tag(text)) {
    if (word.length === 0) continue;
    const at = text.startsWith(word, utf16) ? utf16 : text.indexOf(word, utf16);
    if (at === -1) continue;
    cp += countCodePoints(text, utf16, at);
    const length = countCodePoints(text, at, at + word.length);
    placed.push({ start: cp, end: cp + length, word, tag });
    utf16 = at + word.length;
    cp += length;
  }
  return placed;
}

/// Suggests people, places and organisations from a part-of-speech tagger's nr/ns/nt words.
///
/// Adjacent nr words are joined (jieba often splits 王鹏 into 王 + 鹏). Single-character words are ignored, and
/// a person must look like a name (a common surname plus one or two characters), because jieba's dictionary
/// tags many ordinary words nr.
export function suggestFromSegmenter(text: string, tagger: PosTagger, words = placeWords(text, tagger)): EntitySuggestion[] {
  const found: EntitySuggestion[] = [];
  let pending: { start: number; end: number; text: string; type: string } | undefined;
  const flush = () => {
    if (pending && pending.end - pending.start >= 2 && (pending.type !== 'PER' || looksLikeName(pending.text))) {
      found.push({ ...pending, source: 'segmenter', confidence: SEGMENTER_CONFIDENCE });
    }
    pending = undefined;
  };
  for (const { start, end, word, tag } of words) {
    const type = TYPE_BY_TAG[tag];
    if (type === 'PER' && pending?.type === 'PER' && pending.end === start) {
      pending = { ...pending, end, text: pending.text + word };
    } else {
      flush();
      if (type !== undefined) pending = { start, end, text: word, type };
    }
  }
  flush();
  return found;
}

function looksLikeName(word: string): boolean {
  const cps = codePoints(word);
  const surname = surnameLength(cps, 0);
  return surname > 0 && cps.length - surname >= 1 && cps.length - surname <= 2;
}

function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) i++;
    count++;
  }
  return count;
}
