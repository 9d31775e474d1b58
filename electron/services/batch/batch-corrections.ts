import { carryRules, labelCorrectionsWithRules } from '../../../shared/model/correction-rules';
import { CorrectionMap } from '../../../shared/model/corrections';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { correctionsOffThread } from '../page/off-thread';

/// The rule named on a correction that a batch replace made.
export const BATCH_RULE = 'batch';

/// The corrections of a page after a batch replace: the page diffed against its original, each correction keeping
/// the rule of an equal saved one, and those containing a replacement named `batch`.
///
/// `edits` are the replacements as corrections on the corrected text before the batch (code points, sorted). The
/// diff of a large page runs on the text worker (see correctionsOffThread), so a corpus-wide batch over big pages
/// does not hold the main process.
export async function correctionsAfterBatch(original: string, text: string, edits: readonly Correction[], saved: readonly Correction[]): Promise<Result<Correction[]>> {
  const diffed = await correctionsOffThread(original, text);
  if (!diffed.ok) return diffed;
  const computed = carryRules(diffed.value, saved);
  const replaced = new CorrectionMap(edits).correctedRanges().map(({ start, end }) => ({ start, end, rule: BATCH_RULE }));
  const labelled = labelCorrectionsWithRules(computed, replaced);
  return ok(computed.map((correction, i) => (labelled[i]!.rule === undefined ? correction : labelled[i]!)));
}
