import { BrowserWindow } from 'electron';

/// Where the main window loads its page and preload from.
export interface MainWindowPaths {
  /// Absolute path of dist/renderer/index.html.
  indexFile: string;
  /// Absolute path of dist/electron/preload.cjs.
  preloadFile: string;
}

/// Creates the one hardened application window and loads the renderer into it.
///
/// Context isolation, the sandbox and web security are on and Node integration is off (main.ts also calls
/// `app.enableSandbox()`, so every renderer is sandboxed); the page is loaded
/// from a local file, never from remote content. The CSP comes from the meta tag in renderer/index.html, since
/// response headers cannot be set for file:// loads.
export function createMainWindow(paths: MainWindowPaths, query: Record<string, string> = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Jiaodui',
    webPreferences: {
      preload: paths.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) opens links in new windows; the window-open handler denies them anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(paths.indexFile, { query });
  return window;
}
