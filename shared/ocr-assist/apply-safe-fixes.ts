import { applySafe } from './apply-safe';
import { suggestCorrections, type SuggestOptions } from './suggest';
import type { OcrSuggestion, RejectedSuggestion, RuleId } from './types';

const TYPOGRAPHY_RULES: readonly RuleId[] = ['cjk-spacing', 'punctuation-width'];
const NOISE_RULES: readonly RuleId[] = ['ocr-noise'];
const LAYOUT_RULES: readonly RuleId[] = ['reflow', 'vertical-headline'];

/// Applies every safe fix to a page: spacing and punctuation first, then noise lines, then layout repair, then
/// typography again.
///
/// A reflow suggestion spans a whole paragraph that also holds spacing fixes, so they cannot be applied in
/// one go. Typography runs first on the original text (where the editor's rejections apply by offset); noise
/// lines go next, so that layout repair does not take a speck for a paragraph of its own; layout
/// repair is then computed once on that result, so it judges the same line breaks as the original (never a
/// paragraph it already joined); a last typography pass catches spaces that meet across a joined line break.
/// Rejected suggestions are followed through each step's edits and stay out. Returns the fixed text and how
/// many suggestions were applied.
export function applySafeFixes(text: string, options: SuggestOptions = {}): { text: string; appliedCount: number } {
  const wanted = options.rules ?? [...TYPOGRAPHY_RULES, ...NOISE_RULES, ...LAYOUT_RULES];
  const typography = TYPOGRAPHY_RULES.filter((id) => wanted.includes(id));
  const noise = NOISE_RULES.filter((id) => wanted.includes(id));
  const layout = LAYOUT_RULES.filter((id) => wanted.includes(id));
  let rejected: readonly RejectedSuggestion[] = options.rejected ?? [];
  let current = text;
  let appliedCount = 0;
  const step = (rules: readonly RuleId[], exact: boolean): void => {
    if (rules.length === 0) return;
    const proposed = suggestCorrections(current, { model: options.model, rules, rejected: exact ? rejected : [] });
    const allowed = exact ? proposed : proposed.filter((s) => !rejected.some((r) => r.rule === s.rule && overlaps(r, s)));
    const result = applySafe(current, allowed);
    current = result.text;
    appliedCount += result.applied.length;
    rejected = rejected.map((r) => ({ ...r, start: mapOffset(r.start, result.applied), end: mapOffset(r.end, result.applied) }));
  };
  step(typography, true);
  step(noise, false);
  step(layout, false);
  step(typography, false);
  return { text: current, appliedCount };
}

/// Where offset `position` of the text before `edits` lands after them (edits sorted and non-overlapping).
function mapOffset(position: number, edits: readonly OcrSuggestion[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= position) shift += Array.from(edit.replacement).length - (edit.end - edit.start);
    else if (edit.start < position) return edit.start + shift + Array.from(edit.replacement).length;
    else break;
  }
  return position + shift;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
