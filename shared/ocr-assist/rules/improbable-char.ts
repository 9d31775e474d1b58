import { isHan } from '../char-class';
import { lookAlikesOf } from '../confusion-table';
import { glyphLookAlikesOf } from '../glyph-neighbours';
import {
  IDEOGRAPH_BLOCK_SIZE,
  IDEOGRAPH_BLOCK_START,
  inIdeographBlock,
  pairCodeFrequencies,
  pairFrequencies,
  type PairFrequency,
} from '../pair-words';
import type { LanguageModel, OcrSuggestion, RuleContext } from '../types';
import { chooseLookAlike, gatedSwaps, type LookAlikeFinding } from './look-alike';
import { inNameBeforeTitle } from '../name-context';
import { affixCount, CANDIDATE_GAIN, PRODUCTIVE_AFFIX } from '../lm-gate';

/// A stretch of 2–4 characters counts as a word when the model has seen it at least this often.
const WORD_FREQUENCY = 3;
/// Characters this frequent as one-character words (的, 了, 在 …) stand alone all the time; they are never flagged.
const FREE_STANDING = 50_000;
/// The word the replacement forms must be at least this common, so that a rare dictionary entry is no reason.
const MIN_REPLACEMENT_WORD = 50;
/// How far around a character (UTF-16 units) a second use of its pair makes it the page's vocabulary: a
/// newspaper page, or a stretch of a very long one.
const VOCABULARY_REACH = 20_000;
/// Longest word looked for around a character.
const MAX_WORD = 4;

/// Proposes replacing a character that fits neither neighbour with a look-alike in print that does.
///
/// A general detector of misread characters, beyond the fixed confusion table: a Han character is improbable
/// when it forms no word of 2–4 characters with its neighbours (a character bigram, trigram or four-gram the
/// word-frequency model never sees) and is not a common one-character word (的, 了 …). Such characters are
/// frequent in names too, so the rule flags one only when a look-alike of it in print (glyph shapes of a serif
/// CJK typeface, plus the confusion table) forms a common word with the neighbours and makes the surrounding
/// characters at least 100 times more probable. A pair the character forms with a neighbour that occurs again on
/// the page is the page's own vocabulary (a new word, a name) and is left alone, as are repeated pairs (太多太多)
/// characters that readily begin or end words where the replacement's word would put them (卡点, 敬德园: see
/// `PRODUCTIVE_AFFIX`), and the characters of a name before a title (汤局长). The language-model gate (`judgeLookAlike`) then turns the margin and what speaks for the OCR reading into a
/// calibrated probability; only likely swaps are proposed, with it as their confidence. Needs a language model;
/// not safe.
export function improbableCharRule(context: RuleContext): OcrSuggestion[] {
  return context.model === undefined ? [] : gatedSwaps(context, improbableFindings(context, CANDIDATE_GAIN), context.model, 'improbable-char');
}

/// Every improbable character with a look-alike the model prefers by more than `minGain`, before the gate.
export function improbableFindings(context: RuleContext, minGain: number): LookAlikeFinding[] {
  const model = context.model;
  if (model === undefined) return [];
  const chars = context.chars;
  const text = context.text;
  const pair = pairFrequencies(model);
  const pairOfCodes = pairCodeFrequencies(model);
  const findings: LookAlikeFinding[] = [];
  // Per character of the main ideograph block: 0 not yet known, 1 never a candidate (a common word on its own,
  // or no look-alike), 2 worth checking. Pages repeat their characters, so each is judged once.
  const worth = new Uint8Array(IDEOGRAPH_BLOCK_SIZE);
  // Walks the string by code units (cheaper than testing every code point string) and keeps the code-point
  // index `i` in step; characters of the main ideograph block in a two-character word are ruled out right here.
  for (let unit = 0, i = 0; unit < text.length; unit++, i++) {
    const code = text.charCodeAt(unit);
    if (code >= 0xd800 && code <= 0xdbff) unit++;
    // Below Extension A there are no ideographs to judge: Latin, digits, punctuation, spaces (and 〇).
    if (code < 0x3400) continue;
    if (inIdeographBlock(code)) {
      const previous = text.charCodeAt(unit - 1);
      const following = text.charCodeAt(unit + 1);
      if (inIdeographBlock(previous) && pairOfCodes(previous, code) >= WORD_FREQUENCY) continue;
      if (inIdeographBlock(following) && pairOfCodes(code, following) >= WORD_FREQUENCY) continue;
      const slot = code - IDEOGRAPH_BLOCK_START;
      if (worth[slot] === 0) worth[slot] = isCandidateCharacter(text[unit]!, model) ? 2 : 1;
      if (worth[slot] === 1) continue;
    }
    const ch = chars[i]!;
    if (!isHan(ch) || !standsAlone(chars, i, model, pair)) continue;
    // Only look-alikes that make a common two-character word with a neighbour are worth the full comparison.
    const candidates = lookAlikeCandidates(ch).filter((candidate) => makesPairWord(chars, i, candidate, pair));
    if (candidates.length === 0 || !isImprobable(chars, i, model)) continue;
    const choice = chooseLookAlike(chars, i, model, minGain, candidates);
    if (choice === undefined || model.wordFrequency(choice.word) < MIN_REPLACEMENT_WORD) continue;
    if (isPageVocabulary(text, unit, chars, i)) continue;
    // A character that readily begins or ends words, where the swap's word would put it, likely forms one the
    // dictionary lacks (卡点) or a name (敬德园).
    if (affixCount(chars, i, choice, model) >= PRODUCTIVE_AFFIX) continue;
    // A name before a title (汤局长) follows no dictionary.
    if (inNameBeforeTitle(chars, i)) continue;
    findings.push({ index: i, choice });
  }
  return findings;
}

