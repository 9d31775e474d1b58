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
  | 'io'
  | 'cancelled'
  /// Past one of the limits in shared/limits.ts (page size, line or word length, XML depth or element count).
  | 'too-large'
  | 'internal';

/// Wraps a value as a successful result.
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/// Wraps an error code and message as a failed result.
export const fail = (code: ErrorCode, message: string, detail?: string): Result<never> => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});
