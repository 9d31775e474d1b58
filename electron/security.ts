import type { App, Session, WebContents } from 'electron';

/// Denies every permission request (camera, notifications, …) and permission check for a session.
///
/// The app needs none; the renderer reads files only through the main process.
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/// Locks down one web contents: no navigation, no redirects, no new windows, no webviews.
///
/// The renderer is a single page served from the app's own scheme (app://jiaodui/index.html); anything that tries
/// to leave it is stopped, whatever the target: another origin, file:// (a file dropped outside the drop handler),
/// or even another page of app://jiaodui — the page never navigates (a reload is not a navigation). Sub-frames are
/// held to the same rule ('will-frame-navigate').
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/// Applies `lockDownContents` to every web contents the app ever creates, including ones we did not ask for.
export function guardAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
