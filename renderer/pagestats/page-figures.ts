import type { EditorState } from 'prosemirror-state';
import { pageStatsOf, type PendingCounts } from '../../shared/model/page-stats';
import type { Correction, EntitySpan } from '../../shared/model/sidecar-schema';
import { confidenceKey } from '../scan/confidence-plugin';
import { pendingCounts } from './pending-counts';

/// The statistics of the open page as it is now (saved or not), for the page statistics panel.
export interface PageFigures {
  hand: number;
  rule: number;
  /// Entity spans by type id, most first (ties by id).
  entities: { type: string; count: number }[];
  /// What is still waiting; null while the OCR suggestions have not arrived.
  pending: PendingCounts | null;
  /// Whether the page's files give OCR confidences at all (without them there is nothing low-confidence to count).
  hasConfidences: boolean;
}

/// The page's figures from the editor's corrections and entities, counted as the corpus index counts a sidecar
/// (pageStatsOf), and what is still waiting in its state (pendingCounts).
export function pageFigures(corrections: readonly Correction[], entities: readonly EntitySpan[], state: EditorState | null): PageFigures {
  const stats = pageStatsOf({ corrections, entities });
  return {
    hand: stats.hand,
    rule: stats.rule,
    entities: Object.entries(stats.entities)
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
    pending: state === null ? null : pendingCounts(state),
    hasConfidences: state !== null && confidenceKey.getState(state) !== undefined,
  };
}
