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
  requestSingleInstanceLock: () => {
    record.singleInstanceAsked = true;
    return true;
  },
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
  loadFile(file, options) {
    this.loaded = { file, options };
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
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
  crashReporter: { start: (options) => (record.crashReporter = options) },
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
  contextBridge: { exposeInMainWorld: () => {} },
  ipcRenderer: {},
};
