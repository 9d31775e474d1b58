import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledMain, waitFor, type FakeElectronRecord, type FakeWindow } from './bundled-main';

// The bundled main process against the fake electron: crash reporter, renderer recovery and the app log.

const PAGE_TEXT = '𠮷野家秘密的版面文字 secret page words';
let dir: string;
let userData: string;
let record: FakeElectronRecord;
const win = (): FakeWindow => record.windows[0]!;
const trusted = () => ({ senderFrame: win().webContents.mainFrame });

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-main-recovery-'));
  const corpus = path.join(dir, '报纸');
  userData = path.join(dir, 'user data');
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, '甲.txt'), `${PAGE_TEXT}\n`);
  record = await loadBundledMain(dir, ['--corpus', corpus, '--user-data-dir', userData, '--lang', 'en']);
  await waitFor(() => record.windows.length > 0);
  win().webContents.emit('did-finish-load');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const readLog = async () => {
  // The stream writes asynchronously; give it a moment.
  await new Promise((r) => setTimeout(r, 200));
  return fs.readFile(path.join(userData, 'state.errors.log'), 'utf8').catch(() => '');
};

describe('crash reporting and renderer recovery (bundled main, fake electron)', () => {
  it('starts the crash reporter with uploads off', () => {
    expect(record.crashReporter).toEqual({ uploadToServer: false });
  });

  it('reloads a crashed renderer, logs it, and sends the notice to the reloaded page only once it has loaded', async () => {
    const before = win().sent.length;
    win().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win().reloads).toBe(1);
    // Held while the page reloads ...
    expect(win().sent.length).toBe(before);
    win().webContents.emit('did-start-loading');
    win().webContents.emit('did-finish-load');
    // ... and delivered to the new page.
    expect(win().sent.slice(before)).toContainEqual({ channel: 'app.rendererRecovered', payload: { code: 'renderer-crashed' } });
    const log = await readLog();
    expect(log).toMatch(/"channel":"main".*"kind":"renderer-crashed".*crashed, exit code 139/);
  });

  it('leaves a renderer that exited cleanly alone', () => {
    const reloads = win().reloads;
    win().webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win().reloads).toBe(reloads);
  });

  it('writes the renderer’s log.write entries to the app log without page text', async () => {
    const page = (await record.ipcHandlers.get('page.open')?.(trusted(), ['甲.txt'])) as { ok: boolean };
    expect(page.ok).toBe(true);
    const answer = await record.ipcHandlers.get('log.write')?.(trusted(), [
      { level: 'error', code: 'renderer.uncaught', message: `TypeError: cannot read "${PAGE_TEXT}" at line 3 of 𠮷野家 'secret page words'` },
    ]);
    expect(answer).toEqual({ ok: true, value: null });
    const bad = await record.ipcHandlers.get('log.write')?.(trusted(), [{ level: 'error', code: PAGE_TEXT, message: 'x' }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const log = await readLog();
    expect(log).toContain('"channel":"renderer","level":"error","kind":"renderer.uncaught","message":"TypeError: cannot read \\"…\\" at line 3 of … \\"…\\""');
    for (const fragment of ['𠮷', '野家', '秘密', 'secret', 'page words']) expect(log).not.toContain(fragment);
  });
});
