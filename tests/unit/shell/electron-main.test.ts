import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainProcessBuildOptions, textWorkerBuildOptions } from '../../../scripts/build-steps';
import { requestSchemas } from '../../../shared/ipc/contract';
import { waitFor } from './bundled-main';

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
  options: { webPreferences: Record<string, unknown>; x?: number; y?: number; width: number; height: number };
  loaded: { url: string } | null;
  bounds: { x: number; y: number; width: number; height: number };
  maximized: boolean;
  destroy(): void;
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
  menuTemplate: MenuItem[];
  singleInstanceData: unknown;
  openedPaths: string[];
  messageBoxes: { title?: string; message?: string }[];
  quitCalls: number;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: Map<string, (request: { url: string }) => Promise<Response>>;
  sandbox: 'before-ready' | 'after-ready' | null;
}
type FakeApp = { emit(name: string, ...args: unknown[]): void };
interface MenuItem {
  label?: string;
  role?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let dir: string;
let corpus: string;
let otherCorpus: string;
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
  otherCorpus = path.join(dir, '另一个 𠮷');
  await fs.mkdir(otherCorpus);
  // A window remembered on the fake's one display, maximised: the app must open it there.
  await fs.mkdir(userData, { recursive: true });
  const byDisplay = { '0,0,1920x1080': { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true, fullScreen: false } };
  await fs.writeFile(path.join(userData, 'state.json'), JSON.stringify({ windowStates: { last: '0,0,1920x1080', byDisplay } }));
  // The built renderer and the user guide, where the app finds them beside dist/electron in a checkout.
  await fs.mkdir(path.join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  await fs.writeFile(path.join(dir, 'app', 'dist', 'renderer', 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><p>page`);
  await fs.mkdir(path.join(dir, 'app', 'docs'));
  await fs.writeFile(path.join(dir, 'app', 'docs', 'user-guide.md'), '# Guide');
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
  // The window state and the error log may still be being written as the last test ends.
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
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
    expect(win().loaded).toEqual({ url: 'app://jiaodui/index.html?lang=en' });
  });

  it('serves the renderer on the app:// scheme with its CSP as a header, confined to dist/renderer', async () => {
    expect(record.privilegedSchemes.map((s) => s.scheme)).toEqual(['app', 'jiaodui-scan']);
    expect(record.privilegedSchemes[0]?.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, stream: true });
    const serve = record.protocolHandlers.get('app')!;
    const page = await serve({ url: 'app://jiaodui/index.html?lang=en' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(await page.text()).toContain('<p>page');
    expect((await serve({ url: 'app://jiaodui/..%2F..%2Fdocs%2Fuser-guide.md' })).status).toBe(404);
  });

  it('opens the window where it was, on a display that is attached, maximised as it was', () => {
    expect(win().options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700, minWidth: 720, minHeight: 480 });
    expect(win().maximized).toBe(false);
    win().emit('ready-to-show');
    expect(win().maximized).toBe(true);
  });

  it('passes the launch folder, made absolute, to the single-instance lock for the running app', () => {
    expect(record.singleInstanceData).toEqual({ folder: corpus });
  });

  it('streams scan images of the open corpus on the privileged jiaodui-scan scheme, confined like page.scanImage', async () => {
    expect(record.privilegedSchemes.find((s) => s.scheme === 'jiaodui-scan')).toEqual({ scheme: 'jiaodui-scan', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } });
    const handle = record.protocolHandlers.get('jiaodui-scan')!;
    const image = await handle({ url: `jiaodui-scan://corpus/?path=${encodeURIComponent('甲.png')}` });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    // The page on app://jiaodui fetches TIFF scans across origins: the answer names exactly that origin.
    expect(image.headers.get('access-control-allow-origin')).toBe('app://jiaodui');
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
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
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

  it('installs the menus in the UI language, rebuilt when the language switches', async () => {
    const topLabels = () => record.menuTemplate.map((m) => m.label).join(' ');
    expect(topLabels()).toBe('File Edit View Window Help');
    // The menu is rebuilt once Open Recent's folders have been looked at on disk.
    await record.ipcHandlers.get('app.setPreferences')?.(trusted(), [{ language: 'zh-CN' }]);
    await waitFor(() => topLabels() === '文件 编辑 视图 窗口 帮助');
    expect(topLabels()).toBe('文件 编辑 视图 窗口 帮助');
    await record.ipcHandlers.get('app.setPreferences')?.(trusted(), [{ language: 'en' }]);
    await waitFor(() => topLabels() === 'File Edit View Window Help');
    expect(topLabels()).toBe('File Edit View Window Help');
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

  const openRequests = () => win().sent.filter((m) => m.channel === 'corpus.openRequested').map((m) => m.payload);
  const fileMenu = () => record.menuTemplate.find((m) => m.label === 'File')!.submenu!;
  const openRecentMenu = () => fileMenu().find((m) => m.label === 'Open Recent')!.submenu!;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('asks the renderer to open the folder a second launch names, resolved against that launch\'s folder', async () => {
    fakeApp.emit('second-instance', {}, ['/opt/Jiaodui/jiaodui', '--no-sandbox', path.basename(otherCorpus)], dir, {});
    await settle();
    expect(openRequests()).toEqual([{ path: otherCorpus }]);
    // The lock's additional data wins over the arguments (Chromium may rewrite those on the way).
    fakeApp.emit('second-instance', {}, ['/opt/Jiaodui/jiaodui', '--some-switch'], '/', { folder: otherCorpus });
    await settle();
    expect(openRequests()).toHaveLength(2);
  });

  it('only brings the window forward for a second launch without a folder, or naming the corpus already open', async () => {
    fakeApp.emit('second-instance', {}, ['/opt/Jiaodui/jiaodui'], dir, {});
    fakeApp.emit('second-instance', {}, ['/opt/Jiaodui/jiaodui', corpus], '/', {});
    await settle();
    expect(openRequests()).toHaveLength(2);
  });

  it('takes a folder dropped on the macOS dock icon (open-file)', async () => {
    let taken = false;
    fakeApp.emit('open-file', { preventDefault: () => (taken = true) }, otherCorpus);
    await settle();
    expect(taken).toBe(true);
    expect(openRequests()).toHaveLength(3);
  });

  it('opens a folder by path (corpus.openPath), lists it under File → Open Recent, and reopens from there', async () => {
    const opened = (await record.ipcHandlers.get('corpus.openPath')?.(trusted(), [otherCorpus])) as { ok: boolean; value: { root: string } };
    expect(opened).toMatchObject({ ok: true, value: { root: otherCorpus } });
    await waitFor(() => openRecentMenu().length === 4);
    expect(openRecentMenu().map((m) => m.label)).toEqual([otherCorpus, corpus, undefined, 'Clear Recently Opened']);
    openRecentMenu()[1]!.click!();
    await settle();
    expect(openRequests().at(-1)).toEqual({ path: corpus });
    const relative = await record.ipcHandlers.get('corpus.openPath')?.(trusted(), ['relative/folder']);
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('leaves a folder that is gone out of Open Recent, and will not open one gone since the menu was built', async () => {
    const third = path.join(dir, '第三 𠮷');
    await fs.mkdir(third);
    await fs.writeFile(path.join(third, 'p.txt'), '丙');
    await record.ipcHandlers.get('corpus.openPath')?.(trusted(), [third]);
    await record.ipcHandlers.get('corpus.openPath')?.(trusted(), [otherCorpus]);
    await waitFor(() => openRecentMenu()[1]?.label === third);
    expect(openRecentMenu().map((m) => m.label)).toEqual([otherCorpus, third, corpus, undefined, 'Clear Recently Opened']);
    // Gone after the menu was built: its item shows a notice instead of asking the renderer to open it.
    await fs.rm(third, { recursive: true });
    const requests = openRequests().length;
    const notices = record.messageBoxes.length;
    openRecentMenu()[1]!.click!();
    await waitFor(() => record.messageBoxes.length > notices);
    expect(record.messageBoxes.at(-1)).toMatchObject({ type: 'warning', message: `The folder no longer exists: ${third}` });
    expect(openRequests()).toHaveLength(requests);
    // The menu was rebuilt without it; the stored list still has it (a drive plugged in again brings it back).
    await waitFor(() => openRecentMenu().length === 4);
    expect(openRecentMenu().map((m) => m.label)).toEqual([otherCorpus, corpus, undefined, 'Clear Recently Opened']);
    const state = (await record.ipcHandlers.get('app.getState')?.(trusted(), [])) as { value: { recentCorpora: string[] } };
    expect(state.value.recentCorpora).toEqual([otherCorpus, third, corpus]);
  });

  it('clears the recent list from the menu, which then shows it empty', async () => {
    openRecentMenu().at(-1)!.click!();
    await waitFor(() => openRecentMenu().length === 3);
    expect(openRecentMenu().map((m) => [m.label, m.enabled ?? true])).toEqual([['No Recent Folders', false], [undefined, true], ['Clear Recently Opened', false]]);
    const state = (await record.ipcHandlers.get('app.getState')?.(trusted(), [])) as { value: { recentCorpora: string[] } };
    expect(state.value.recentCorpora).toEqual([]);
  });

  it('opens the user guide and the log folder from the Help menu, and shows About on Linux', async () => {
    const help = record.menuTemplate.find((m) => m.label === 'Help')!.submenu!;
    help.find((m) => m.label === 'User Guide')!.click!();
    help.find((m) => m.label === 'Show Logs')!.click!();
    help.find((m) => m.label === 'About Jiaodui')!.click!();
    await settle();
    expect(record.openedPaths).toEqual([path.join(dir, 'app', 'docs', 'user-guide.md'), userData]);
    expect(record.messageBoxes.at(-1)).toMatchObject({ title: 'About Jiaodui', message: 'Jiaodui 9.9.9-test' });
  });

  it('remembers where the window was when it closes, on disk before a quit at once lets the app end', async () => {
    win().bounds = { x: 300, y: 200, width: 1100, height: 750 };
    win().maximized = false;
    const quits = record.quitCalls;
    win().emit('close', { preventDefault: () => {} });
    // Ctrl+Q right away: the exit waits for the write, then the app quits again.
    let prevented = false;
    fakeApp.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await waitFor(() => record.quitCalls > quits);
    expect(record.quitCalls).toBe(quits + 1);
    const saved = JSON.parse(await fs.readFile(path.join(userData, 'state.json'), 'utf8')) as { windowStates: { byDisplay: Record<string, { bounds: unknown }> } };
    expect(saved.windowStates.byDisplay['0,0,1920x1080']?.bounds).toEqual(win().bounds);
  });

  it('opens the window again when the dock icon is clicked with no window open (macOS activate)', async () => {
    win().destroy();
    fakeApp.emit('activate');
    const second = record.windows[1];
    expect(second?.loaded).toEqual({ url: 'app://jiaodui/index.html?lang=en' });
    // Where it was left.
    expect(second?.options).toMatchObject({ x: 300, y: 200, width: 1100, height: 750 });
    fakeApp.emit('activate');
    expect(record.windows).toHaveLength(2);
  });
});
