/// A failure of the shared model used as the reason of another (a save whose moves do not fit, a sidecar whose
/// corrections do not fit): its own id and values when it has a reason twin, else its English as a technical reason.
import type { AppError } from '../result';
import type { MessageId } from './codes';
import { reason, technicalReason, type Reason, type ReasonId } from './reasons';

// Failures that have a reason of the same id and English (shared/errors/reasons-saves.ts).
const TWINS: ReadonlySet<MessageId> = new Set<MessageId>(['model.badMove', 'model.movesOverlap', 'model.movedOverlap', 'model.badCorrection', 'model.correctionMismatch']);

/// The reason a failure gives when it is told inside another.
export function reasonOfError(error: Pick<AppError, 'message' | 'messageId' | 'values'>): Reason {
  if (error.messageId !== undefined && TWINS.has(error.messageId)) return reason(error.messageId as ReasonId, error.values ?? {});
  return technicalReason(error.message);
}
