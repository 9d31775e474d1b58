import { computeLineOrigins } from '../layout/line-links';
import { arrangeText } from './moves';
import type { Sidecar } from './sidecar-schema';

/// Problems with a sidecar's block moves, in plain words (empty: fine): they must fit the original text (inside it,
/// non-empty, overlapping neither in the original nor in the arranged original).
export function moveProblems(sidecar: Pick<Sidecar, 'moves'>, originalText: string): string[] {
  const arranged = arrangeText(originalText, sidecar.moves);
  return arranged.ok ? [] : [`The moves do not fit the original text: ${arranged.error.message}.`];
}

/// Problems with recorded line origins that are not the ones the moves and corrections give (empty: fine, or not
/// recorded). Line origins are derived data: the scan links of a reopened page must be those shown before saving.
/// Only meaningful once `checkSidecarConsistency` found the moves and corrections sound.
export function lineOriginDerivationProblems(sidecar: Pick<Sidecar, 'moves' | 'corrections' | 'text' | 'lineOrigins'>, originalText: string): string[] {
  if (sidecar.lineOrigins.length === 0) return [];
  const derived = computeLineOrigins(originalText, sidecar.text, sidecar.corrections, sidecar.moves);
  const line = derived.findIndex((origins, i) => !sameNumbers(origins, sidecar.lineOrigins[i]));
  if (line < 0 && derived.length === sidecar.lineOrigins.length) return [];
  const at = line < 0 ? derived.length : line;
  return [`The line origins of line ${at + 1} are not the lines its text came from (moves and corrections give ${JSON.stringify(derived[at] ?? [])}).`];
}

function sameNumbers(a: readonly number[], b: readonly number[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((n, i) => n === b[i]);
}
