// Electron main process: one hardened window over the shared handler table.
import { app, BrowserWindow, crashReporter, ipcMain, protocol, screen, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { AppState, EventChannel, EventPayloads } from '../shared/ipc/contract';
import { SCAN_SCHEME } from '../shared/ipc/scan-url';
import { answerAppRequest, APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-scheme';
import { cliArgsOf, runCliInApp } from './cli-route';
import { createCloseGuard } from './close-guard';
import { createElectronDialogs } from './dialogs';
import { createEventGate } from './event-gate';
import { openUserGuide, showAbout, showInfo, showLogFolder } from './help-actions';
import { registerIpcHandlers } from './ipc-register';
import { parseLaunchArgs } from './launch-args';
import { installApplicationMenu } from './menu';
import type { MenuAction } from './menu-template';
import { createOpenRouter, launchData } from './open-router';
import { createQuitBarrier } from './quit-barrier';
import { existingFolders, isFolder, openRecentFolder } from './recent-folders';
import { answerScanRequest } from './scan-protocol';
import { denyAllPermissions, guardAllWebContents } from './security';
import type { AppStore } from './services/app/app-state';
import { openErrorLog } from './services/app/error-log';
import { createHandlers, type Handlers } from './services/handlers/table';
import { logFailure } from './log-failure';
import { watchRenderer } from './renderer-recovery';
import { chooseStartupCorpus } from './startup-corpus';
import { userSampleCorpus } from './sample-corpus';
import { createMainWindow } from './window';
import { restoreWindowState } from './window-state';
import { trackWindowState } from './window-tracking';

// Every renderer runs in Chromium's OS-level sandbox, whatever a window's webPreferences say; before 'ready'.
app.enableSandbox();

const launch = parseLaunchArgs(process.argv, { defaultApp: process.defaultApp });
// `jiaodui validate …` and the other CLI commands run in this process, without a window (docs/command-line.md).
const cliArgs = cliArgsOf(process.argv, app.isPackaged);
// Must happen before 'ready': Electron fixes the profile folder then.
if (launch.userDataDir) app.setPath('userData', path.resolve(launch.userDataDir));
// The app log (docs/errors-and-logs.md), opened lazily on its first entry; the handler table writes to it too.
const stateFile = path.join(app.getPath('userData'), 'state.json');
const appLog = openErrorLog(stateFile);
// Crash dumps stay in app.getPath('crashDumps'): the app is offline and uploads nothing.
if (!cliArgs) crashReporter.start({ uploadToServer: false });
// Also before 'ready': the renderer is served on the app's own scheme (app-scheme.ts) and scan images are streamed
// on theirs (scan-protocol.ts).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  // corsEnabled: the page (app://jiaodui) fetches TIFF scans from this other origin; Electron blocks cross-origin
  // fetch() to a custom scheme without it (electron/electron#51152). Only our page can run here (navigation is
  // locked), and the scheme serves only the open corpus's scan images, confined like page.scanImage.
  { scheme: SCAN_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);

// This bundle lives in dist/electron; the renderer build sits beside it in dist/renderer.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadFile = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let handlers: Handlers | null = null;
let store: AppStore | null = null;

// Events wait here until the page has loaded, so the start-up scan reaches the renderer.
const gate = createEventGate((event, payload) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
});

function emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
  gate.emit(event, payload);
}

const closeGuard = createCloseGuard({
  requestCloseConfirmation: () => emit('app.closeRequested', {}),
  closeWindow: () => mainWindow?.close(),
  quitApp: () => app.quit(),
});

// The window state written as the window closes is awaited before the process ends ('will-quit').
const quitBarrier = createQuitBarrier(() => app.quit());

// A folder from a second launch, the dock icon (macOS open-file) or Open Recent: the renderer opens it after
// dealing with unsaved work; the corpus already open only brings the window forward.
const router = createOpenRouter(
  {
    showWindow,
    requestOpen: (folder) => void requestOpen(folder),
  },
  { defaultApp: process.defaultApp },
);

