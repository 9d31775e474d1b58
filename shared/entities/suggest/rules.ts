import { ORGANISATION_SUFFIXES, PLACE_SUFFIXES, suggestBySuffix } from './rules-suffix';
import { suggestDates } from './rules-date';
import { suggestPersons } from './rules-person';
import { joinLayoutGaps, mapFromJoined } from './joined-view';
import type { EntitySuggestion } from './types';

/// Confidence of a place found by its administrative suffix.
export const PLACE_RULE_CONFIDENCE = 0.7;
/// Confidence of an organisation found by its suffix.
export const ORGANISATION_RULE_CONFIDENCE = 0.75;

/// Runs every hand-written rule on the text and on its joined view (layout line breaks and OCR spaces between
/// Chinese characters removed), so names split by a column wrap are found too; results may overlap and are
/// de-duplicated by `mergeSuggestions`.
export function suggestByRules(text: string): EntitySuggestion[] {
  const view = joinLayoutGaps(text);
  const found = runRules(text);
  if (view.changed) found.push(...mapFromJoined(view, runRules(view.text), text));
  return found;
}

function runRules(text: string): EntitySuggestion[] {
  const cps = Array.from(text);
  return [
    ...suggestPersons(text, cps),
    ...suggestBySuffix(text, PLACE_SUFFIXES, 'LOC', PLACE_RULE_CONFIDENCE, cps),
    ...suggestBySuffix(text, ORGANISATION_SUFFIXES, 'ORG', ORGANISATION_RULE_CONFIDENCE, cps),
    ...suggestDates(text),
  ];
}
