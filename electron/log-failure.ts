import type { ErrorLog } from './services/app/error-log';

/// Writes a failure of the shell itself (outside any request handler's guard) to the app log: where it happened,
/// the message and stack. Without a log (tests with a stand-in handler table) it goes to stderr instead. Returns
/// the entry's id, or null.
export function logFailure(log: Pick<ErrorLog, 'write'> | undefined, channel: string, what: string, error?: unknown): string | null {
  const thrown = error === undefined ? null : error instanceof Error ? error : new Error(String(error));
  if (!log) {
    if (thrown) console.error(what, thrown);
    else console.error(what);
    return null;
  }
  return log.write({
    channel,
    kind: thrown ? 'thrown' : 'failed',
    message: thrown ? `${what}: ${thrown.message}` : what,
    ...(thrown?.stack !== undefined && { stack: thrown.stack }),
  });
}
