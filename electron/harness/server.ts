import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ok } from '../../shared/result';
import { failWith } from '../../shared/errors/fail-with';
import { previewWidthOf } from '../../shared/ipc/scan-url';
import { answerScanImage } from '../scan-image-answer';
import { tileRequestOf } from '../../shared/ipc/scan-tile-url';
import type { HandlerTable } from '../handler-table';
import type { EventStream } from './event-stream';
import { listFolders } from './folders';
import type { HarnessDialogs } from './harness-dialogs';
import { logFailure } from '../log-failure';
import { HARNESS_PATHS, TOKEN_HEADER, TOKEN_PARAM } from '../../shared/ipc/harness-protocol';
import { isAllowedHost, isLoopbackAddress, tokenMatches } from './request-guard';
import { createBodyReader, type BodyOutcome } from './request-body';
import { REQUEST_LIMITS, bodyLimitOf, type RequestLimits } from '../request-limits';
import { DEFAULT_CSP, contentTypeFor, headerCsp, readMetaCsp, readStaticFileSync, resolveStaticPath } from './static-files';

/// What the harness server serves and answers.
export interface HarnessServerOptions {
  /// The built renderer (dist/renderer).
  staticDir: string;
  /// TCP port on 127.0.0.1; 0 picks a free one.
  port: number;
  handlers: HandlerTable;
  dialogs: HarnessDialogs;
  events: EventStream;
  /// The session token; a random one when omitted.
  token?: string;
  /// Request body limits and the in-flight budget (REQUEST_LIMITS when omitted; tests pass small ones).
  limits?: RequestLimits;
}

/// A running harness server.
export interface HarnessServer {
  port: number;
  token: string;
  /// `http://127.0.0.1:PORT/?token=…`, the address to open in a browser.
  url: string;
  /// Stops listening, ends event streams and cancels pending dialogs.
  close(): Promise<void>;
}

