import { ok } from '../../../shared/result';
import type { ErrorLog } from '../app/error-log';
import { createRendererLog } from '../app/renderer-log';
import type { ChannelHandlers } from './context';

/// The log.write channel: the renderer's coded entries into the app log (scrubbed, rate-limited; see
/// renderer-log.ts). Always answers ok, also when an entry was dropped: logging never fails the caller.
export function logHandlers(log: Pick<ErrorLog, 'write'>): ChannelHandlers<'log.write'> {
  const rendererLog = createRendererLog(log);
  return {
    'log.write': async (entry) => {
      rendererLog.write(entry);
      return ok(null);
    },
  };
}
