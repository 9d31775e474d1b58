import { createHandlers } from '../services/handlers/table';
import { createEventStream } from './event-stream';
import { createHarnessDialogs } from './harness-dialogs';
import { startHarnessServer, type HarnessServer } from './server';

/// What the browser harness starts with.
export interface HarnessOptions {
  /// Folder to open as the corpus at start, or null to open what the saved state had.
  corpus: string | null;
  port: number;
  /// The built renderer (dist/renderer).
  staticDir: string;
  /// The lowdb state file (preferences, recent corpora).
  stateFile: string;
  appVersion: string;
}

/// Starts the harness: the same handler table as Electron (shell 'browser') behind the localhost bridge.
///
/// Events go to the Server-Sent Events stream; folder dialogs are answered by the renderer's in-app picker.
/// Fails with a plain-words Error when the corpus cannot be opened, so the command line can say why.
export async function startHarness(options: HarnessOptions): Promise<HarnessServer> {
  const events = createEventStream();
  const dialogs = createHarnessDialogs((event, payload) => events.broadcast(event, payload), () => events.clientCount() > 0);
  // A dialog whose tab was closed would otherwise wait for ever and block the request that opened it.
  events.onAllDisconnected(() => dialogs.cancelAll());
  const handlers = createHandlers({
    dialogs,
    emit: (event: string, payload: unknown) => events.broadcast(event, payload),
    stateFile: options.stateFile,
    appVersion: options.appVersion,
    shell: 'browser',
    watchCorpus: true,
  });
  if (options.corpus) {
    const opened = await handlers.openCorpus(options.corpus);
    if (!opened.ok) throw new Error(`Could not open the corpus ${options.corpus}: ${opened.error.message}`);
  }
  const server = await startHarnessServer({ staticDir: options.staticDir, port: options.port, handlers, dialogs, events });
  // Closing the harness gives the corpus back to other programs and stops its watcher.
  return {
    ...server,
    close: async () => {
      await handlers.close();
      await server.close();
    },
  };
}
