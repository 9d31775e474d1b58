import { ORGANISATION_SUFFIXES, PLACE_SUFFIXES, suggestBySuffix } from './rules-suffix';
import { suggestDates } from './rules-date';
import { countryNames, suggestGazetteerPlaces } from './gazetteer';
import { suggestNumberedRoads } from './rules-numbered-road';
import { suggestPersons } from './rules-person';
import { suggestShortBodies } from './rules-government';
import { suggestSubunits } from './rules-subunit';
import { joinLayoutGaps, mapFromJoined } from './joined-view';
import type { EntitySuggestion } from './types';
import { pushAll } from '../../push-all';

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
  if (view.changed) pushAll(found, withoutWorseJoinedNames(found, mapFromJoined(view, runRules(view.text), text)));
  return found;
}

/// The joined view's suggestions, less the people that a suggestion on the text itself already gives at the same
/// start with at least the same confidence: a name that ends a line (辅警魏芳⏎⏎点赞…) has a clear end there, and
/// joining the next line would only turn it into a guess (魏芳点).
function withoutWorseJoinedNames(direct: readonly EntitySuggestion[], joined: EntitySuggestion[]): EntitySuggestion[] {
  const directPeople = new Map<number, number>();
  for (const s of direct) if (s.type === 'PER') directPeople.set(s.start, Math.max(s.confidence, directPeople.get(s.start) ?? 0));
  return joined.filter((s) => s.type !== 'PER' || (directPeople.get(s.start) ?? -1) < s.confidence);
}

const COUNTRIES = new Set([...countryNames(), '中国']);

/// True for a country's name + 政府 (美国政府): news annotators (People's Daily, MSRA) tag the country as a place and
/// the government not at all; our own gold pages have no such case, so theirs is followed.
function isCountryGovernment(text: string): boolean {
  return text.endsWith('政府') && COUNTRIES.has(text.slice(0, -2));
}

function runRules(text: string): EntitySuggestion[] {
  const cps = Array.from(text);
  const organisations = suggestBySuffix(text, ORGANISATION_SUFFIXES, 'ORG', ORGANISATION_RULE_CONFIDENCE, cps).filter((s) => !isCountryGovernment(s.text));
  return [
    ...suggestPersons(text, cps),
    ...suggestBySuffix(text, PLACE_SUFFIXES, 'LOC', PLACE_RULE_CONFIDENCE, cps),
    ...organisations,
    ...suggestSubunits(organisations, cps),
    ...suggestShortBodies(text, ORGANISATION_RULE_CONFIDENCE),
    ...suggestDates(text),
    ...suggestGazetteerPlaces(cps),
    ...suggestNumberedRoads(text, PLACE_RULE_CONFIDENCE),
  ];
}
