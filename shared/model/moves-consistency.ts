import { arrangeText } from './moves';
import type { Sidecar } from './sidecar-schema';

/// Problems with a sidecar's block moves, in plain words (empty: fine): they must fit the original text (inside it,
/// non-empty, overlapping neither in the original nor in the arranged original).
export function moveProblems(sidecar: Pick<Sidecar, 'moves'>, originalText: string): string[] {
  const arranged = arrangeText(originalText, sidecar.moves);
  return arranged.ok ? [] : [`The moves do not fit the original text: ${arranged.error.message}.`];
}
