import { createRuleContext } from './context';
import { cjkSpacingRule } from './rules/cjk-spacing';
import { doubledCharRule } from './rules/doubled-char';
import { improbableCharRule } from './rules/improbable-char';
import { lookAlikeRule } from './rules/look-alike';
import { lowConfidenceRule } from './rules/low-confidence';
import { ocrNoiseRule } from './rules/ocr-noise';
import { profileRule } from './rules/profile';
import { punctuationWidthRule } from './rules/punctuation-width';
import { readingOrderRule } from './rules/reading-order';
import { reflowRule } from './rules/reflow';
import { traditionalRule } from './rules/traditional';
import { verticalHeadlineRule } from './rules/vertical-headline';
import type { ProfileInput } from './error-profile-score';
import {
  RULE_IDS,
  type CharConfidence,
  type LanguageModel,
  type LineBox,
  type OcrSuggestion,
  type RejectedSuggestion,
  type Rule,
  type RuleId,
} from './types';

export { applySafe } from './apply-safe';
export { applySafeFixes } from './apply-safe-fixes';

/// Optional inputs of `suggestCorrections`.
export interface SuggestOptions {
  /// Word frequencies for the look-alike and doubled-character rules; without it those rules stay silent.
  model?: LanguageModel;
  /// OCR engine confidences (code-point ranges on the text) for the low-confidence rule.
  confidences?: readonly CharConfidence[];
  /// Per line of the text, its region on the scan (null where unknown), for the reading-order rule; ignored unless
  /// there is one entry per line.
  lineBoxes?: readonly (LineBox | null)[];
  /// Suggestions the editor turned down; an identical suggestion is not proposed again.
  rejected?: readonly RejectedSuggestion[];
  /// The corpus's error profile (and optional language-model gate) for the `profile` rule.
  errorProfile?: ProfileInput;
  /// Run only these rules (all when absent).
  rules?: readonly RuleId[];
}

const RULES: Record<RuleId, Rule> = {
  'reading-order': readingOrderRule,
  reflow: reflowRule,
  'vertical-headline': verticalHeadlineRule,
  'cjk-spacing': cjkSpacingRule,
  'punctuation-width': punctuationWidthRule,
  'ocr-noise': ocrNoiseRule,
  'doubled-char': doubledCharRule,
  'look-alike': lookAlikeRule,
  'improbable-char': improbableCharRule,
  traditional: traditionalRule,
  profile: profileRule,
  'low-confidence': lowConfidenceRule,
};

/// Rules that move or join text rather than change characters.
const LAYOUT_RULES: ReadonlySet<RuleId> = new Set(['reading-order', 'reflow', 'vertical-headline']);
/// Rules whose character-level findings make a low-confidence flag on the same range redundant.
const CHARACTER_RULES: ReadonlySet<RuleId> = new Set(['doubled-char', 'look-alike', 'improbable-char', 'traditional', 'profile']);
/// Rules whose findings on a range make the general improbable-character flag on the same range redundant.
const SPECIFIC_RULES: ReadonlySet<RuleId> = new Set(['doubled-char', 'look-alike', 'traditional', 'profile']);

/// Finds OCR errors and layout damage in a page and proposes corrections, sorted by position.
///
/// `text` is the page's normalised text (NFC, LF); every offset in the result is a code point on it. Rejected
/// suggestions are left out; a reflow that overlaps blocks the reading-order rule would move waits until they are
/// moved; a low-confidence flag is dropped when another rule already proposes a fix for the same characters, and
/// an improbable-character flag when a more specific rule (look-alike, doubled, traditional) does.
export function suggestCorrections(text: string, options: SuggestOptions = {}): OcrSuggestion[] {
  const context = createRuleContext(text, options);
  const ruleIds = options.rules ?? RULE_IDS;
  const rejected = new Set((options.rejected ?? []).map(rejectionKey));
  const all = ruleIds.flatMap((id) => RULES[id](context));
  const fixedRanges = new Set(all.filter((s) => CHARACTER_RULES.has(s.rule)).map((s) => `${s.start}:${s.end}`));
  const specificRanges = new Set(all.filter((s) => SPECIFIC_RULES.has(s.rule)).map((s) => `${s.start}:${s.end}`));
  // The corpus's profile speaks where the general rules are silent: where one of them already proposes a change
  // to the same characters, the profile's is left out rather than listed twice.
  // One mark per code point the other rules change, so each profile suggestion is checked in its own length.
  const claimed = new Uint8Array(context.chars.length + 1);
  for (const o of all) if (o.rule !== 'profile' && !LAYOUT_RULES.has(o.rule)) claimed.fill(1, o.start, o.end);
  const standing = all.filter((s) => !rejected.has(rejectionKey(s)) && (s.rule !== 'profile' || !claimed.subarray(s.start, s.end).includes(1)));
  // Blocks out of reading order are moved before wrapped lines are joined: a reflow across them would fuse text of
  // different columns into one paragraph for good. Such reflows come back once the order is fixed (or rejected).
  const moves = standing.filter((s) => s.rule === 'reading-order');
  return standing
    .filter((s) => s.rule !== 'reflow' || !moves.some((m) => s.start < m.end && m.start < s.end))
    .filter((s) => s.rule !== 'low-confidence' || !fixedRanges.has(`${s.start}:${s.end}`))
    .filter((s) => s.rule !== 'improbable-char' || !specificRanges.has(`${s.start}:${s.end}`))
    .sort((a, b) => a.start - b.start || a.end - b.end || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule));
}

function rejectionKey(s: RejectedSuggestion): string {
  return `${s.rule}\u0000${s.start}\u0000${s.end}\u0000${s.replacement}`;
}
