import type { ErrorLog } from './error-log';

/// One entry the renderer asks the app log to keep (`log.write`): a level, a code and a short message.
export interface RendererLogEntry {
  level: 'error' | 'warn' | 'info';
  code: string;
  message: string;
}

/// How much the renderer may log: at most `entries` per `windowMs`, each message cut to `messageChars`.
export const RENDERER_LOG_LIMITS = { entries: 20, windowMs: 60_000, messageChars: 200 } as const;

/// A message made safe for the log: quoted spans become "…" and every run of non-ASCII characters becomes "…"
/// (page text is Chinese, and a JavaScript error quotes the values it choked on), control characters and line
/// breaks become spaces, and the result is cut to `RENDERER_LOG_LIMITS.messageChars`.
export function scrubLogMessage(text: string): string {
  const scrubbed = text
    // Quoted spans: "…", '…', `…`, “…”, ‘…’, 「…」, 『…』 (what an error message quotes is data, not the error).
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』/g, '"…"')
    .replace(/[^\x20-\x7e\t\n\r]+/g, '…')
    .replace(/[\s]+/g, ' ')
    .trim();
  return scrubbed.length > RENDERER_LOG_LIMITS.messageChars ? `${scrubbed.slice(0, RENDERER_LOG_LIMITS.messageChars - 1)}…` : scrubbed;
}

/// The renderer's side of the app log: scrubs each entry and keeps at most RENDERER_LOG_LIMITS.entries per window
/// of time; entries over the limit are counted and the count is logged (code 'log.dropped') when the next window
/// opens. Returns whether the entry was written.
export function createRendererLog(log: Pick<ErrorLog, 'write'>, now: () => number = Date.now): { write(entry: RendererLogEntry): boolean } {
  let windowStart = -Infinity;
  let written = 0;
  let dropped = 0;
  return {
    write(entry) {
      const time = now();
      if (time - windowStart >= RENDERER_LOG_LIMITS.windowMs) {
        if (dropped > 0) log.write({ channel: 'renderer', level: 'warn', kind: 'log.dropped', message: `${dropped} renderer log entries over the limit were dropped.` });
        windowStart = time;
        written = 0;
        dropped = 0;
      }
      if (written >= RENDERER_LOG_LIMITS.entries) {
        dropped++;
        return false;
      }
      written++;
      log.write({ channel: 'renderer', level: entry.level, kind: entry.code, message: scrubLogMessage(entry.message) });
      return true;
    },
  };
}