/// Starts the localhost bridge: the renderer's static files plus the handler table over HTTP.
///
/// Only loopback clients with a loopback Host header are answered; every /api request needs the session token
/// (header `X-Jiaodui-Token`, or `?token=` on the event stream). Static files are confined to `staticDir` and
/// carry the Content-Security-Policy of the page's meta tag (plus frame-ancestors, which only a header can set).
/// Request bodies must be JSON within their channel's limit, and all bodies being read share one byte budget (see
/// request-limits.ts and request-body.ts).
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limits = options.limits ?? REQUEST_LIMITS;
  const bodies = createBodyReader(limits);
  let port = options.port;
  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      logFailure(options.handlers.errorLog, 'harness', 'Harness request failed', error);
      if (!response.headersSent) sendJson(response, 500, failWith('harness.internal'));
      else response.end();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackAddress(request.socket.remoteAddress)) return sendText(response, 403, 'Only this computer may connect.');
    if (!isAllowedHost(request.headers.host, port)) return sendText(response, 403, 'Unexpected Host header.');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url);
    return serveStatic(request, response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedHost(origin.replace(/^http:\/\//, ''), port)) {
      return sendJson(response, 403, failWith('harness.foreignPage'));
    }
    const headerToken = request.headers[TOKEN_HEADER.toLowerCase()];
    const tokenInQuery = url.pathname === HARNESS_PATHS.events || url.pathname === HARNESS_PATHS.scanImage;
    const presented = typeof headerToken === 'string' ? headerToken : tokenInQuery ? url.searchParams.get(TOKEN_PARAM) : null;
    if (!tokenMatches(presented, token)) {
      return sendJson(response, 403, failWith('harness.badToken'));
    }
    const method = request.method ?? 'GET';
    if (url.pathname === HARNESS_PATHS.events && method === 'GET') {
      options.events.attach(response);
      return;
    }
    if (url.pathname === HARNESS_PATHS.scanImage && method === 'GET' && options.handlers.scanImageFile) {
      const { scanImageFile, scanImagePreview, scanImageAsPng, scanTile } = options.handlers;
      const sources = { scanImageFile, scanImagePreview, scanImageAsPng, scanTile };
      const answer = await answerScanImage(url.searchParams.get('path') ?? '', previewWidthOf(url.searchParams), sources, tileRequestOf(url.searchParams));
      if (answer.kind === 'made') return sendBytes(response, answer.image);
      if (answer.kind === 'refused') return sendJson(response, answer.status, answer.body);
      response.writeHead(200, {
        'Content-Type': answer.mime,
        'Content-Length': answer.size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      // From the handle verified inside the corpus, never reopened by path; the stream closes it.
      answer.handle.createReadStream().on('error', () => response.destroy()).pipe(response);
      return;
    }
    if (url.pathname === HARNESS_PATHS.folders && method === 'GET') {
      return sendJson(response, 200, await listFolders(url.searchParams.get('path') ?? ''));
    }
    if (url.pathname.startsWith(HARNESS_PATHS.invoke) && method === 'POST') {
      const channel = safeDecode(url.pathname.slice(HARNESS_PATHS.invoke.length));
      if (channel === null || !options.handlers.channels.includes(channel)) {
        return sendJson(response, 404, failWith('harness.noChannel', { channel: channel ?? '(undecodable)' }));
      }
      const body = await bodies.readJson(request, bodyLimitOf(channel, limits));
      if (!body.ok) return refuseBody(request, response, body);
      try {
        return sendJson(response, 200, await options.handlers.handle(channel, body.value));
      } finally {
        body.release();
      }
    }
    if (url.pathname.startsWith(HARNESS_PATHS.dialog) && method === 'POST') {
      const id = safeDecode(url.pathname.slice(HARNESS_PATHS.dialog.length)) ?? '';
      const body = await bodies.readJson(request, limits.dialogBodyBytes);
      if (!body.ok) return refuseBody(request, response, body);
      body.release();
      const folder = (body.value as { folder?: unknown } | null)?.folder;
      if (folder !== null && typeof folder !== 'string') {
        return sendJson(response, 400, failWith('harness.badDialogAnswer'));
      }
      if (!options.dialogs.answer(id, folder)) return sendJson(response, 404, failWith('harness.dialogGone'));
      return sendJson(response, 200, ok(null));
    }
    return sendJson(response, 404, failWith('harness.nothingAnswers', { method, path: url.pathname }));
  }

  function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.');
    const file = resolveStaticPath(options.staticDir, pathname);
    const content = file ? readStaticFileSync(options.staticDir, file) : null;
    if (!file || !content) return sendText(response, 404, 'Not found.');
    response.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': content.length,
      'Content-Security-Policy': pageCsp(),
      'X-Content-Type-Options': 'nosniff',
      // The page URL carries the token: never leak it in a Referer.
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : content);
  }

  function pageCsp(): string {
    try {
      const policy = readMetaCsp(fs.readFileSync(path.join(options.staticDir, 'index.html'), 'utf8'));
      return policy === null ? DEFAULT_CSP : headerCsp(policy);
    } catch {
      return DEFAULT_CSP;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        options.events.closeAll();
        options.dialogs.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

// Answers a refused body. When it was not read to its end the connection is closed after the answer; until then
// the rest is read and thrown away (closing a socket with unread bytes resets it, and the client could lose the
// answer), for at most LINGER_MS.
function refuseBody(request: IncomingMessage, response: ServerResponse, refusal: Extract<BodyOutcome, { ok: false }>): void {
  if (refusal.abort) {
    response.setHeader('Connection', 'close');
    request.resume();
    const timer = setTimeout(() => request.socket.destroy(), LINGER_MS);
    timer.unref();
    request.socket.once('close', () => clearTimeout(timer));
  }
  sendJson(response, refusal.status, refusal.result);
}

const LINGER_MS = 2000;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  response.end(text);
}

// A made image (a scan preview, a TIFF as PNG), not cached by the browser: the scan may change on disk.
function sendBytes(response: ServerResponse, image: { bytes: Buffer; mime: string }): void {
  response.writeHead(200, {
    'Content-Type': image.mime,
    'Content-Length': image.bytes.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(image.bytes);
}
