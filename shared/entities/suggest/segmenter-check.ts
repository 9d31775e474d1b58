import type { PlacedWord } from './segmenter';
import type { EntitySuggestion } from './types';
import { PLACE_SUFFIXES } from './rules-suffix';
import { isGazetteerName } from './gazetteer';
import { lowerBound } from '../../sorted-search';

// Part-of-speech tags that never occur inside a place or organisation name before its suffix word:
// pronouns, numerals, measure words, prepositions, conjunctions, particles, adverbs.
const NEVER_IN_NAME = /^(r|rr|rz|m|mq|q|p|c|u|uj|ul|uz|uv|ud|ug|d|ad|dg|t|tg)$/;
// Numerals that name units and ranks inside organisations (第一人民医院, 交警支队一大队) are the exception.
const ORDINAL = /^第?[一二三四五六七八九十百零〇0-9０-９]+$/u;
// Places are checked more strictly: a verb inside a place's stem (加入社区, 推动社区) shows a phrase, not a name.
const NEVER_IN_PLACE = /^(v|vd|vi|vg)$/;

/// Drops rule-based place and organisation suggestions whose stem the segmenter reads as a phrase, places it reads
/// as one ordinary noun (禁渔区), and people guessed from layout alone whose text it reads as one ordinary word (a
/// line holding only 简讯).
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
    if (s.source === 'rule' && s.type === 'PER' && s.confidence <= LAYOUT_GUESS_CONFIDENCE) return !isOrdinaryWord(s, words, starts);
    // A person guessed from its context (a title before, a speech verb after) whose text the segmenter reads as one
    // ordinary word (应该说, 房东表示), or whose end cuts one of its words (胡适学术, 鲁宾上周): not a name.
    if (s.source === 'rule' && s.type === 'PER' && s.confidence < BYLINE_CONFIDENCE) return !isOrdinaryWord(s, words, starts) && !endsInsideAnyWord(s, words, starts);
    if (s.source !== 'rule' || (s.type !== 'LOC' && s.type !== 'ORG')) return true;
    let i = lowerBound(starts, s.start);
    // A place the segmenter reads as one ordinary noun or verb (禁渔区: n) is a kind of area, not a name.
    const whole = words[i];
    // A name of the gazetteer (合肥/n in a weather table) is kept: the gazetteer is the stronger evidence.
    if (s.type === 'LOC' && whole !== undefined && whole.start === s.start && whole.end === s.end && /^(n|vn|v)$/.test(whole.tag) && !isGazetteerName(s.text)) return false;
    const inside: PlacedWord[] = [];
    for (; i < words.length && words[i]!.end <= s.end; i++) inside.push(words[i]!);
    if (s.type === 'ORG' && isGenericOrganisation(s, inside)) return false;
    inside.pop();
    if (inside.some((w) => (NEVER_IN_NAME.test(w.tag) && !ORDINAL.test(w.word)) || (s.type === 'LOC' && NEVER_IN_PLACE.test(w.tag)))) return false;
    // A road by number (330国道) has a two-character suffix that is a word of its own.
    return !(s.type === 'LOC' && !/[0-9０-９]/u.test(s.text) && endsInsideWord(s, words, starts));
  });
}

// Tags of common words: nouns, verbal nouns, distinguishing words, verbs, adjectives, idioms.
const COMMON_TAGS = /^(n|vn|b|v|a|l|an|vd)$/;

// True for an organisation made only of common words, with no owner (航空公司, 医药公司, 试点学校): a kind of
// organisation, not a name. A level (市政府) or a place (兰溪市人民医院) at its start makes it a name.
function isGenericOrganisation(s: EntitySuggestion, inside: readonly PlacedWord[]): boolean {
  if (inside.length === 0 || inside[0]!.start !== s.start || inside.at(-1)!.end !== s.end) return false;
  if ('省市县区镇乡村'.includes(Array.from(s.text)[0]!) || isGazetteerName(inside[0]!.word)) return false;
  return inside.every((w) => COMMON_TAGS.test(w.tag) && w.end - w.start >= 2);
}

// Place suffixes of two characters or more, which the segmenter reads as words of their own (社区, 街道).
const LONG_SUFFIXES = new Set(PLACE_SUFFIXES.map((rule) => rule.suffix).filter((suffix) => suffix.length > 1));

// True when a place's suffix is not a word end the segmenter agrees with: the suffix starts a longer word (村里,
// 路滑) or ends a common two-character word with the stem's last character (盲区, 视线盲区 is no place).
function endsInsideWord(s: EntitySuggestion, words: readonly PlacedWord[], starts: readonly number[]): boolean {
  let i = lowerBound(starts, s.end - 1);
  if (i === words.length || words[i]!.start > s.end - 1) i--;
  const last = words[i];
  if (last === undefined || last.start > s.end - 1 || last.end <= s.end - 1) return false;
  // The word runs on past the name: only a word that starts at the suffix says so (村里, 路滑, 镇上).
  if (last.end > s.end) return last.start >= s.end - 2;
  const twoCharacterWord = last.end - last.start === 2 && last.start > s.start;
  return twoCharacterWord && !LONG_SUFFIXES.has(last.word) && !/^(ns|nt|nz|nr)/.test(last.tag);
}

// Names after a byline word have this confidence; they are not checked.
const BYLINE_CONFIDENCE = 0.9;

// True when the suggestion's end falls inside a content word of the segmenter (学术, 上周). A name word (平正 in
// 施国平正和) or a function word (依从 in 沙马阿依从) across the end is the segmenter's misreading of an unknown name.
function endsInsideAnyWord(s: EntitySuggestion, words: readonly PlacedWord[], starts: readonly number[]): boolean {
  let i = lowerBound(starts, s.end);
  if (i === words.length || words[i]!.start > s.end) i--;
  const w = words[i];
  return w !== undefined && w.start < s.end && s.end < w.end && !/^(nr|p|c|d|u|r)/.test(w.tag);
}

// People guessed from a line's layout alone (a line holding only 简讯 or 王泽) have this confidence or less.
const LAYOUT_GUESS_CONFIDENCE = 0.6;

// True when the segmenter reads exactly the suggestion's span as one word that is not a name (简讯: n).
function isOrdinaryWord(s: EntitySuggestion, words: readonly PlacedWord[], starts: readonly number[]): boolean {
  const word = words[lowerBound(starts, s.start)];
  return word !== undefined && word.start === s.start && word.end === s.end && !word.tag.startsWith('nr');
}
