// A stand-in for the `electron` module, loaded by the bundled main process in electron-main.test.ts. It records
// what main.ts asks of Electron in globalThis.__fakeElectron so the test can inspect and drive it.
/* global require, module */
'use strict';
const { pathToFileURL } = require('node:url'); // eslint-disable-line @typescript-eslint/no-require-imports -- plain CommonJS stand-in
const record = {
  paths: {},
  appEvents: {},
  windows: [],
  ipcHandlers: new Map(),
  permissionRequest: null,
  permissionCheck: null,
  menuTemplate: null,
  quitCalls: 0,
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  singleInstanceData: null,
  aboutPanel: null,
  openedPaths: [],
  messageBoxes: [],
  // The displays screen.getAllDisplays() reports; a test may change them before a window opens.
  displays: [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  // 'before-ready' or 'after-ready' once main.ts calls app.enableSandbox(), by whether it asked for 'ready' first.
  sandbox: null,
  readyAsked: false,
  // crashReporter.start options, exit codes given to app.exit, and whether the single-instance lock was asked for.
  crashReporter: null,
  exitCodes: [],
  singleInstanceAsked: false,
};
globalThis.__fakeElectron = record;

function emitter(target) {
  target.listeners = {};
  target.on = (name, fn) => {
    (target.listeners[name] ??= []).push(fn);
    return target;
  };
  target.once = target.on;
  target.emit = (name, ...args) => (target.listeners[name] ?? []).forEach((fn) => fn(...args));
  return target;
}

const app = emitter({
  isPackaged: false,
  setPath: (name, value) => (record.paths[name] = value),
  getPath: (name) => record.paths[name] ?? '/nonexistent-default-' + name,
  getVersion: () => '9.9.9-test',
  requestSingleInstanceLock: (data) => {
    record.singleInstanceData = data;
    record.singleInstanceAsked = true;
    return true;
  },
  setAboutPanelOptions: (options) => (record.aboutPanel = options),
  enableSandbox: () => (record.sandbox = record.readyAsked ? 'after-ready' : 'before-ready'),
  whenReady: () => {
    record.readyAsked = true;
    return Promise.resolve();
  },
  quit: () => record.quitCalls++,
  exit: (code) => record.exitCodes.push(code),
});

class BrowserWindow {
  constructor(options) {
    emitter(this);
    this.options = options;
    this.loaded = null;
    this.closed = 0;
    this.destroyed = false;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
    this.maximized = false;
    this.fullScreen = false;
    this.sent = [];
    this.reloads = 0;
    this.crashed = 0;
    const mainFrame = { url: '' };
    this.webContents = emitter({
      mainFrame,
      send: (channel, payload) => this.sent.push({ channel, payload }),
      setWindowOpenHandler: (fn) => (this.webContents.windowOpenHandler = fn),
      reload: () => this.reloads++,
      forcefullyCrashRenderer: () => this.crashed++,
    });
    record.windows.push(this);
  }
  static getAllWindows() {
    return record.windows.filter((w) => !w.destroyed);
  }
  loadFile(file, options) {
    this.loaded = { file, options };
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = { url };
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  maximize() {
    this.maximized = true;
  }
  setFullScreen(flag) {
    this.fullScreen = flag;
  }
  // What the OS does when the window really goes away: 'closed', then it is destroyed.
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
  close() {
    this.closed++;
  }
}

module.exports = {
  app,
  BrowserWindow,
  ipcMain: {
    handle: (channel, fn) => record.ipcHandlers.set(channel, fn),
    removeHandler: (channel) => record.ipcHandlers.delete(channel),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn) => (record.permissionRequest = fn),
      setPermissionCheckHandler: (fn) => (record.permissionCheck = fn),
    },
  },
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu: (menu) => (record.menuTemplate = menu),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record.privilegedSchemes.push(...schemes),
    handle: (scheme, fn) => record.protocolHandlers.set(scheme, fn),
  },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async (...args) => {
      record.messageBoxes.push(args.at(-1));
      return { response: 0 };
    },
  },
  shell: {
    openPath: async (file) => {
      record.openedPaths.push(file);
      return '';
    },
  },
  screen: {
    getAllDisplays: () => record.displays,
    getPrimaryDisplay: () => record.displays[0],
  },
  webUtils: { getPathForFile: () => '' },
  crashReporter: { start: (options) => (record.crashReporter = options) },
  contextBridge: { exposeInMainWorld: () => {} },
  ipcRenderer: {},
};
