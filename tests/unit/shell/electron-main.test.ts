import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainProcessBuildOptions, textWorkerBuildOptions } from '../../../scripts/build-steps';
import { requestSchemas } from '../../../shared/ipc/contract';

// Bundles electron/main.ts exactly as the build does and runs it against a recording fake of `electron`, to check
// the wiring that no pure unit covers: window options, IPC guard, start-up corpus, security hooks, close guard.

interface FakeContents {
  listeners: Record<string, ((...args: unknown[]) => void)[]>;
  emit(name: string, ...args: unknown[]): void;
  send?: unknown;
  mainFrame?: { url: string };
  windowOpenHandler?: () => unknown;
  setWindowOpenHandler(fn: () => unknown): void;
}
interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  loaded: { file: string; options: unknown } | null;
  closed: number;
  sent: { channel: string; payload: unknown }[];
  webContents: FakeContents & { mainFrame: { url: string } };
  emit(name: string, ...args: unknown[]): void;
}
interface FakeRecord {
  paths: Record<string, string>;
  windows: FakeWindow[];
  ipcHandlers: Map<string, (event: unknown, args: unknown) => Promise<unknown>>;
  permissionRequest: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck: () => boolean;
  menuTemplate: { label?: string }[];
  quitCalls: number;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: Map<string, (request: { url: string }) => Promise<Response>>;
  sandbox: 'before-ready' | 'after-ready' | null;
}
type FakeApp = { emit(name: string, ...args: unknown[]): void };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let dir: string;
let corpus: string;
let userData: string;
let record: FakeRecord;
let fakeApp: FakeApp;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-main-'));
  corpus = path.join(dir, '报纸 corpus');
  userData = path.join(dir, 'user data');
  await fs.mkdir(corpus);
  await fs.writeFile(path.join(corpus, '甲.txt'), '𠮷野家\n第二行\n');
  await fs.writeFile(path.join(corpus, '甲.png'), PNG);
  const out = path.join(dir, 'app', 'dist', 'electron');
  await build({ ...mainProcessBuildOptions(path.join(out, 'main.cjs')), sourcemap: false, logLevel: 'silent' });
  await build({ ...textWorkerBuildOptions(path.join(out, 'text-worker.cjs')), sourcemap: false, logLevel: 'silent' });
  // The packages left outside the bundles (native addons) come from the repository, as from the app's folder.
  await fs.symlink(path.join(import.meta.dirname, '..', '..', '..', 'node_modules'), path.join(dir, 'app', 'node_modules'), 'dir');
  // Node finds dist/electron/node_modules/electron before the real package.
  await fs.mkdir(path.join(out, 'node_modules', 'electron'), { recursive: true });
  await fs.copyFile(path.join(import.meta.dirname, 'fake-electron', 'index.cjs'), path.join(out, 'node_modules', 'electron', 'index.js'));

  const savedArgv = process.argv;
  process.argv = ['electron', path.join(out, 'main.cjs'), '--corpus', corpus, '--user-data-dir', userData, '--lang', 'en'];
  try {
    createRequire(path.join(out, 'main.cjs'))(path.join(out, 'main.cjs'));
  } finally {
    process.argv = savedArgv;
  }
  record = (globalThis as unknown as { __fakeElectron: FakeRecord }).__fakeElectron;
  fakeApp = createRequire(path.join(out, 'main.cjs'))('electron').app as FakeApp;
  for (let i = 0; i < 200 && record.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const win = () => {
  const window = record.windows[0];
  if (!window) throw new Error('main.ts created no window');
  return window;
};
const trusted = () => ({ senderFrame: win().webContents.mainFrame });

describe('Electron main process (bundled, against a fake electron)', () => {
  it('keeps its state under --user-data-dir', () => {
    expect(record.paths.userData).toBe(userData);
  });

  it('sandboxes every renderer with app.enableSandbox() before the app is ready', () => {
    expect(record.sandbox).toBe('before-ready');
  });

  it('creates one window with isolation, sandbox and web security on and Node integration off', () => {
    expect(record.windows).toHaveLength(1);
    expect(win().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(path.basename(String(win().options.webPreferences.preload))).toBe('preload.cjs');
    expect(win().loaded).toEqual({ file: path.join(dir, 'app', 'dist', 'renderer', 'index.html'), options: { query: { lang: 'en' } } });
  });

  it('streams scan images of the open corpus on the privileged jiaodui-scan scheme, confined like page.scanImage', async () => {
    expect(record.privilegedSchemes).toEqual([{ scheme: 'jiaodui-scan', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    const handle = record.protocolHandlers.get('jiaodui-scan')!;
    const image = await handle({ url: `jiaodui-scan://corpus/?path=${encodeURIComponent('甲.png')}` });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    const outside = await handle({ url: `jiaodui-scan://corpus/?path=${encodeURIComponent('../secret.png')}` });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
    expect((await handle({ url: `jiaodui-scan://corpus/?path=${encodeURIComponent('甲.txt')}` })).status).toBe(400);
    expect((await handle({ url: `jiaodui-scan://corpus/?path=${encodeURIComponent('乙.png')}` })).status).toBe(404);
    expect((await handle({ url: 'jiaodui-scan://elsewhere/x.png' })).status).toBe(400);
  });

  it('registers exactly the request channels of the contract', () => {
    expect([...record.ipcHandlers.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('opened the --corpus folder before the window loads, and reports it to the trusted window', async () => {
    const state = (await record.ipcHandlers.get('app.getState')?.(trusted(), [])) as { ok: boolean; value: { corpus: { root: string }; shell: string; appVersion: string } };
    expect(state.ok).toBe(true);
    expect(state.value.corpus.root).toBe(corpus);
    expect(state.value.shell).toBe('electron');
    expect(state.value.appVersion).toBe('9.9.9-test');
  });

  it('opens a page with astral characters through IPC', async () => {
    const page = (await record.ipcHandlers.get('page.open')?.(trusted(), ['甲.txt'])) as { ok: boolean; value: { originalText: string } };
    expect(page.ok).toBe(true);
    expect(page.value.originalText).toBe('𠮷野家\n第二行\n');
  });

  it('makes OCR suggestions and word tags on the bundled text worker thread', async () => {
    const suggested = (await record.ipcHandlers.get('ocr.suggest')?.(trusted(), [{ text: '党 员 年 龄,𠮷' }])) as { ok: boolean; value: { rule: string }[] };
    expect(suggested).toMatchObject({ ok: true });
    expect(suggested.value.map((suggestion) => suggestion.rule)).toContain('cjk-spacing');
    const tagged = (await record.ipcHandlers.get('entities.tagWords')?.(trusted(), ['𠮷北京市朔城区'])) as { ok: boolean; value: { start: number }[] };
    expect(tagged.ok).toBe(true);
    expect(tagged.value[0]?.start).toBe(0);
  });

  it('refuses IPC from a frame that is not our main frame', async () => {
    const result = await record.ipcHandlers.get('app.getState')?.({ senderFrame: { url: win().webContents.mainFrame.url } }, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | null = null;
    record.permissionRequest({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(record.permissionCheck()).toBe(false);
  });

  it('stops navigation, redirects and new windows of every web contents created', () => {
    const contents: FakeContents = {
      listeners: {},
      emit(name, ...args) {
        for (const fn of this.listeners[name] ?? []) fn(...args);
      },
      setWindowOpenHandler(fn) {
        this.windowOpenHandler = fn;
      },
    };
    (contents as unknown as { on: (n: string, f: () => void) => void }).on = (name, fn) => (contents.listeners[name] ??= []).push(fn);
    fakeApp.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(name, { preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('holds events until the page has loaded, then delivers the start-up scan in order', () => {
    expect(win().sent).toEqual([]);
    win().webContents.emit('did-finish-load');
    const scan = win().sent.filter((m) => m.channel === 'corpus.scanProgress').map((m) => m.payload as { done: boolean; pages: { path: string }[] });
    expect(scan.at(-1)?.done).toBe(true);
    expect(scan.flatMap((p) => p.pages.map((page) => page.path))).toEqual(['甲.txt']);
  });

  it('installs the File, Edit and View menus, whose commands reach the renderer as app.command', () => {
    const labels = record.menuTemplate.map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View']));
    const file = record.menuTemplate.find((m) => m.label === 'File') as { submenu: { label?: string; click?: () => void }[] };
    file.submenu.find((item) => item.label === 'Save')?.click?.();
    expect(win().sent).toContainEqual({ channel: 'app.command', payload: { command: 'save' } });
  });

  it('keeps a dirty window open, asks the renderer, and closes once it confirms', async () => {
    await record.ipcHandlers.get('app.setDirty')?.(trusted(), [true]);
    let prevented = false;
    win().emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(win().sent.some((m) => m.channel === 'app.closeRequested')).toBe(true);
    await record.ipcHandlers.get('app.confirmClose')?.(trusted(), []);
    expect(win().closed).toBe(1);
    let preventedAgain = false;
    win().emit('close', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
  });
});
