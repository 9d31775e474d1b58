import type { EditorState } from 'prosemirror-state';
import type { PendingCounts } from '../../shared/model/page-stats';
import { suggestionsKey } from '../entities/suggestions-plugin';
import { reviewKey, reviewItems } from '../review/review-plugin';
import { confidenceKey } from '../scan/confidence-plugin';

/// What is still waiting for the editor on the page in `state` (issue 16), or null while the OCR suggestions of the
/// page have not arrived yet (a count then would say 0 for what is simply not known; the next save counts).
///
/// - Low-confidence characters: those underlined now (below the threshold in use, not replaced since the OCR),
///   less those inside a suggestion the editor rejected there (rejecting says "this is right").
/// - OCR suggestions: the review panel's items (accepted and rejected ones have left it).
/// - Entity suggestions: the suggestion underlines shown on the page.
export function pendingCounts(state: EditorState): PendingCounts | null {
  const review = reviewKey.getState(state);
  if (review !== undefined && !review.loaded) return null;
  return {
    lowConfidence: unreviewedLowConfidence(state),
    ocrSuggestions: reviewItems(state).length,
    entitySuggestions: suggestionsKey.getState(state)?.decorations.find().length ?? 0,
  };
}

/// The characters underlined as low-confidence that no rejected suggestion covers.
export function unreviewedLowConfidence(state: EditorState): number {
  const underlined = confidenceKey.getState(state)?.visible.find() ?? [];
  if (underlined.length === 0) return 0;
  const rejected = [...(reviewKey.getState(state)?.rejections ?? [])].sort((a, b) => a.from - b.from);
  if (rejected.length === 0) return underlined.length;
  // Both sorted by position: one pass, keeping the rejections that may still cover what comes next.
  const chars = [...underlined].sort((a, b) => a.from - b.from);
  let count = 0;
  let next = 0;
  let reach = -1;
  for (const char of chars) {
    while (next < rejected.length && rejected[next]!.from <= char.from) reach = Math.max(reach, rejected[next++]!.to);
    if (!(reach >= char.to)) count++;
  }
  return count;
}
