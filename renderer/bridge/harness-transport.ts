import type { EventChannel, EventPayloads, Transport } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/result';
import { createEventHub } from '../../shared/ipc/event-hub';
import { HARNESS_PATHS, TOKEN_HEADER, TOKEN_PARAM, type FolderListing, type HarnessEventMessage } from '../../shared/ipc/harness-protocol';

/// Harness-only actions besides the shared API: the in-app stand-ins for native dialogs.
export interface HarnessExtras {
  /// Answers a 'dialog.request' event with the chosen folder, or null when the user cancelled.
  answerDialog(id: string, folder: string | null): Promise<Result<null>>;
  /// Lists the sub-folders of a folder (empty path: the home folder) for the folder picker.
  listFolders(path: string): Promise<Result<FolderListing>>;
}

/// Opens the event stream; calls `onMessage` with each message's data text and returns a close function.
export type OpenEventStream = (url: string, onMessage: (data: string) => void) => () => void;

/// The browser's EventSource as an `OpenEventStream`.
export const openEventSource: OpenEventStream = (url, onMessage) => {
  const source = new EventSource(url);
  source.onmessage = (message: MessageEvent<string>) => onMessage(message.data);
  return () => source.close();
};

/// Where the harness transport sends requests.
export interface HarnessTransportOptions {
  token: string;
  /// Origin of the harness server; '' (same origin) in the browser.
  baseUrl?: string;
  fetch?: typeof fetch;
  openEvents?: OpenEventStream;
}

/// The harness transport: requests as `fetch` POSTs, events from one Server-Sent Events stream.
///
/// Every request carries the token header; the event stream carries it as a query parameter because
/// EventSource cannot set headers. Network failures become 'io' error values, never rejections.
export function createHarnessTransport(options: HarnessTransportOptions): Transport & HarnessExtras & { close(): void } {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const hub = createEventHub();
  let closeStream: (() => void) | null = null;

  const ensureStream = () => {
    if (closeStream) return;
    const open = options.openEvents ?? openEventSource;
    closeStream = open(`${base}${HARNESS_PATHS.events}?${TOKEN_PARAM}=${encodeURIComponent(options.token)}`, (data) => {
      let message: HarnessEventMessage;
      try {
        message = JSON.parse(data) as HarnessEventMessage;
      } catch {
        return;
      }
      hub.dispatch(message.event, message.payload);
    });
  };

  async function request<T>(path: string, init: RequestInit): Promise<Result<T>> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, headers: { ...init.headers, [TOKEN_HEADER]: options.token } });
    } catch {
      return fail('io', 'The harness server is not reachable; is `npm run dev:browser` still running?');
    }
    try {
      return (await response.json()) as Result<T>;
    } catch {
      return fail('internal', `The harness answered ${response.status} without a result.`);
    }
  }

  const postJson = <T>(path: string, body: unknown) =>
    request<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  // Connect at once so events (scan progress, dialog requests) are not missed before the first subscription.
  ensureStream();
  return {
    invoke: (channel, args) => postJson(`${HARNESS_PATHS.invoke}${encodeURIComponent(channel)}`, args),
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void) {
      ensureStream();
      return hub.on(event, listener as (payload: unknown) => void);
    },
    answerDialog: (id, folder) => postJson(`${HARNESS_PATHS.dialog}${encodeURIComponent(id)}`, { folder }),
    listFolders: (path) => request(`${HARNESS_PATHS.folders}?path=${encodeURIComponent(path)}`, { method: 'GET' }),
    close() {
      closeStream?.();
      closeStream = null;
    },
  };
}
