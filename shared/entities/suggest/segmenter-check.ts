import type { PlacedWord } from './segmenter';
import type { EntitySuggestion } from './types';

// Part-of-speech tags that never occur inside a place or organisation name before its suffix word:
// pronouns, numerals, measure words, prepositions, conjunctions, particles, adverbs.
const NEVER_IN_NAME = /^(r|rr|rz|m|mq|q|p|c|u|uj|ul|uz|uv|ud|ug|d|ad|dg)$/;
// Places are checked more strictly: a verb inside a place's stem (加入社区, 推动社区) shows a phrase, not a name.
const NEVER_IN_PLACE = /^(v|vd|vi|vg)$/;

/// Drops rule-based place and organisation suggestions whose stem the segmenter reads as a phrase.
///
/// The words lying wholly inside a suggestion, except its last word (which carries the suffix), must not be
/// pronouns, numerals, prepositions, conjunctions, particles or adverbs, nor verbs for places. Single-character
/// words count too: on a name it does not know (上地嘉园) the segmenter falls back to single characters with
/// guessed tags and the name is lost, but ignoring them let through far more phrases than it saved names (tried
/// and measured; see tests/fixtures/entities/NOTE.md). People, dates and other sources pass unchanged. This uses
/// the segmenter only as a check on rules, never to invent entities.
export function checkRulesWithSegmenter(suggestions: readonly EntitySuggestion[], words: readonly PlacedWord[]): EntitySuggestion[] {
  const starts = words.map((w) => w.start);
  return suggestions.filter((s) => {
    if (s.source !== 'rule' || (s.type !== 'LOC' && s.type !== 'ORG')) return true;
    let i = lowerBound(starts, s.start);
    const inside: PlacedWord[] = [];
    for (; i < words.length && words[i]!.end <= s.end; i++) inside.push(words[i]!);
    inside.pop();
    return !inside.some((w) => NEVER_IN_NAME.test(w.tag) || (s.type === 'LOC' && NEVER_IN_PLACE.test(w.tag)));
  });
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
