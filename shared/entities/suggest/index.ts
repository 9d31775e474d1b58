import { suggestKnown } from './known';
import { mergeSuggestions } from './merge';
import { withoutPlacesInTitles } from './rules-quoted';
import { suggestByRules } from './rules';
import { AFTER_NAME } from './han';
import { namesToRepeat, suggestRepeats } from './repeat';
import { placeWords, suggestFromSegmenter } from './segmenter';
import { checkRulesWithSegmenter } from './segmenter-check';
import type { EntitySuggestion, PosTagger, Rejection } from './types';
import { pushAll } from '../../push-all';
import { suggestAbbreviations } from './rules-abbreviation';
import { suggestOrganisationsByStructure } from './rules-org-structure';
import { suggestFromEvidence } from './segmenter-evidence';
import { suggestPersonsFromSegmenter } from './segmenter-persons';
import { suggestListedNames } from './name-lists';

export type { EntitySuggestion, PosTagger, Rejection, SuggestionSource, TaggedWord } from './types';

/// Everything `suggestEntities` may use besides the text.
export interface SuggestOptions {
  /// Entity text → type for every string tagged anywhere in the corpus.
  known?: ReadonlyMap<string, string>;
  /// A part-of-speech tagger: the weak segmenter signal, and a check that drops rule-based places and
  /// organisations whose stem it reads as a phrase. Left out, both are skipped.
  tagger?: PosTagger;
  /// Spans already tagged on this text.
  existing?: readonly { start: number; end: number }[];
  /// Suggestions the editor rejected.
  rejected?: readonly Rejection[];
  /// Names found by rules elsewhere on the page (text → type), also looked for in this text; given when only a
  /// part of the page is re-read (see `refreshSuggestions`).
  pageNames?: ReadonlyMap<string, string>;
  /// Which sources to run (default all available).
  sources?: readonly ('known' | 'rule' | 'segmenter')[];
}

/// Suggests entities for a page's text from all sources, merged, de-duplicated and without rejected ones; places
/// inside a document title or a short quoted term are left out (see `withoutPlacesInTitles`).
///
/// Offsets are code points on `text`.
export function suggestEntities(text: string, options: SuggestOptions = {}): EntitySuggestion[] {
  const sources = new Set(options.sources ?? ['known', 'rule', 'segmenter']);
  const all: EntitySuggestion[] = [];
  const words = options.tagger ? placeWords(text, options.tagger) : undefined;
  if (sources.has('known') && options.known && options.known.size > 0) pushAll(all, suggestKnown(text, options.known));
  if (sources.has('rule')) {
    const ruled = suggestByRules(text);
    const checked = words ? checkRulesWithSegmenter(ruled, words) : ruled;
    pushAll(all, checked);
    const names = namesToRepeat(checked);
    for (const [name, type] of options.pageNames ?? []) if (!names.has(name)) names.set(name, type);
    pushAll(all, suggestRepeats(text, names, AFTER_NAME));
  }
  if (sources.has('segmenter') && options.tagger && words) pushAll(all, suggestFromSegmenter(text, options.tagger, words));
  // Issue 15 (generalising rules): abbreviations in context and the segmenter's good evidence; see
  // docs/entities-generalise.md.
  if (words) {
    const cps = Array.from(text);
    if (sources.has('rule')) pushAll(all, suggestAbbreviations(cps, words));
    if (sources.has('rule')) pushAll(all, suggestOrganisationsByStructure(cps, words));
    if (sources.has('segmenter')) pushAll(all, suggestFromEvidence(cps, words, options.tagger));
    if (sources.has('segmenter')) pushAll(all, suggestPersonsFromSegmenter(cps, words, options.tagger));
    if (sources.has('rule')) pushAll(all, suggestListedNames(cps, all));
  }
  return mergeSuggestions(withoutPlacesInTitles(all, Array.from(text)), { existing: options.existing, rejected: options.rejected });
}
