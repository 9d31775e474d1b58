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
import { applyCorpusEntityDecisions, type CorpusEntityDecisions } from '../corpus-rejections';
import type { LearnedModel } from '../learn/model';
import { learnedWithProbes } from '../learn/predict';
import { combineWithLearned, LEARNED_POLICY, type LearnedPolicy } from './learned-combine';
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
  sources?: readonly ('known' | 'rule' | 'segmenter' | 'learned')[];
  /// The corpus's rejections and ignore list (shared/entities/corpus-rejections.ts), applied before the merge.
  corpusDecisions?: CorpusEntityDecisions;
  /// The model learned from the corpus's tags (shared/entities/learn); it reads the rules' and the segmenter's
  /// suggestions as evidence, so it runs after them.
  model?: LearnedModel;
  /// How the model's suggestions combine with the others' (default `LEARNED_POLICY`; benches compare others).
  learnedPolicy?: LearnedPolicy;
}

/// Suggests entities for a page's text from all sources, merged, de-duplicated and without rejected ones; places
/// inside a document title or a short quoted term are left out (see `withoutPlacesInTitles`).
///
/// Offsets are code points on `text`.
export function suggestEntities(text: string, options: SuggestOptions = {}): EntitySuggestion[] {
  const sources = new Set(options.sources ?? ['known', 'rule', 'segmenter', 'learned']);
  const learn = sources.has('learned') && options.model !== undefined;
  const all: EntitySuggestion[] = [];
  const words = options.tagger ? placeWords(text, options.tagger) : undefined;
  if (sources.has('known') && options.known && options.known.size > 0) pushAll(all, suggestKnown(text, options.known));
  // The learned model reads the rules' and the segmenter's suggestions, so they run for it even when not shown.
  const votes: EntitySuggestion[] = [];
  if (sources.has('rule') || learn) {
    const ruled = suggestByRules(text);
    const checked = words ? checkRulesWithSegmenter(ruled, words) : ruled;
    pushAll(votes, checked);
    const names = namesToRepeat(checked);
    for (const [name, type] of options.pageNames ?? []) if (!names.has(name)) names.set(name, type);
    pushAll(votes, suggestRepeats(text, names, AFTER_NAME));
    if (sources.has('rule')) pushAll(all, votes);
  }
  if ((sources.has('segmenter') || learn) && options.tagger && words) {
    const segmented = suggestFromSegmenter(text, options.tagger, words);
    if (sources.has('segmenter')) pushAll(all, segmented);
    pushAll(votes, segmented);
  }
  const cps = Array.from(text);
  // Issue 15 (generalising rules): abbreviations in context, organisations by structure and the segmenter's good
  // evidence (docs/entities-generalise.md); they vote for the learned model too.
  if (words) {
    const ruled = sources.has('rule') || learn ? [...suggestAbbreviations(cps, words), ...suggestOrganisationsByStructure(cps, words)] : [];
    const segmented = sources.has('segmenter') || learn ? [...suggestFromEvidence(cps, words, options.tagger), ...suggestPersonsFromSegmenter(cps, words, options.tagger)] : [];
    if (sources.has('rule')) pushAll(all, ruled);
    if (sources.has('segmenter')) pushAll(all, segmented);
    if (sources.has('rule')) pushAll(all, suggestListedNames(cps, all));
    if (learn) {
      pushAll(votes, ruled);
      pushAll(votes, segmented);
      pushAll(votes, suggestListedNames(cps, votes));
    }
  }
  let combined: EntitySuggestion[] = all;
  if (learn) {
    // The votes as a run without the model gives them (what the model was trained on).
    const merged = mergeSuggestions(withoutPlacesInTitles(votes, cps));
    // The corpus's tagged strings vote too (the model learned how far to trust them).
    if (options.known && options.known.size > 0) pushAll(merged, suggestKnown(text, options.known));
    // The model is asked how likely each rule and segmenter suggestion is, so it can overrule them.
    // Only asked once the model may overrule them: forward–backward over every sentence costs time on a long page.
    const policy = options.learnedPolicy ?? LEARNED_POLICY;
    const ask = options.model!.stats.tags >= policy.overruleAt;
    const order = ask ? all.map((_, k) => k).sort((a, b) => all[a]!.start - all[b]!.start) : [];
    const probes = order.map((k) => all[k]!);
    const { found, probabilities } = learnedWithProbes(text, options.model!, { votes: merged, ...(words && { words }) }, probes);
    const byIndex: (number | null)[] = all.map(() => null);
    order.forEach((k, j) => (byIndex[k] = probabilities[j]!));
    combined = combineWithLearned(all, byIndex, found, options.model!, policy);
  }
  // The corpus's decisions: rejected-here and ignored suggestions go before the merge, the others are lowered after it.
  const decided = applyCorpusEntityDecisions(text, combined, options.corpusDecisions, 'drop');
  const merged = mergeSuggestions(withoutPlacesInTitles(decided, cps), { existing: options.existing, rejected: options.rejected });
  return applyCorpusEntityDecisions(text, merged, options.corpusDecisions, 'lower');
}

/// Tags a model must have learned from before it overrules other suggestions (see `combineWithLearned`).
export const LEARNED_TAKES_OVER_AT = LEARNED_POLICY.takeOverAt;
