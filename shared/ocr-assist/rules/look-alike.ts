import { isHan } from '../char-class';
import { CodePointIndex } from '../../text/codepoints';
import { CONFUSABLE, lookAlikesOf } from '../confusion-table';
import { hanWindow, segment, wordSpanAt } from '../segmentation';
import { CANDIDATE_GAIN, judgeLookAlike, MIN_PROBABILITY } from '../lm-gate';
import type { LanguageModel, OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';
import { inNameBeforeTitle } from '../name-context';

/// How many characters on each side the model looks at.
const REACH = 4;
/// In the quick screen, the candidate's best word must be this many times as frequent as the current one's.
const SCREEN_RATIO = 5;

/// A look-alike replacement the model prefers, with how much more probable it makes the window.
export interface LookAlikeChoice {
  replacement: string;
  /// Natural-log gain in probability of the window's best reading.
  gain: number;
  /// The word the replacement forms with its neighbours.
  word: string;
  /// Where that word begins (code-point index on the text).
  wordStart: number;
}

/// A look-alike swap the language model finds worth judging: the character's place, and the model's choice.
export interface LookAlikeFinding {
  index: number;
  choice: LookAlikeChoice;
}

/// Proposes swapping a character for a look-alike (己/已, 未/末, 人/入 …) when the language model says so.
///
/// Candidates come from the confusion table; a swap is judged only when the replacement forms a word with its
/// neighbours and makes the surrounding characters clearly more probable; the gate (`judgeLookAlike`) then
/// weighs that margin with what speaks for the OCR reading (a character that readily begins or ends words, as
/// 卡 in 卡点) into a calibrated probability, and only a swap likely enough is proposed, with that probability as
/// its confidence. Needs a language model; without one it proposes nothing. Not safe: the editor reviews each.
export function lookAlikeRule(context: RuleContext): OcrSuggestion[] {
  return context.model === undefined ? [] : gatedSwaps(context, lookAlikeFindings(context, CANDIDATE_GAIN), context.model, 'look-alike');
}

/// The findings of a one-character swap rule that the language-model gate (`judgeLookAlike`) lets through, each with
/// the gate's probability as its confidence. Not safe: the editor reviews each.
export function gatedSwaps(
  context: RuleContext,
  findings: Iterable<LookAlikeFinding>,
  model: LanguageModel,
  rule: 'look-alike' | 'improbable-char',
): OcrSuggestion[] {
  const suggestions: OcrSuggestion[] = [];
  for (const { index, choice } of findings) {
    const probability = judgeLookAlike(context.chars, index, choice, model, rule);
    if (probability < MIN_PROBABILITY) continue;
    suggestions.push({
      start: index,
      end: index + 1,
      replacement: choice.replacement,
      rule,
      confidence: probability,
      ...explain(rule, { ch: context.chars[index]!, replacement: choice.replacement, word: choice.word }),
      safe: false,
    });
  }
  return suggestions;
}

/// Every confusion-table swap whose reading the model prefers by more than `minGain`, before the gate: the rule
/// proposes the likely ones; the calibration bench fits the gate on all of them.
export function lookAlikeFindings(context: RuleContext, minGain: number): LookAlikeFinding[] {
  const model = context.model;
  if (model === undefined) return [];
  const findings: LookAlikeFinding[] = [];
  const offsets = new CodePointIndex(context.text);
  for (const match of context.text.matchAll(CONFUSABLE)) {
    const index = offsets.toCp(match.index);
    // A name before a title (汤局长) follows no dictionary.
    if (inNameBeforeTitle(context.chars, index)) continue;
    const choice = chooseLookAlike(context.chars, index, model, minGain);
    if (choice !== undefined) findings.push({ index, choice });
  }
  return findings;
}

/// The best look-alike of the character at `index`, if it improves the local reading by more than `minGain`.
///
/// `lookAlikes` are the candidates; by default the confusion table's look-alikes of the character.
export function chooseLookAlike(
  chars: readonly string[],
  index: number,
  model: LanguageModel,
  minGain: number,
  lookAlikes?: readonly string[],
): LookAlikeChoice | undefined {
  const ch = chars[index]!;
  const candidates = isHan(ch) ? (lookAlikes ?? lookAlikesOf(ch)) : [];
  if (candidates.length === 0) return undefined;
  const { from, to } = hanWindow(chars, index, REACH);
  if (to - from < 2) return undefined;
  if (inRepeatedPair(chars, index)) return undefined;
  // Cheap screen before the full comparison: the candidate must make a known word clearly more frequent than
  // any word the current character makes in the same place. Most candidates fail it.
  const currentBest = bestWordFrequency(chars, index, chars[index]!, from, to, model);
  const plausible = candidates.filter(
    (candidate) => bestWordFrequency(chars, index, candidate, from, to, model) > SCREEN_RATIO * currentBest,
  );
  if (plausible.length === 0) return undefined;
  const window = chars.slice(from, to);
  const current = segment(window, model).cost;
  let best: LookAlikeChoice | undefined;
  for (const candidate of plausible) {
    window[index - from] = candidate;
    const reading = segment(window, model);
    const span = wordSpanAt(reading, index - from);
    const gain = current - reading.cost;
    if (span !== undefined && Array.from(span.word).length >= 2 && gain > minGain && (best === undefined || gain > best.gain)) {
      best = { replacement: candidate, gain, word: span.word, wordStart: from + span.start };
    }
  }
  return best;
}

/// The frequency of the most frequent word of 2–3 characters that `candidate`, put at `index`, makes inside
/// [from, to); 0 when it makes none. (Four-character words are left to the full comparison, for speed.)
function bestWordFrequency(
  chars: readonly string[],
  index: number,
  candidate: string,
  from: number,
  to: number,
  model: LanguageModel,
): number {
  let best = 0;
  for (let length = 2; length <= 3; length++) {
    for (let start = Math.max(from, index - length + 1); start <= index && start + length <= to; start++) {
      let word = '';
      for (let i = start; i < start + length; i++) word += i === index ? candidate : chars[i];
      best = Math.max(best, model.wordFrequency(word));
    }
  }
  return best;
}

/// True when the character sits in a pair that is repeated right away (太多太多, 看看看看): deliberate
/// repetition, which an OCR misreading would not produce twice in a row.
function inRepeatedPair(chars: readonly string[], index: number): boolean {
  for (const start of [index - 1, index]) {
    if (start < 0 || start + 1 >= chars.length) continue;
    const first = chars[start];
    const second = chars[start + 1];
    if (chars[start + 2] === first && chars[start + 3] === second) return true;
    if (start >= 2 && chars[start - 2] === first && chars[start - 1] === second) return true;
  }
  return false;
}