/// True when a character can be flagged at all: it has look-alikes and is not a common word on its own.
function isCandidateCharacter(ch: string, model: LanguageModel): boolean {
  return model.wordFrequency(ch) < FREE_STANDING && lookAlikeCandidates(ch).length > 0;
}

/// True when the character at `i` forms no word with its neighbours and is not a common word on its own.
export function isImprobable(chars: readonly string[], i: number, model: LanguageModel): boolean {
  if (!standsAlone(chars, i, model, pairFrequencies(model))) return false;
  for (let length = 3; length <= Math.min(MAX_WORD, model.maxWordLength); length++) {
    for (let start = i - length + 1; start <= i; start++) if (formsWord(chars, start, start + length, model)) return false;
  }
  return true;
}

/// True when the character and one of its neighbours occur together elsewhere on the page too (within
/// `VOCABULARY_REACH` UTF-16 units of `unit`, the character's place): a word the dictionary lacks (消杀, 无疫) or
/// a name, since OCR rarely misreads the same pair twice the same way.
function isPageVocabulary(text: string, unit: number, chars: readonly string[], i: number): boolean {
  const pairs = [chars[i - 1] + chars[i]!, chars[i]! + chars[i + 1]].filter((pair) => Array.from(pair).every(isHan));
  const from = Math.max(0, unit - VOCABULARY_REACH);
  const to = unit + VOCABULARY_REACH;
  return pairs.some((pair) => {
    const first = text.indexOf(pair, from);
    if (first < 0 || first > to) return false;
    const second = text.indexOf(pair, first + pair.length);
    return second >= 0 && second <= to;
  });
}

/// The cheap half of `isImprobable`: no two-character word with either neighbour, and not a common word alone.
/// Most characters of running text are in a two-character word, so this rules out nearly all of them.
function standsAlone(chars: readonly string[], i: number, model: LanguageModel, pair: PairFrequency): boolean {
  const ch = chars[i]!;
  const before = chars[i - 1];
  const after = chars[i + 1];
  if (isHan(before) && pair(before!, ch) >= WORD_FREQUENCY) return false;
  if (isHan(after) && pair(ch, after!) >= WORD_FREQUENCY) return false;
  return model.wordFrequency(ch) < FREE_STANDING;
}

/// True when `candidate`, put at `i`, makes a common two-character word with the character before or after.
function makesPairWord(chars: readonly string[], i: number, candidate: string, pair: PairFrequency): boolean {
  const before = chars[i - 1];
  const after = chars[i + 1];
  return (
    (isHan(before) && pair(before!, candidate) >= MIN_REPLACEMENT_WORD) ||
    (isHan(after) && pair(candidate, after!) >= MIN_REPLACEMENT_WORD)
  );
}

function formsWord(chars: readonly string[], from: number, to: number, model: LanguageModel): boolean {
  if (from < 0 || to > chars.length) return false;
  let word = '';
  for (let k = from; k < to; k++) {
    if (!isHan(chars[k])) return false;
    word += chars[k];
  }
  return model.wordFrequency(word) >= WORD_FREQUENCY;
}

/// Look-alikes in print: glyph neighbours first, then the confusion table's, without repeats.
function lookAlikeCandidates(ch: string): readonly string[] {
  const table = lookAlikesOf(ch);
  if (table.length === 0) return glyphLookAlikesOf(ch);
  let merged = mergedCandidates.get(ch);
  if (merged === undefined) {
    merged = [...new Set([...glyphLookAlikesOf(ch), ...table])];
    mergedCandidates.set(ch, merged);
  }
  return merged;
}

/// Both tables are fixed, so a character's merged list is built once.
const mergedCandidates = new Map<string, readonly string[]>();