async function requestOpen(folder: string): Promise<void> {
  const real = await fs.promises.realpath(folder).catch(() => folder);
  const current = await handlers?.handle('corpus.current', []);
  if (current?.ok && (current.value as { root: string } | null)?.root === real) return;
  emit('corpus.openRequested', { path: folder });
}

function sampleCorpusPath(): string | null {
  const folder = app.isPackaged
    ? path.join(process.resourcesPath, 'sample-corpus')
    : path.join(__dirname, '..', '..', 'resources', 'sample-corpus');
  return fs.existsSync(folder) ? folder : null;
}

function userGuidePath(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'docs', 'user-guide.md') : path.join(__dirname, '..', '..', 'docs', 'user-guide.md');
}

// The menu follows the UI language and the recent list: rebuilt whenever either changes. Open Recent lists only
// the folders still on disk (looked at without blocking: a folder may be on a slow or gone network drive).
let menuBuilds = 0;
function refreshMenu(): void {
  const build = ++menuBuilds;
  const language = store?.preferences().language ?? 'zh-CN';
  void existingFolders(store?.recentCorpora() ?? []).then((recent) => {
    // A later rebuild (another language or list) wins over an earlier one that finished after it.
    if (build === menuBuilds) installApplicationMenu({ language, recent }, onMenuAction);
  });
}

function onMenuAction(action: MenuAction): void {
  const language = store?.preferences().language ?? 'zh-CN';
  switch (action.kind) {
    case 'command': emit('app.command', { command: action.command }); break;
    case 'open-recent': void openRecentFolder(action.path, language, { exists: isFolder, open: openFromMenu, notify: (text) => showInfo(mainWindow, { type: 'warning', ...text }), refreshMenu }); break;
    case 'clear-recent': void handlers?.handle('app.clearRecent', []); break;
    case 'user-guide': void openUserGuide(userGuidePath(), language, mainWindow); break;
    case 'show-logs': if (handlers) void showLogFolder(path.dirname(handlers.errorLog.file), language, mainWindow); break;
    case 'about': void showAbout(language, app.getVersion(), mainWindow); break;
  }
}

function openFromMenu(folder: string): void {
  showWindow();
  void requestOpen(folder);
}

