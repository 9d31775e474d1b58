/// An operating-system error as a reason: worded by its `code` (ENOENT, EACCES, …) when registered, else the OS's
/// own message as technical text.
import { reason, technicalReason, type Reason, type ReasonId } from './reasons';
import { FILE_REASONS } from './reasons-files';

/// The reason of an error thrown by a file-system call.
export function osReason(error: unknown): Reason {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(FILE_REASONS, `os.${code}`)) return reason(`os.${code}` as ReasonId);
  return technicalReason(error instanceof Error ? error.message : String(error));
}
