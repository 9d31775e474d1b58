import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE_CSP, rawRequest, startTestHarness, type TestHarness } from './harness-test-helpers';

let harness: TestHarness;
beforeEach(async () => {
  harness = await startTestHarness();
});
afterEach(async () => {
  await harness.close();
});

const invoke = (channel: string, args: unknown, headers: Record<string, string> = {}) =>
  rawRequest(harness.server.port, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { 'Content-Type': 'application/json', 'X-Jiaodui-Token': harness.server.token, ...headers },
    body: JSON.stringify(args),
  });

describe('harness server: address and token', () => {
  it('listens on 127.0.0.1 and puts the token in the printed URL', () => {
    expect(harness.server.url).toBe(`http://127.0.0.1:${harness.server.port}/?token=${encodeURIComponent(harness.server.token)}`);
    expect(harness.server.port).toBeGreaterThan(0);
    expect(harness.server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an invoke with the right token with the handler result', async () => {
    const response = await invoke('page.open', ['版面/𠮷.txt']);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { channel: 'page.open', rawArgs: ['版面/𠮷.txt'] } });
  });

  it('refuses an invoke with a missing or wrong token with 403', async () => {
    const missing = await rawRequest(harness.server.port, { method: 'POST', path: '/api/invoke/page.open', body: '["a.txt"]' });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    const wrong = await invoke('page.open', ['a.txt'], { 'X-Jiaodui-Token': `${harness.server.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
  });

  it('does not accept the token as a query parameter on invoke (only the event stream may)', async () => {
    const response = await rawRequest(harness.server.port, {
      method: 'POST',
      path: `/api/invoke/page.open?token=${encodeURIComponent(harness.server.token)}`,
      body: '["a.txt"]',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    const response = await invoke('page.open', ['a.txt'], { Host: `evil.example:${harness.server.port}` });
    expect(response.status).toBe(403);
    const otherPort = await invoke('page.open', ['a.txt'], { Host: `127.0.0.1:${harness.server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const page = await rawRequest(harness.server.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('accepts localhost as the Host name', async () => {
    const response = await invoke('app.getState', [], { Host: `localhost:${harness.server.port}` });
    expect(response.status).toBe(200);
  });

  it('refuses requests from another web origin', async () => {
    const response = await invoke('page.open', ['a.txt'], { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('answers 404 for a channel the table does not have and 400 for a body that is not JSON', async () => {
    const unknown = await invoke('fs.deleteEverything', []);
    expect(unknown.status).toBe(404);
    const notJson = await rawRequest(harness.server.port, {
      method: 'POST',
      path: '/api/invoke/page.open',
      headers: { 'X-Jiaodui-Token': harness.server.token },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('harness server: static files', () => {
  it('serves index.html at / with the CSP of its meta tag plus frame-ancestors, and safe headers', async () => {
    const response = await rawRequest(harness.server.port, { path: '/?token=abc' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toContain('<title>校对</title>');
  });

  it('serves assets with their content types and UTF-8 intact', async () => {
    const script = await rawRequest(harness.server.port, { path: '/assets/main.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("校对 𠮷");');
    const style = await rawRequest(harness.server.port, { path: '/assets/style.css' });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('refuses every way of climbing out of the static folder', async () => {
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/%00index.html']) {
      const response = await rawRequest(harness.server.port, { path: attempt });
      expect(response.status, attempt).toBe(404);
      expect(response.body).not.toContain('outside the static folder');
    }
  });

  it('refuses a symbolic link inside the static folder that points outside it', async () => {
    await fs.symlink(path.join(harness.root, 'secret.txt'), path.join(harness.staticDir, 'link.txt'));
    const response = await rawRequest(harness.server.port, { path: '/link.txt' });
    expect(response.status).toBe(404);
  });

  it('answers 404 for a folder and for a missing file, and 405 for POST', async () => {
    expect((await rawRequest(harness.server.port, { path: '/assets' })).status).toBe(404);
    expect((await rawRequest(harness.server.port, { path: '/nope.js' })).status).toBe(404);
    expect((await rawRequest(harness.server.port, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });
});

describe('harness server: events, dialogs and folders', () => {
  it('streams emitted events to a client holding the token in the query', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: harness.server.port, path: `/api/events?token=${encodeURIComponent(harness.server.token)}` },
        (response) => {
          expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('data: ')) {
              request.destroy();
              resolve(text);
            }
          });
          // The client is attached once headers are out; emit after that.
          setTimeout(() => harness.emit('export.progress', { done: 1, total: 2 }), 50);
        },
      );
      request.on('error', reject);
    });
    const line = received.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line?.slice('data: '.length) ?? '')).toEqual({ event: 'export.progress', payload: { done: 1, total: 2 } });
  });

  it('refuses the event stream without the token', async () => {
    const response = await rawRequest(harness.server.port, { path: '/api/events' });
    expect(response.status).toBe(403);
  });

  it('answers a folder dialog with null at once when no renderer is connected', async () => {
    await expect(harness.chooseFolder()).resolves.toBeNull();
  });

  it('refuses a dialog answer for an id that was never asked', async () => {
    const response = await rawRequest(harness.server.port, {
      method: 'POST',
      path: '/api/dialog/made-up',
      headers: { 'X-Jiaodui-Token': harness.server.token },
      body: JSON.stringify({ folder: '/tmp' }),
    });
    expect(response.status).toBe(404);
  });

  it('lists sub-folders for the folder picker, without hidden ones and with the parent', async () => {
    await fs.mkdir(path.join(harness.root, '报纸 1950'));
    await fs.mkdir(path.join(harness.root, '.git'));
    const response = await rawRequest(harness.server.port, {
      path: `/api/folders?path=${encodeURIComponent(harness.root)}`,
      headers: { 'X-Jiaodui-Token': harness.server.token },
    });
    const listing = JSON.parse(response.body);
    expect(listing).toEqual({
      ok: true,
      value: {
        path: harness.root,
        parent: path.dirname(harness.root),
        folders: [
          { name: 'renderer', path: path.join(harness.root, 'renderer') },
          { name: '报纸 1950', path: path.join(harness.root, '报纸 1950') },
        ],
      },
    });
  });

  it('refuses to list folders without the token and reports a missing folder in plain words', async () => {
    const noToken = await rawRequest(harness.server.port, { path: `/api/folders?path=${encodeURIComponent(harness.root)}` });
    expect(noToken.status).toBe(403);
    const missing = await rawRequest(harness.server.port, {
      path: `/api/folders?path=${encodeURIComponent(path.join(harness.root, 'gone'))}`,
      headers: { 'X-Jiaodui-Token': harness.server.token },
    });
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'That folder does not exist.' } });
  });
});
