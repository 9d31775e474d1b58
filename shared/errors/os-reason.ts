/// Operating-system errors as reasons: worded by their `code` (ENOENT, EACCES, …) so that the UI says "permission
/// denied" in its own language; an error with another code (or none) keeps its own English as a technical reason.
import { reason, technicalReason, type Reason, type ReasonId } from './reasons';

// The codes with a reason of their own (shared/errors/reasons-saves.ts, `os.<code>`).
const OS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EBUSY', 'EISDIR', 'ENOTDIR', 'EMFILE', 'EROFS', 'EIO', 'EINVAL']);

/// The reason of a thrown error: its OS code's wording when it has one of the known codes, else its message.
export function osReason(error: unknown): Reason {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && OS_CODES.has(code)) return reason(`os.${code}` as ReasonId);
  return technicalReason(error instanceof Error ? error.message : String(error));
}
