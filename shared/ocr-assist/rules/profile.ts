import { explain } from '../explain';
import { compileProfile, profileScore, unigramMargin, type CompiledCandidate, type CompiledReading } from '../error-profile-score';
import type { OcrSuggestion, RuleContext } from '../types';

/// A suggestion needs a score above this: the counts must favour the correction over the reading as it stands (a
/// reading corrected once, never seen otherwise and not beside the same characters stays at one half: not enough).
export const PROFILE_MIN_SCORE = 0.5;
/// Highest confidence shown: counts are never proof.
const MAX_CONFIDENCE = 0.97;
/// Below this score, a language model that finds the replacement much less probable vetoes it.
const LM_OVERRULES_BELOW = 0.9;
/// How much less probable (natural log) the replacement may be before the model vetoes it: names and rare words
/// the model does not know must not be vetoed for being rare.
const LM_TOLERANCE = 2;

/// Proposes the replacements this corpus's editor made before (the corpus's error profile) where the same OCR
/// reading stands on another page.
///
/// Each reading the profile knows is looked for by its first code point, longest first; of its candidates the
/// best-scoring one (see `profileScore`) is proposed when it passes PROFILE_MIN_SCORE, with that score as its
/// confidence. A language-model gate (the caller's, else `unigramMargin` of the word model) vetoes a candidate it
/// finds much less probable than the reading, unless the counts alone are very sure. Occurrences inside an earlier proposal are skipped. Not safe: the editor
/// confirms each one.
export function profileRule(context: RuleContext): OcrSuggestion[] {
  const input = context.errorProfile;
  if (!input || input.profile.entries.length === 0) return [];
  const index = compileProfile(input.profile);
  const { chars } = context;
  // The caller's gate (the "ocrlm" language model) when given, else the word-frequency model's.
  const gate = input.margin ?? (context.model ? unigramMargin(context.model) : undefined);
  const out: OcrSuggestion[] = [];
  let covered = 0;
  for (let i = 0; i < chars.length; i++) {
    const readings = index.get(chars[i]!);
    if (!readings || i < covered) continue;
    let best: { reading: CompiledReading; candidate: CompiledCandidate; score: number; near: number } | null = null;
    for (const reading of readings) {
      if (!reading.from.every((c, k) => chars[i + k] === c)) continue;
      const left = neighbour(chars, i - 1);
      const right = neighbour(chars, i + reading.from.length);
      for (const candidate of reading.candidates) {
        const { score, near } = profileScore(candidate, reading, left, right);
        if (score <= PROFILE_MIN_SCORE || (best && score <= best.score)) continue;
        const margin = gate?.(chars, i, i + reading.from.length, candidate.to) ?? null;
        if (margin !== null && margin < -LM_TOLERANCE && score < LM_OVERRULES_BELOW) continue;
        best = { reading, candidate, score, near };
      }
    }
    if (!best) continue;
    const end = i + best.reading.from.length;
    const original = best.reading.from.join('');
    out.push({
      start: i,
      end,
      replacement: best.candidate.to,
      rule: 'profile',
      confidence: Math.min(MAX_CONFIDENCE, Number(best.score.toFixed(3))),
      ...explain('profile', { original, replacement: best.candidate.to, count: best.candidate.count, near: best.near, kept: best.reading.kept.count }),
      safe: false,
    });
    covered = end;
  }
  return out;
}

const neighbour = (chars: readonly string[], at: number): string => (at < 0 || at >= chars.length || chars[at] === '\n' ? '' : chars[at]!);
