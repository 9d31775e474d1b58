import type { ErrorLog } from './services/app/error-log';

/// How long a window may stay unresponsive before its renderer is ended and reloaded.
export const HANG_RELOAD_MS = 15_000;
/// At most this many reloads within RELOAD_WINDOW_MS; a renderer that keeps crashing is left alone after that
/// (the log says so), rather than reloaded in a loop.
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/// The code the renderer is shown after a reload (it words it in the UI language).
export type RecoveryCode = 'renderer-crashed' | 'renderer-hung';

/// The parts of a BrowserWindow the recovery watches.
export interface RecoverableWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
}

/// What the recovery needs from the main process.
export interface RecoveryDeps {
  log: Pick<ErrorLog, 'write'>;
  /// Holds events until the reloaded page has loaded (the event gate), so the notice reaches the new page.
  holdEvents(): void;
  /// Sends the notice (through the held gate).
  notify(code: RecoveryCode): void;
  hangMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/// Reloads the window's page when its renderer process crashes (`render-process-gone`, any reason but a clean
/// exit) or hangs (`unresponsive` for longer than `hangMs`: the renderer is ended, which then counts as gone).
/// Each recovery is logged and the reloaded page gets an `app.rendererRecovered` notice; the recovery journal
/// brings its unsaved work back (docs/journal.md).
export function watchRenderer(window: RecoverableWindow, deps: RecoveryDeps): void {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let hangTimer: unknown = null;
  let endingHungRenderer = false;
  let reloads: number[] = [];

  window.webContents.on('render-process-gone', (_event, details) => {
    const code: RecoveryCode = endingHungRenderer ? 'renderer-hung' : 'renderer-crashed';
    endingHungRenderer = false;
    if (hangTimer !== null) clearTimer(hangTimer);
    hangTimer = null;
    if (details.reason === 'clean-exit') return;
    const time = now();
    reloads = reloads.filter((at) => time - at < RELOAD_WINDOW_MS);
    const message = `The renderer process ended (${details.reason}, exit code ${details.exitCode}).`;
    if (reloads.length >= MAX_RELOADS) {
      deps.log.write({ channel: 'main', kind: code, message: `${message} Not reloaded: ${MAX_RELOADS} reloads within a minute already.` });
      return;
    }
    reloads.push(time);
    deps.log.write({ channel: 'main', kind: code, message: `${message} The page is reloaded.` });
    deps.holdEvents();
    deps.notify(code);
    window.webContents.reload();
  });
  window.on('unresponsive', () => {
    if (hangTimer !== null) return;
    hangTimer = setTimer(() => {
      hangTimer = null;
      endingHungRenderer = true;
      // Ending the renderer fires render-process-gone, which reloads it (with the 'renderer-hung' notice).
      window.webContents.forcefullyCrashRenderer();
    }, deps.hangMs ?? HANG_RELOAD_MS);
  });
  window.on('responsive', () => {
    if (hangTimer !== null) clearTimer(hangTimer);
    hangTimer = null;
  });
}
