import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createHarnessDialogs } from '../../../electron/harness/harness-dialogs';
import { startHarnessServer, type HarnessServer } from '../../../electron/harness/server';
import type { HandlerTable } from '../../../electron/handler-table';
import { fail, ok } from '../../../shared/result';
import type { RequestLimits } from '../../../electron/request-limits';

/// The meta CSP of the fake renderer page; the server must send the same policy as a header.
export const PAGE_CSP = "default-src 'self'; connect-src 'self'; style-src 'self'";

/// A running harness over a fake handler table that echoes its arguments, with a temp static folder.
export interface TestHarness {
  server: HarnessServer;
  staticDir: string;
  root: string;
  emit(event: string, payload: unknown): void;
  chooseFolder(): Promise<string | null>;
  /// How many event-stream clients are connected.
  clientCount(): number;
  close(): Promise<void>;
}

/// Starts a harness on a free port with a built-renderer stand-in (index.html, a script, a nested asset), with the
/// given request limits (the app's when omitted) and handler (by default one that echoes its arguments).
export async function startTestHarness(limits?: RequestLimits, handle?: HandlerTable['handle']): Promise<TestHarness> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-harness-'));
  const staticDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await fs.writeFile(
    path.join(staticDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><title>校对</title></head><body></body></html>`,
  );
  await fs.writeFile(path.join(staticDir, 'assets', 'main.js'), 'console.log("校对 𠮷");');
  await fs.writeFile(path.join(staticDir, 'assets', 'style.css'), 'body{}');
  await fs.writeFile(path.join(root, 'secret.txt'), 'outside the static folder');
  const events = createEventStream();
  const dialogs = createHarnessDialogs((event, payload) => events.broadcast(event, payload), () => events.clientCount() > 0);
  events.onAllDisconnected(() => dialogs.cancelAll());
  const handlers: HandlerTable = {
    channels: ['page.open', 'app.getState'],
    handle:
      handle ??
      (async (channel, rawArgs) => {
        if (!Array.isArray(rawArgs)) return fail('invalid-argument', 'Arguments must be an array.');
        return ok({ channel, rawArgs });
      }),
  };
  const server = await startHarnessServer({ staticDir, port: 0, handlers, dialogs, events, ...(limits && { limits }) });
  return {
    server,
    staticDir,
    root,
    emit: (event, payload) => events.broadcast(event, payload),
    chooseFolder: () => dialogs.chooseFolder('open-corpus'),
    clientCount: () => events.clientCount(),
    async close() {
      await server.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/// A raw HTTP response, read fully.
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /// The body as received (images).
  bytes: Buffer;
}

/// Reads a response to its end.
export function readResponse(response: http.IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes.toString('utf8'), bytes });
    });
    response.on('error', reject);
  });
}

/// Sends a request exactly as given (raw path, any Host header), which `fetch` would normalise or refuse.
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (response) => readResponse(response).then(resolve, reject),
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
