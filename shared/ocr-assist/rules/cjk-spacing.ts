import { isCjkPunctuation, isDigit, isHan, isInlineSpace } from '../char-class';
import type { PageLine } from '../lines';
import type { OcrSuggestion, RuleContext } from '../types';
import { explain, type Why } from '../explain';

/// Punctuation after which a space may separate a byline (`……安全感。 记者 武跃林`), so it is kept.
const SENTENCE_STOPS = new Set(['。', '！', '？']);

/// Any inline space; lines without one are skipped quickly.
const SPACE = /[ \u3000\u00a0\t]/u;

/// How many one-character tokens a line needs before single spaces between Han characters count as the
/// letter-spacing an OCR engine adds (`党 员 年 龄`) rather than a deliberate gap (`本通 摄`, `短 评`).
const MIN_SPACED_TOKENS = 3;

/// Proposes removing spaces OCR put between Chinese characters, around numbers and next to full-width punctuation.
///
/// `11 月 30 日 ，` becomes `11月30日，`; `党 员 年 龄` becomes `党员年龄`. Spaces between Latin words,
/// indentation, and the gap in bylines (`记者 刘淑花`) or slogans (`闻令动 显真情 铸忠诚`) stay. Safe.
export function cjkSpacingRule(context: RuleContext): OcrSuggestion[] {
  const suggestions: OcrSuggestion[] = [];
  for (const line of context.lines) {
    if (line.length === 0 || !SPACE.test(line.trimmed)) continue;
    const chars = context.chars.slice(line.start, line.end);
    const letterSpaced = countSingleTokens(line) >= MIN_SPACED_TOKENS;
    for (const run of innerSpaceRuns(chars)) {
      const reason = spuriousReason(chars, run.from, run.to, letterSpaced);
      if (reason === undefined) continue;
      suggestions.push({
        start: line.start + run.from,
        end: line.start + run.to,
        replacement: '',
        rule: 'cjk-spacing',
        confidence: reason.confidence,
        explanation: reason.explanation,
        why: reason.why,
        safe: true,
      });
    }
  }
  return suggestions;
}

function spuriousReason(
  chars: readonly string[],
  from: number,
  to: number,
  letterSpaced: boolean,
): { confidence: number; explanation: string; why: Why } | undefined {
  const left = chars[from - 1];
  const right = chars[to];
  if ((isDigit(left) && isHan(right)) || (isHan(left) && isDigit(right))) {
    return { confidence: 0.9, ...explain('cjk-spacing.number') };
  }
  // After a full stop the space may lead to a byline; in a letter-spaced line a single character follows instead.
  const afterStop = SENTENCE_STOPS.has(left!) && !(letterSpaced && tokenLength(chars, to, 1) === 1);
  if (isCjkPunctuation(right) || (isCjkPunctuation(left) && !afterStop)) {
    return { confidence: 0.9, ...explain('cjk-spacing.punctuation') };
  }
  if (letterSpaced && isHan(left) && isHan(right) && tokenLength(chars, from, -1) <= 2 && tokenLength(chars, to, 1) <= 2) {
    const single = tokenLength(chars, from, -1) === 1 || tokenLength(chars, to, 1) === 1;
    if (single) return { confidence: 0.85, ...explain('cjk-spacing.letter-spaced') };
  }
  return undefined;
}

/// Runs of spaces with text on both sides (indentation and trailing spaces are not touched).
function innerSpaceRuns(chars: readonly string[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let i = 0;
  while (i < chars.length && isInlineSpace(chars[i])) i++;
  while (i < chars.length) {
    if (!isInlineSpace(chars[i])) {
      i++;
      continue;
    }
    const from = i;
    while (i < chars.length && isInlineSpace(chars[i])) i++;
    if (i < chars.length) runs.push({ from, to: i });
  }
  return runs;
}

/// Length of the space-delimited token that touches position `edge` going in `direction` (-1 left, 1 right).
function tokenLength(chars: readonly string[], edge: number, direction: -1 | 1): number {
  let length = 0;
  for (let i = direction < 0 ? edge - 1 : edge; i >= 0 && i < chars.length && !isInlineSpace(chars[i]); i += direction) {
    length++;
  }
  return length;
}

function countSingleTokens(line: PageLine): number {
  return line.trimmed.split(/[\s\u3000]+/u).filter((token) => Array.from(token).length === 1 && isHan(token)).length;
}
