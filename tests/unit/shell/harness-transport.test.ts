import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarnessTransport, type OpenEventStream } from '../../../renderer/bridge/harness-transport';
import { takeHarnessToken, type TokenEnvironment } from '../../../renderer/bridge/harness-token';
import { startTestHarness, type TestHarness } from './harness-test-helpers';

// Node 20 has fetch but no EventSource: read the stream with fetch and split it into messages.
const openWithFetch: OpenEventStream = (url, onMessage) => {
  const controller = new AbortController();
  void (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of frame.split('\n')) if (line.startsWith('data: ')) onMessage(line.slice(6));
      }
    }
  })();
  return () => controller.abort();
};

let harness: TestHarness;
beforeEach(async () => {
  harness = await startTestHarness();
});
afterEach(async () => {
  await harness.close();
});

const transportFor = (token: string) =>
  createHarnessTransport({ token, baseUrl: `http://127.0.0.1:${harness.server.port}`, openEvents: openWithFetch });

const waitUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('harness transport', () => {
  it('invokes a channel and returns the handler result', async () => {
    const transport = transportFor(harness.server.token);
    const result = await transport.invoke('page.open', ['版面/𠮷.txt']);
    expect(result).toEqual({ ok: true, value: { channel: 'page.open', rawArgs: ['版面/𠮷.txt'] } });
    transport.close();
  });

  it('returns the server refusal as an error value when the token is wrong', async () => {
    const transport = transportFor('wrong');
    const result = await transport.invoke('app.getState', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    transport.close();
  });

  it('returns an io error value, not a rejection, when the server is gone', async () => {
    const transport = createHarnessTransport({ token: 't', baseUrl: 'http://127.0.0.1:1', openEvents: () => () => {} });
    await expect(transport.invoke('app.getState', [])).resolves.toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('delivers emitted events to subscribers until they unsubscribe', async () => {
    const transport = transportFor(harness.server.token);
    const seen: unknown[] = [];
    const unsubscribe = transport.on('export.progress', (payload) => seen.push(payload));
    await waitUntil(() => harness.clientCount() > 0);
    harness.emit('export.progress', { done: 1, total: 3 });
    await waitUntil(() => seen.length > 0);
    expect(seen[0]).toEqual({ done: 1, total: 3 });
    unsubscribe();
    const count = seen.length;
    harness.emit('export.progress', { done: 2, total: 3 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBe(count);
    transport.close();
  });

  it('carries a folder dialog round trip: request event, in-app answer, chosen folder', async () => {
    const transport = transportFor(harness.server.token);
    transport.on('dialog.request', ({ id, purpose }) => {
      expect(purpose).toBe('open-corpus');
      void transport.answerDialog(id, '/data/报纸');
    });
    // Wait until the event stream is connected, otherwise the dialog answers null at once.
    await waitUntil(() => harness.clientCount() > 0);
    await expect(harness.chooseFolder()).resolves.toBe('/data/报纸');
    transport.close();
  });

  it('cancels an open folder dialog when the page that should answer it goes away', async () => {
    const transport = transportFor(harness.server.token);
    let asked = false;
    transport.on('dialog.request', () => {
      asked = true;
      transport.close();
    });
    await waitUntil(() => harness.clientCount() > 0);
    await expect(harness.chooseFolder()).resolves.toBeNull();
    expect(asked).toBe(true);
  });

  it('lists folders through the token-protected endpoint', async () => {
    const transport = transportFor(harness.server.token);
    const listing = await transport.listFolders(harness.root);
    expect(listing.ok && listing.value.folders.map((f) => f.name)).toEqual(['renderer']);
    transport.close();
  });
});

describe('takeHarnessToken', () => {
  function environment(href: string) {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    const env: TokenEnvironment = {
      location: { href },
      history: { state: null, replaceState: (_s, _u, url) => replaced.push(url) },
      sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) },
    };
    return { env, replaced };
  }

  it('takes the token from the URL and removes it from the visible address, keeping lang and the hash', () => {
    const { env, replaced } = environment('http://127.0.0.1:4000/?token=abc123&lang=zh-CN#p2');
    expect(takeHarnessToken(env)).toBe('abc123');
    expect(replaced).toEqual(['/?lang=zh-CN#p2']);
  });

  it('finds the token again after a reload of the cleaned address', () => {
    const { env } = environment('http://127.0.0.1:4000/?token=abc123');
    takeHarnessToken(env);
    env.location.href = 'http://127.0.0.1:4000/';
    expect(takeHarnessToken(env)).toBe('abc123');
  });

  it('answers null when there is no token at all', () => {
    const { env, replaced } = environment('http://127.0.0.1:4000/');
    expect(takeHarnessToken(env)).toBeNull();
    expect(replaced).toEqual([]);
  });
});
