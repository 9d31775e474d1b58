import { splitLines } from './lines';
import type { CharConfidence, LanguageModel, RuleContext } from './types';

/// Prepares what every rule reads: code points and lines are computed once per page, not once per rule.
export function createRuleContext(
  text: string,
  inputs: { model?: LanguageModel; confidences?: readonly CharConfidence[] } = {},
): RuleContext {
  return { text, chars: Array.from(text), lines: splitLines(text), model: inputs.model, confidences: inputs.confidences };
}