/// Brings the window forward; on macOS, where the app outlives its window, opens it again first.
function showWindow(): void {
  if (!mainWindow) {
    if (handlers) openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openWindow(extraQuery: Record<string, string> = {}): void {
  const displays = screen.getAllDisplays();
  const restored = restoreWindowState(store?.windowStates() ?? { last: null, byDisplay: {} }, displays, screen.getPrimaryDisplay());
  // The renderer reads `?lang=` the same way in both shells.
  const query: Record<string, string> = { ...(launch.lang ? { lang: launch.lang } : {}), ...extraQuery };
  const window = createMainWindow({ indexUrl: APP_INDEX_URL, preloadFile }, query, restored);
  mainWindow = window;
  // Until this page has loaded, events wait (a folder asked for while the window opens again on macOS).
  gate.close();
  window.webContents.on('did-start-loading', () => gate.close());
  window.webContents.on('did-finish-load', () => gate.open());
  // A crashed or hung renderer is reloaded with a notice; the recovery journal restores its unsaved work.
  watchRenderer(window, { log: appLog, holdEvents: () => gate.close(), notify: (code) => emit('app.rendererRecovered', { code }) });
  window.on('close', (event) => {
    if (closeGuard.onWindowClose()) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (store) {
    const kept = store;
    trackWindowState(window, { displays: () => screen.getAllDisplays(), load: () => kept.windowStates(), save: (states) => quitBarrier.hold(kept.setWindowStates(states)), report: (error) => logFailure(appLog, 'main', 'Could not save the window state', error) });
  }
}

async function start(): Promise<void> {
  guardAllWebContents(app);
  denyAllPermissions(session.defaultSession);
  // The profile folder may not exist yet (first start, or a fresh --user-data-dir) and lowdb does not create it.
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });

  const table = createHandlers({
    dialogs: createElectronDialogs(() => mainWindow),
    emit,
    stateFile,
    errorLog: appLog,
    appVersion: app.getVersion(),
    shell: 'electron',
    onDirtyChange: (dirty: boolean) => closeGuard.setDirty(dirty),
    onConfirmClose: () => closeGuard.confirm(),
    onAppStateChange: refreshMenu,
    watchCorpus: true,
  });
  handlers = table;
  store = await table.appStore();
  // `--lang` becomes the saved preference (the renderer does the same), so the menu starts in that language too.
  if (launch.lang && store.preferences().language !== launch.lang) await store.setPreferences({ language: launch.lang });
  // The corpus lock goes back and the watcher stops before the app ends (an exit hook removes the lock too,
  // should this not run).
  app.on('will-quit', () => void table.close());
  registerIpcHandlers(ipcMain, table, {
    mainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
    indexUrl: APP_INDEX_URL,
  });
  app.setAboutPanelOptions({ applicationName: 'Jiaodui', applicationVersion: app.getVersion() });
  refreshMenu();
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir));
  protocol.handle(SCAN_SCHEME, (request) => answerScanRequest(request.url, table));

  const state = await table.handle('app.getState', []);
  const appState = state.ok ? (state.value as AppState) : null;
  const bundledSample = sampleCorpusPath();
  const chosen = chooseStartupCorpus({
    cliCorpus: router.takeStartupFolder(launch.corpus ? path.resolve(launch.corpus) : null),
    currentCorpus: appState?.corpus?.root ?? null,
    recentCorpora: appState?.recentCorpora ?? [],
    sampleCorpus: bundledSample,
  });
  // A first start: the sample opens from the user's copy in the app-data folder, with the welcome (issue 17).
  const firstStart = chosen !== null && chosen === bundledSample;
  let corpus = chosen;
  if (firstStart && bundledSample) {
    try {
      corpus = userSampleCorpus(bundledSample, app.getPath('userData'));
    } catch (error) {
      // Never open the installation's own folder for editing: start with no corpus instead.
      logFailure(appLog, 'main', 'Could not copy the sample corpus', error);
      corpus = null;
    }
  }
  if (corpus) {
    // A corpus that cannot be opened must not keep the window from appearing: the user can pick another.
    const opened = await table.openCorpus(corpus).catch((error: unknown) => ({ ok: false as const, error: { message: String(error) } }));
    if (!opened.ok) logFailure(appLog, 'main', `Could not open ${corpus}: ${opened.error.message}`);
  }
  // The welcome shows on a first start only (issue 17), not when macOS opens the window again.
  openWindow(firstStart ? { welcome: '1' } : {});
}

// The folder this launch names goes to the running app with the lock request, resolved against this launch's folder.
if (cliArgs) {
  void runCliInApp(app, cliArgs);
} else if (!app.requestSingleInstanceLock(launchData(launch.corpus, process.cwd()))) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => router.secondInstance({ argv, workingDirectory, additionalData }));
  // macOS: a folder dropped on the dock icon, or opened with the app; may come before 'ready'.
  app.on('open-file', (event, file) => router.openFile(event, file));
  // macOS: a click on the dock icon with no window open opens it again.
  app.on('activate', () => {
    if (handlers && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('before-quit', () => closeGuard.onBeforeQuit());
  app.on('will-quit', (event) => quitBarrier.onWillQuit(event));
  // macOS apps stay running without a window (the dock icon opens it again); elsewhere closing it quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    logFailure(appLog, 'main', 'Jiaodui could not start', error);
    // The entry reaches the disk before the process ends.
    void appLog.close().finally(() => app.exit(1));
  });
}
