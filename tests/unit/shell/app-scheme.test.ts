import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, APP_INDEX_URL } from '../../../electron/app-scheme';

// The renderer is served from app://jiaodui/ (electron/app-scheme.ts): confined to the built folder at the moment
// of use, with the page's CSP as a header.
let dir: string;
let root: string;
const PAGE_CSP = "default-src 'self'; script-src 'self'; img-src 'self' jiaodui-scan:";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-app-scheme-'));
  root = path.join(dir, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><title>J</title>`);
  await fs.writeFile(path.join(root, 'assets', 'main-𠮷.js'), 'console.log(1)');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'outside');
  await fs.symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
  await fs.symlink(path.join(root, 'assets', 'main-𠮷.js'), path.join(root, 'alias.js'));
  await fs.symlink(dir, path.join(root, 'up'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => answerAppRequest({ url, method }, root);

describe('app scheme file server', () => {
  it('serves index.html with the page CSP (plus frame-ancestors) as a header', async () => {
    const response = await get(APP_INDEX_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>J</title>');
    expect((await get('app://jiaodui/')).status).toBe(200);
  });

  it('serves scripts with a JavaScript type, names with astral characters percent-encoded', async () => {
    const response = await get(`app://jiaodui/assets/${encodeURIComponent('main-𠮷.js')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses .. however it is written, including encoded slashes and backslashes', async () => {
    for (const p of ['/../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2Fsecret.txt', '/assets%2F..%2F..%2Fsecret.txt', '/..%5Csecret.txt', '/%00index.html']) {
      const response = await get(`app://jiaodui${p}`);
      expect(response.status, p).toBe(404);
      expect(await response.text(), p).not.toContain('outside');
    }
  });

  it('refuses a symlink that leads out of the folder, or through a symlinked folder, but follows one that stays inside', async () => {
    expect((await get('app://jiaodui/assets/leak.js')).status).toBe(404);
    expect((await get('app://jiaodui/up/secret.txt')).status).toBe(404);
    expect(await (await get('app://jiaodui/alias.js')).text()).toBe('console.log(1)');
  });

  it('checks at the moment of use: a file swapped for a symlink after it was served is refused', async () => {
    const file = path.join(root, 'assets', 'swap.js');
    await fs.writeFile(file, 'ok');
    expect((await get('app://jiaodui/assets/swap.js')).status).toBe(200);
    await fs.rm(file);
    await fs.symlink(path.join(dir, 'secret.txt'), file);
    expect((await get('app://jiaodui/assets/swap.js')).status).toBe(404);
  });

  it('answers only its own host, only GET and HEAD, and not folders or missing files', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://jiaodui/index.html', 'POST')).status).toBe(405);
    const head = await get('app://jiaodui/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://jiaodui/assets')).status).toBe(404);
    expect((await get('app://jiaodui/nothing.js')).status).toBe(404);
  });
});
