import type { MessageId } from './errors/codes';

/// A value or an expected error, as passed across IPC and between services.
///
/// Expected failures (a corrupt sidecar, a path outside the corpus) are values, not exceptions, so that
/// every layer can show them to the user in plain words.
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/// An error the user can be told about: a stable machine code plus a human message.
export interface AppError {
  code: ErrorCode;
  message: string;
  /// Optional detail such as the offending path or the schema problem.
  detail?: string;
  /// Optional values that describe the error (a limit, an error id), for the renderer to word or show.
  values?: Record<string, string | number>;
  /// The registered wording of this failure (shared/errors/codes.ts), filled from `values`, for the renderer.
  messageId?: MessageId;
}

/// Every expected error the services can report.
export type ErrorCode =
  | 'no-corpus'
  | 'not-found'
  | 'outside-corpus'
  | 'invalid-argument'
  | 'untrusted-sender'
  | 'binary-file'
  | 'empty-file'
  | 'read-only'
  | 'sidecar-changed'
  | 'corpus-locked'
  | 'io'
  | 'cancelled'
  /// Past one of the limits in shared/limits.ts (page size, line or word length, XML depth or element count), or a
  /// request body or arguments larger than the channel allows (electron/request-limits.ts; HTTP 413 in the harness).
  | 'too-large'
  /// Too much request data is in flight at once; try again shortly (HTTP 503 in the harness).
  | 'busy'
  | 'internal';

/// Wraps a value as a successful result.
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/// Wraps an error code and message as a failed result, with a detail string or a record of values.
export const fail = (code: ErrorCode, message: string, detail?: string | Record<string, string | number>): Result<never> => ({
  ok: false,
  error: detail === undefined ? { code, message } : typeof detail === 'string' ? { code, message, detail } : { code, message, values: detail },
});
