import { BrowserWindow } from 'electron';
import type { RestoredWindowState } from './window-state';
import { WINDOW_SIZES } from './window-state';

/// Where the main window loads its page and preload from.
export interface MainWindowPaths {
  /// The renderer's page on the app's own scheme (`app://jiaodui/index.html`, electron/app-scheme.ts).
  indexUrl: string;
  /// Absolute path of dist/electron/preload.cjs.
  preloadFile: string;
}

/// Creates the one hardened application window, at its remembered size and place, and loads the renderer.
///
/// Context isolation, the sandbox and web security are on and Node integration is off (main.ts also calls
/// `app.enableSandbox()`, so every renderer is sandboxed). The page comes from the app's own scheme, never from
/// remote content; that scheme sends the page's CSP as a header (the meta tag in renderer/index.html says the same).
/// `state` is already clamped to an attached display (window-state.ts); maximised and full screen are applied
/// before the window is first shown, so it does not flash at its normal size.
export function createMainWindow(paths: MainWindowPaths, query: Record<string, string> = {}, state?: RestoredWindowState): BrowserWindow {
  const window = new BrowserWindow({
    ...(state ? state.bounds : { width: WINDOW_SIZES.defaultWidth, height: WINDOW_SIZES.defaultHeight }),
    minWidth: WINDOW_SIZES.minWidth,
    minHeight: WINDOW_SIZES.minHeight,
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
  window.once('ready-to-show', () => {
    if (state?.maximized) window.maximize();
    if (state?.fullScreen) window.setFullScreen(true);
    window.show();
  });
  const search = new URLSearchParams(query).toString();
  void window.loadURL(search ? `${paths.indexUrl}?${search}` : paths.indexUrl);
  return window;
}
