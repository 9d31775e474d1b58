import { carryRules, labelCorrectionsWithRules } from '../../../shared/model/correction-rules';
import { computeCorrections, CorrectionMap } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';

/// The rule named on a correction that a batch replace made.
export const BATCH_RULE = 'batch';

/// The corrections of a page after a batch replace: the page diffed against its original, each correction keeping
/// the rule of an equal saved one, and those containing a replacement named `batch`.
///
/// `edits` are the replacements as corrections on the corrected text before the batch (code points, sorted).
export function correctionsAfterBatch(original: string, text: string, edits: readonly Correction[], saved: readonly Correction[]): Correction[] {
  const computed = carryRules(computeCorrections(original, text), saved);
  const replaced = new CorrectionMap(edits).correctedRanges().map(({ start, end }) => ({ start, end, rule: BATCH_RULE }));
  const labelled = labelCorrectionsWithRules(computed, replaced);
  return computed.map((correction, i) => (labelled[i]!.rule === undefined ? correction : labelled[i]!));
}
