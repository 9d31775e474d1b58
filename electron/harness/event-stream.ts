import type { ServerResponse } from 'node:http';
import type { HarnessEventMessage } from '../../shared/ipc/harness-protocol';

/// The open Server-Sent Events connections; every emitted event goes to all of them.
export interface EventStream {
  /// Takes over a response as an event-stream connection until the client goes away.
  attach(response: ServerResponse): void;
  /// Sends one event to every connected client.
  broadcast(event: string, payload: unknown): void;
  /// How many clients are connected now.
  clientCount(): number;
  /// Ends every connection (server shutdown).
  closeAll(): void;
  /// Calls `listener` whenever the last connected client goes away.
  onAllDisconnected(listener: () => void): void;
}

/// Creates the event hub, with a comment line every `keepAliveMs` so idle connections are not dropped.
///
/// Events emitted while no client is connected (the corpus scan at start-up, before the browser opens the
/// page) are kept, up to `maxPending`, and sent to the next client that connects.
export function createEventStream(keepAliveMs = 15_000, maxPending = 10_000): EventStream {
  const clients = new Set<ServerResponse>();
  let pending: string[] = [];
  const idleListeners: (() => void)[] = [];
  const timer = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, keepAliveMs);
  timer.unref();
  return {
    attach(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      // Tells EventSource how soon to reconnect after a dropped connection.
      response.write('retry: 1000\n\n');
      for (const frame of pending) response.write(frame);
      pending = [];
      clients.add(response);
      response.on('close', () => {
        clients.delete(response);
        if (clients.size === 0) for (const listener of idleListeners) listener();
      });
    },
    broadcast(event, payload) {
      const message: HarnessEventMessage = { event, payload };
      // JSON never contains a raw newline, so one data line is enough.
      const frame = `data: ${JSON.stringify(message)}\n\n`;
      if (clients.size === 0) {
        pending.push(frame);
        if (pending.length > maxPending) pending.shift();
        return;
      }
      for (const client of clients) client.write(frame);
    },
    clientCount: () => clients.size,
    onAllDisconnected: (listener) => {
      idleListeners.push(listener);
    },
    closeAll() {
      clearInterval(timer);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
