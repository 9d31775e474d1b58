// Electron main process: one hardened window over the shared handler table.
import { app, BrowserWindow, crashReporter, ipcMain, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppState, EventChannel, EventPayloads } from '../shared/ipc/contract';
import { SCAN_SCHEME } from '../shared/ipc/scan-url';
import { cliArgsOf, runCliInApp } from './cli-route';
import { createCloseGuard } from './close-guard';
import { createElectronDialogs } from './dialogs';
import { createEventGate } from './event-gate';
import { registerIpcHandlers } from './ipc-register';
import { parseLaunchArgs } from './launch-args';
import { answerScanRequest } from './scan-protocol';
import { installApplicationMenu } from './menu';
import { denyAllPermissions, guardAllWebContents } from './security';
import { openErrorLog } from './services/app/error-log';
import { createHandlers } from './services/handlers/table';
import { logFailure } from './log-failure';
import { watchRenderer } from './renderer-recovery';
import { chooseStartupCorpus } from './startup-corpus';
import { userSampleCorpus } from './sample-corpus';
import { createMainWindow } from './window';

// Every renderer runs in Chromium's OS-level sandbox, whatever a window's webPreferences say; before 'ready'.
app.enableSandbox();

const launch = parseLaunchArgs(process.argv);
// `jiaodui validate …` and the other CLI commands run in this process, without a window (docs/command-line.md).
const cliArgs = cliArgsOf(process.argv, app.isPackaged);
// Must happen before 'ready': Electron fixes the profile folder then.
if (launch.userDataDir) app.setPath('userData', path.resolve(launch.userDataDir));
// The app log (docs/errors-and-logs.md), opened lazily on its first entry; the handler table writes to it too.
const stateFile = path.join(app.getPath('userData'), 'state.json');
const appLog = openErrorLog(stateFile);
// Crash dumps stay in app.getPath('crashDumps'): the app is offline and uploads nothing.
if (!cliArgs) crashReporter.start({ uploadToServer: false });
// Also before 'ready': scan images are streamed on their own scheme (see scan-protocol.ts) instead of as base64.
protocol.registerSchemesAsPrivileged([{ scheme: SCAN_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

// This bundle lives in dist/electron; the renderer build sits beside it in dist/renderer.
const indexFile = path.join(__dirname, '..', 'renderer', 'index.html');
const preloadFile = path.join(__dirname, 'preload.cjs');
const indexUrl = pathToFileURL(indexFile).href;

let mainWindow: BrowserWindow | null = null;

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

function sampleCorpusPath(): string | null {
  const folder = app.isPackaged
    ? path.join(process.resourcesPath, 'sample-corpus')
    : path.join(__dirname, '..', '..', 'resources', 'sample-corpus');
  return fs.existsSync(folder) ? folder : null;
}

async function start(): Promise<void> {
  guardAllWebContents(app);
  denyAllPermissions(session.defaultSession);
  // The profile folder may not exist yet (first start, or a fresh --user-data-dir) and lowdb does not create it.
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });

  const handlers = createHandlers({
    dialogs: createElectronDialogs(() => mainWindow),
    emit,
    stateFile,
    errorLog: appLog,
    appVersion: app.getVersion(),
    shell: 'electron',
    onDirtyChange: (dirty: boolean) => closeGuard.setDirty(dirty),
    onConfirmClose: () => closeGuard.confirm(),
    watchCorpus: true,
  });
  // The corpus lock goes back and the watcher stops before the app ends (an exit hook removes the lock too,
  // should this not run).
  app.on('will-quit', () => void handlers.close());
  registerIpcHandlers(ipcMain, handlers, {
    mainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
    indexUrl,
  });
  installApplicationMenu((command) => emit('app.command', { command }));
  protocol.handle(SCAN_SCHEME, (request) => answerScanRequest(request.url, handlers));

  const state = await handlers.handle('app.getState', []);
  const appState = state.ok ? (state.value as AppState) : null;
  const bundledSample = sampleCorpusPath();
  const chosen = chooseStartupCorpus({
    cliCorpus: launch.corpus ? path.resolve(launch.corpus) : null,
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
    const opened = await handlers.openCorpus(corpus).catch((error: unknown) => ({ ok: false as const, error: { message: String(error) } }));
    if (!opened.ok) logFailure(appLog, 'main', `Could not open ${corpus}: ${opened.error.message}`);
  }

  // The renderer reads `?lang=` the same way in both shells.
  const query: Record<string, string> = { ...(launch.lang ? { lang: launch.lang } : {}), ...(firstStart ? { welcome: '1' } : {}) };
  mainWindow = createMainWindow({ indexFile, preloadFile }, query);
  mainWindow.webContents.on('did-start-loading', () => gate.close());
  mainWindow.webContents.on('did-finish-load', () => gate.open());
  // A crashed or hung renderer is reloaded with a notice; the recovery journal restores its unsaved work.
  watchRenderer(mainWindow, { log: appLog, holdEvents: () => gate.close(), notify: (code) => emit('app.rendererRecovered', { code }) });
  mainWindow.on('close', (event) => {
    if (closeGuard.onWindowClose()) event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (cliArgs) {
  void runCliInApp(app, cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('before-quit', () => closeGuard.onBeforeQuit());
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    logFailure(appLog, 'main', 'Jiaodui could not start', error);
    // The entry reaches the disk before the process ends.
    void appLog.close().finally(() => app.exit(1));
  });
}
