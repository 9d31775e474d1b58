import { splitLines } from './lines';
import type { ProfileInput } from './error-profile-score';
import type { CharConfidence, LanguageModel, LineBox, RuleContext } from './types';

/// Prepares what every rule reads: code points and lines are computed once per page, not once per rule.
export function createRuleContext(
  text: string,
  inputs: { model?: LanguageModel; confidences?: readonly CharConfidence[]; lineBoxes?: readonly (LineBox | null)[]; errorProfile?: ProfileInput } = {},
): RuleContext {
  const lines = splitLines(text);
  // Regions given for another set of lines (the text was reflowed since) would put blocks in the wrong places.
  const lineBoxes = inputs.lineBoxes?.length === lines.length ? inputs.lineBoxes : undefined;
  return { text, chars: Array.from(text), lines, model: inputs.model, confidences: inputs.confidences, lineBoxes, ...(inputs.errorProfile ? { errorProfile: inputs.errorProfile } : {}) };
}
