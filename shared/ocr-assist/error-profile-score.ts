import { isHan } from './char-class';
import type { ErrorProfile } from './error-profile';
import { segment } from './segmentation';
import type { LanguageModel } from './types';

/// A language-model gate for the profile rule: how much more probable (natural log) the text is with `replacement`
/// in place of code points [start, end) than as read; null when the model cannot tell. The "ocrlm" gate plugs in
/// here; without one the profile's counts alone decide.
export type ProfileMargin = (chars: readonly string[], start: number, end: number, replacement: string) => number | null;

/// What the profile rule is given: the corpus's profile and, optionally, a language-model gate.
export interface ProfileInput {
  profile: ErrorProfile;
  margin?: ProfileMargin;
}

/// One replacement candidate for a reading, with its counts ready for lookups.
export interface CompiledCandidate {
  to: string;
  count: number;
  left: ReadonlyMap<string, number>;
  right: ReadonlyMap<string, number>;
}

/// A reading the profile knows, with its candidates and how often it stands as correct.
export interface CompiledReading {
  from: readonly string[];
  candidates: CompiledCandidate[];
  kept: { count: number; left: ReadonlyMap<string, number>; right: ReadonlyMap<string, number> };
}

/// The profile indexed for matching: readings by their first code point, longest first.
export type CompiledProfile = ReadonlyMap<string, CompiledReading[]>;

const compiled = new WeakMap<ErrorProfile, CompiledProfile>();

/// The profile indexed by first code point (computed once per profile object).
export function compileProfile(profile: ErrorProfile): CompiledProfile {
  const cached = compiled.get(profile);
  if (cached) return cached;
  const kept = new Map(profile.kept.map((k) => [k.text, { count: k.count, left: new Map(k.left), right: new Map(k.right) }]));
  const byReading = new Map<string, CompiledReading>();
  for (const e of profile.entries) {
    let reading = byReading.get(e.from);
    if (!reading) {
      reading = { from: Array.from(e.from), candidates: [], kept: kept.get(e.from) ?? { count: 0, left: new Map(), right: new Map() } };
      byReading.set(e.from, reading);
    }
    reading.candidates.push({ to: e.to, count: e.count, left: new Map(e.left), right: new Map(e.right) });
  }
  const index = new Map<string, CompiledReading[]>();
  for (const reading of byReading.values()) {
    const list = index.get(reading.from[0]!) ?? [];
    list.push(reading);
    index.set(reading.from[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.from.length - a.from.length);
  compiled.set(profile, index);
  return index;
}

/// Weight of the reading's overall odds against the evidence of its neighbours.
const PRIOR_WEIGHT = 2;

/// How likely a reading beside `left` and `right` is the misreading of `candidate`, from the counts alone.
///
/// The overall odds are the corrections against the times the reading stands as correct (plus one, so a
/// reading corrected once and never seen otherwise starts at one half); the neighbours then move them: each side
/// whose neighbour was seen at corrections counts for, each side whose neighbour was seen beside the correct
/// reading counts against, with the overall odds weighing PRIOR_WEIGHT.
export function profileScore(candidate: CompiledCandidate, reading: CompiledReading, left: string, right: string): { score: number; near: number } {
  const prior = candidate.count / (candidate.count + reading.kept.count + 1);
  const near = (candidate.left.get(left) ?? 0) + (candidate.right.get(right) ?? 0);
  const against = (reading.kept.left.get(left) ?? 0) + (reading.kept.right.get(right) ?? 0);
  return { score: (near + PRIOR_WEIGHT * prior) / (near + against + PRIOR_WEIGHT), near };
}

/// Han characters on each side of a reading that the default gate compares.
const GATE_REACH = 3;

/// A default gate from the word-frequency model: the unigram segmentation cost of the Han characters around the
/// reading (GATE_REACH each side) as read, minus that cost with the replacement in. Null when the reading or the
/// replacement is not all Han (punctuation and digits are not the word model's business).
export function unigramMargin(model: LanguageModel): ProfileMargin {
  return (chars, start, end, replacement) => {
    const replaced = Array.from(replacement);
    if (start === end || replaced.length === 0 || !replaced.every(isHan) || !chars.slice(start, end).every(isHan)) return null;
    let from = start;
    while (from > 0 && start - from < GATE_REACH && isHan(chars[from - 1])) from--;
    let to = end;
    while (to < chars.length && to - end < GATE_REACH && isHan(chars[to])) to++;
    const before = segment(chars.slice(from, to), model).cost;
    const after = segment([...chars.slice(from, start), ...replaced, ...chars.slice(end, to)], model).cost;
    return before - after;
  };
}
