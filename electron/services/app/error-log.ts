import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

/// The app log: full internal errors (message, stack, paths) that the renderer never sees, the main process's own
/// failures (start-up, crashed renderers) and the renderer's short coded entries (`log.write`). Never page text.
export interface ErrorLog {
  /// Appends one entry and returns its id (the id the renderer is shown, to match a report with the log).
  write(entry: ErrorLogEntry): string;
  /// The log file's absolute path.
  file: string;
  /// Flushes and closes the file.
  close(): Promise<void>;
}

/// One logged error. Never page text: only what went wrong, where, and the request channel.
export interface ErrorLogEntry {
  /// The request channel, or where outside a request: 'main' (the main process) or 'renderer' (log.write).
  channel: string;
  /// 'error' unless said otherwise.
  level?: 'error' | 'warn' | 'info';
  /// 'thrown' for an exception inside a handler; otherwise the Result's error code (say 'io').
  kind: string;
  message: string;
  stack?: string;
  detail?: string;
}

/// Log size before rotation, and how many rotated files are kept (`<name>.1` … `<name>.5`).
export const ERROR_LOG_ROTATION = { size: '1M', rotate: 5 } as const;

/// The error log file that belongs to a state file: beside it in the app-data folder (`state.json` →
/// `state.errors.log`).
export function errorLogFileOf(stateFile: string): string {
  return stateFile.replace(/(\.json)?$/, '.errors.log');
}

/// Opens (lazily, on the first entry) the size-rotated error log beside `stateFile`.
export function openErrorLog(stateFile: string): ErrorLog {
  const file = errorLogFileOf(stateFile);
  let stream: RotatingFileStream | null = null;
  return {
    file,
    write(entry) {
      const id = randomBytes(6).toString('hex');
      if (stream === null) {
        stream = createStream(path.basename(file), { path: path.dirname(file), ...ERROR_LOG_ROTATION });
        // The log must never take the app down: a failing disk loses the entry, not the request.
        stream.on('error', () => {});
      }
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), id, ...entry })}\n`);
      return id;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!stream) return resolve();
        stream.end(() => resolve());
      }),
  };
}
