import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Result } from '../shared/result';
import { failWith } from '../shared/errors/fail-with';
import type { HandlerTable } from './handler-table';
import { logFailure } from './log-failure';
import { isTrustedSender } from './trusted-sender';
import { bodyLimitOf, estimateArgsBytes } from './request-limits';

/// Where IPC requests may come from: our window's main frame showing our packaged index.html.
export interface TrustedOrigin {
  /// The main frame of our window, or null when there is no window.
  mainFrame(): WebFrameMain | null;
  /// The `file://` URL of dist/renderer/index.html.
  indexUrl: string;
}

/// Registers `ipcMain.handle` for every channel of the handler table, each guarded by the sender check.
///
/// A request from another frame or page gets an 'untrusted-sender' error; arguments larger than the channel's
/// limit (REQUEST_LIMITS, estimated from string lengths) get 'too-large' before any validation; an exception
/// that escapes the handler table becomes an 'internal' error value without details (the table logs its own), so
/// the renderer always receives a Result. Returns a function that removes the handlers again.
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: HandlerTable, origin: TrustedOrigin): () => void {
  for (const channel of handlers.channels) {
    ipcMain.handle(channel, (event, rawArgs) => handleGuarded(event, channel, rawArgs, handlers, origin));
  }
  return () => {
    for (const channel of handlers.channels) ipcMain.removeHandler(channel);
  };
}

async function handleGuarded(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  channel: string,
  rawArgs: unknown,
  handlers: HandlerTable,
  origin: TrustedOrigin,
): Promise<Result<unknown>> {
  const frame = event.senderFrame;
  const mainFrame = origin.mainFrame();
  if (!frame || !mainFrame || frame !== mainFrame || !isTrustedSender(frame.url, origin.indexUrl)) {
    return failWith('request.untrusted');
  }
  const limit = bodyLimitOf(channel);
  if (estimateArgsBytes(rawArgs, limit) > limit) {
    return failWith('request.tooLarge', { reason: 'body-too-large', limit });
  }
  try {
    return await handlers.handle(channel, rawArgs);
  } catch (error) {
    logFailure(handlers.errorLog, channel, `Handler for ${channel} failed`, error);
    return failWith('internal');
  }
}
