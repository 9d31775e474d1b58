import { CodePointIndex } from '../../text/codepoints';
import { isDigit, isHan } from '../char-class';
import { characterStatistics } from '../char-statistics';
import type { LanguageModel, OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';

/// A word must occur at least this often in the model to count as real (rare entries include OCR-like typos).
const MIN_WORD_FREQUENCY = 20;
/// A character that ends at least this many distinct dictionary words is a suffix (市, 署, 部, 军, 股 …): after
/// a word or a number, its first copy ends that word (维也纳市 + 市长, 第96军 + 军长).
const SUFFIX_TYPES = 100;
/// A character this common as a word by itself (市, 省 …) begins a clause on its own (，市市场监管局).
const FREE_STANDING = 20_000;

/// Proposes removing a character the OCR engine read twice (`非非常时期`, `每每时刻` → `每时每刻`).
///
/// Real reduplication stays: a doubled character is left alone when the pair, or the pair with a neighbour,
/// is a common word (人人, 常常, 走走停停), 一 precedes it (一个个, 一幕幕), in AABB patterns (许许多多), when the first copy
/// is a suffix ending the word or number before it (维也纳市市长, 第96军军长) or a common word beginning a clause
/// (，市市场监管局), and repeats longer than two (哈哈哈) are never touched; words are read across line breaks.
/// Otherwise the doubling is a suggestion when dropping one copy, or moving it one place (每每时刻 → 每时每刻),
/// forms a common word. Needs a language model; not safe.
export function doubledCharRule(context: RuleContext): OcrSuggestion[] {
  const model = context.model;
  if (model === undefined) return [];
  const chars = context.chars;
  const suggestions: OcrSuggestion[] = [];
  const index = new CodePointIndex(context.text);
  // A back-reference finds doubled characters natively instead of comparing every neighbour pair.
  for (const match of context.text.matchAll(/(\p{Script=Han})\1/gu)) {
    const i = index.toCp(match.index);
    const ch = chars[i]!;
    if (!isHan(ch) || chars[i - 1] === ch || chars[i + 2] === ch) continue;
    if (isAabb(chars, i)) continue;
    // Words run on across the OCR's line breaks (档⏎案馆馆藏): the checks read the lines joined.
    const near = joinedAround(chars, i);
    // A known four-character phrase outweighs the pair being a word of its own (每每 is one, 每时每刻 wins).
    const moved = transposition(chars, i, model);
    if (moved === undefined && isRealReduplication(near.chars, near.at, model)) continue;
    const suggestion = moved ?? deletion(chars, i, model);
    if (suggestion !== undefined) suggestions.push(suggestion);
  }
  return suggestions;
}

/// True when the doubled pair at `i`, alone or with one neighbour on either side, is a common word.
function isRealReduplication(chars: readonly string[], i: number, model: LanguageModel): boolean {
  const spans: [number, number][] = [
    [i, i + 2],
    [i - 1, i + 2],
    [i, i + 3],
    [i - 2, i + 2],
    [i, i + 4],
  ];
  // 一个个, 一幕幕, 一句句: 一 with a doubled measure word is a regular pattern of the language.
  if (chars[i - 1] === '一') return true;
  const ch = chars[i]!;
  const stats = characterStatistics(model, ch);
  // A suffix after a word or a number ends it, and its second copy begins the next word (维也纳市市长, 药品股股长).
  // Names of places run long (斯特拉斯堡市市长): words of up to six characters count here.
  if (stats.ends >= SUFFIX_TYPES && (isDigit(chars[i - 1]) || wordEndingAt(chars, i - 1, model, 6) !== undefined)) return true;
  // A common one-character word at the start of a clause stands on its own (，市市场监管局).
  if (stats.alone >= FREE_STANDING && !isHan(chars[i - 1])) return true;
  if (spans.some(([from, to]) => from >= 0 && to <= chars.length && isCommon(chars.slice(from, to).join(''), model))) {
    return true;
  }
  // Each copy belongs to its own word (城市 + 市场): a real sequence, not a doubling.
  return wordEndingAt(chars, i, model) !== undefined && wordStartingAt(chars, i + 1, model) !== undefined;
}

/// AABB reduplication (许许多多, 枝枝叶叶): the doubled pair at `i` is next to another doubled pair.
function isAabb(chars: readonly string[], i: number): boolean {
  return (chars[i + 2] === chars[i + 3] && isHan(chars[i + 2])) || (chars[i - 2] === chars[i - 1] && isHan(chars[i - 2]));
}

/// Up to six characters on each side of the doubled pair at `i`, line breaks left out, and where the pair's first
/// character is among them.
function joinedAround(chars: readonly string[], i: number): { chars: string[]; at: number } {
  const before: string[] = [];
  for (let k = i - 1; k >= 0 && before.length < 6; k--) if (chars[k] !== '\n') before.unshift(chars[k]!);
  const after: string[] = [];
  for (let k = i; k < chars.length && after.length < 8; k++) if (chars[k] !== '\n') after.push(chars[k]!);
  return { chars: [...before, ...after], at: before.length };
}

/// The longest common word of 2–4 characters that starts at `start`.
function wordStartingAt(chars: readonly string[], start: number, model: LanguageModel): string | undefined {
  for (let length = Math.min(4, model.maxWordLength); length >= 2; length--) {
    if (start + length > chars.length) continue;
    const word = chars.slice(start, start + length).join('');
    if (isCommon(word, model)) return word;
  }
  return undefined;
}

/// The longest common word of 2–4 (or `longest`) characters that ends with the character at `end`.
function wordEndingAt(chars: readonly string[], end: number, model: LanguageModel, longest = 4): string | undefined {
  for (let length = Math.min(longest, model.maxWordLength); length >= 2; length--) {
    if (end + 1 - length < 0) continue;
    const word = chars.slice(end + 1 - length, end + 1).join('');
    if (isCommon(word, model)) return word;
  }
  return undefined;
}

/// `X X Y Z` where `X Y X Z` is a common word: one copy moved rather than doubled.
function transposition(chars: readonly string[], i: number, model: LanguageModel): OcrSuggestion | undefined {
  if (i + 4 > chars.length) return undefined;
  const [x, , y, z] = chars.slice(i, i + 4);
  const word = `${x}${y}${x}${z}`;
  if (!isHan(y) || !isHan(z) || !isCommon(word, model)) return undefined;
  return {
    start: i,
    end: i + 4,
    replacement: word,
    rule: 'doubled-char',
    confidence: 0.75,
    ...explain('doubled-char.phrase', { ch: x!, word }),
    safe: false,
  };
}

/// Drops one copy when the remaining one forms a common word with the next or previous characters.
function deletion(chars: readonly string[], i: number, model: LanguageModel): OcrSuggestion | undefined {
  const ch = chars[i]!;
  const word = wordStartingAt(chars, i + 1, model) ?? wordEndingAt(chars, i, model);
  if (word === undefined) return undefined;
  return {
    start: i,
    end: i + 1,
    replacement: '',
    rule: 'doubled-char',
    confidence: 0.7,
    ...explain('doubled-char.extra', { ch, word }),
    safe: false,
  };
}

function isCommon(word: string, model: LanguageModel): boolean {
  return model.wordFrequency(word) >= MIN_WORD_FREQUENCY;
}
