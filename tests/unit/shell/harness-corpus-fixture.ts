import fs from 'node:fs/promises';
import path from 'node:path';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createHarnessDialogs } from '../../../electron/harness/harness-dialogs';
import { startHarnessServer, type HarnessServer } from '../../../electron/harness/server';
import type { Handlers } from '../../../electron/services/handlers/table';
import { testHandlers } from '../services/handler-table-fixture';
import { rawRequest, type RawResponse } from './harness-test-helpers';

// The setup the harness scan-image tests share (deep zoom, previews, the symlink race): the real handler table with
// a corpus open and scanned, behind a harness server whose static folder holds a bare index page, and GET requests
// to /api/scan-image with the server's token. No dialogs, no event clients: these tests ask for images only.

/// A harness over the real handler table with a corpus open.
export interface CorpusHarness {
  server: HarnessServer;
  handlers: Handlers;
  /// The scan-image address of `rel` (corpus-relative) with `token` (the server's unless given; `null` for none).
  scanUrl(rel: string, token?: string | null): string;
  /// GETs the scan image `rel` with the server's token and `query` appended (`&width=…`, a tile or crop query).
  getScan(rel: string, query?: string): Promise<RawResponse>;
  /// Stops the server, then closes the table (the folders are the caller's to remove).
  close(): Promise<void>;
}

/// Opens `corpus` (and waits for its scan) in a table whose state file is `stateFile`, and serves it through a
/// harness on a free port with a static folder `static/` made in `work`.
export async function startCorpusHarness(work: string, corpus: string, stateFile: string): Promise<CorpusHarness> {
  const staticDir = path.join(work, 'static');
  await fs.mkdir(staticDir, { recursive: true });
  await fs.writeFile(path.join(staticDir, 'index.html'), '<!doctype html>');
  const handlers = testHandlers(stateFile);
  const opened = await handlers.openCorpus(corpus);
  if (!opened.ok) throw new Error(opened.error.message);
  await handlers.scanFinished();
  const dialogs = createHarnessDialogs(() => undefined, () => false);
  const server = await startHarnessServer({ staticDir, port: 0, handlers, dialogs, events: createEventStream() });
  const scanUrl = (rel: string, token: string | null = server.token) =>
    `/api/scan-image?path=${encodeURIComponent(rel)}${token === null ? '' : `&token=${encodeURIComponent(token)}`}`;
  return {
    server,
    handlers,
    scanUrl,
    getScan: (rel, query = '') => rawRequest(server.port, { path: scanUrl(rel) + query }),
    async close() {
      await server.close();
      await handlers.close();
    },
  };
}
