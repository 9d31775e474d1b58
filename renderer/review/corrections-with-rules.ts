import type { EditorState } from 'prosemirror-state';
import { labelCorrectionsWithRules } from '../../shared/model/correction-rules';
import type { Correction } from '../../shared/model/sidecar-schema';
import { correctionsKey } from '../editor/corrections-plugin';
import { acceptedRangesOf } from './accepted-changes';
import { acceptedChanges } from './review-plugin';

/// The corrections of an editor state as last computed (original code points, sorted), each naming the rule of
/// the accepted OCR suggestion it contains, if any. Bring the corrections up to date first
/// (`recomputeCorrections`).
export function correctionsWithRules(state: EditorState): Correction[] {
  const corrections = correctionsKey.getState(state)?.corrections ?? [];
  return labelCorrectionsWithRules(corrections, acceptedRangesOf(state.doc, acceptedChanges(state)));
}
