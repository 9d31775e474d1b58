import path from 'node:path';
import { parseLaunchArgs } from './launch-args';

/// What the open router needs from the app; Electron in main.ts, fakes in tests.
export interface OpenRouterHost {
  /// Shows the main window (creates it again on macOS when it was closed), restores and focuses it.
  showWindow(): void;
  /// Asks the renderer to open the folder (after dealing with unsaved work): the 'corpus.openRequested' event.
  requestOpen(folder: string): void;
}

/// What a second launch hands the running app: Electron's 'second-instance' arguments.
export interface SecondLaunch {
  argv: readonly string[];
  workingDirectory: string;
  /// What the second process passed to `requestSingleInstanceLock` (see `launchData`), if anything.
  additionalData?: unknown;
}

/// The data a launch passes to `app.requestSingleInstanceLock`, so the running app reads its folder as it meant
/// it: Chromium may reorder or add arguments on the way (Windows), and relative paths need the launch's folder.
export function launchData(folder: string | null, cwd: string): { folder: string } | Record<string, never> {
  return folder ? { folder: path.resolve(cwd, folder) } : {};
}

/// Routes every way a folder arrives from outside the window: the first launch's command line, a second launch,
/// macOS 'open-file' (a folder dropped on the dock icon, before or after the app is ready).
///
/// Before the app has started (no window, no renderer) a folder becomes the start-up folder; afterwards the window
/// is shown and the renderer asked to open it. A second launch without a folder only brings the window forward.
export interface OpenRouter {
  /// macOS 'open-file': call `event.preventDefault()` (the folder was taken) and route the path.
  openFile(event: { preventDefault(): void }, file: string): void;
  /// Electron 'second-instance'.
  secondInstance(launch: SecondLaunch): void;
  /// The folder to open at start-up: one that arrived before start, else the command line's; marks the app
  /// started (later folders go to the renderer).
  takeStartupFolder(commandLine: string | null): string | null;
}

/// Creates the router; `defaultApp` is Electron's `process.defaultApp` (a second launch's argv has the app path).
export function createOpenRouter(host: OpenRouterHost, options: { defaultApp?: boolean } = {}): OpenRouter {
  let started = false;
  let early: string | null = null;
  const route = (folder: string | null) => {
    if (!started) {
      if (folder) early = folder;
      return;
    }
    host.showWindow();
    if (folder) host.requestOpen(folder);
  };
  return {
    openFile(event, file) {
      event.preventDefault();
      route(path.resolve(file));
    },
    secondInstance(launch) {
      route(folderOfSecondLaunch(launch, options.defaultApp ?? false));
    },
    takeStartupFolder(commandLine) {
      started = true;
      const folder = early ?? commandLine;
      early = null;
      return folder;
    },
  };
}

/// The folder a second launch names (absolute), or null when it names none.
export function folderOfSecondLaunch(launch: SecondLaunch, defaultApp: boolean): string | null {
  const data = launch.additionalData as { folder?: unknown } | null | undefined;
  if (data && typeof data.folder === 'string' && path.isAbsolute(data.folder)) return data.folder;
  const folder = parseLaunchArgs(launch.argv, { defaultApp }).corpus;
  return folder ? path.resolve(launch.workingDirectory, folder) : null;
}
