import type { BrowserWindow } from 'electron';
import { recordWindowState, type DisplayInfo, type WindowStates } from './window-state';

/// Where the window tracker reads the displays and keeps what it records.
export interface WindowStateKeeper {
  displays(): DisplayInfo[];
  load(): WindowStates;
  save(states: WindowStates): Promise<void>;
  /// A save that failed (the app log in main.ts; stderr when absent).
  report?(error: unknown): void;
}

/// How long after the last move or resize the window state is written (a drag sends dozens of events).
export const WINDOW_STATE_SAVE_DELAY_MS = 1000;

/// Follows the window's size, position, maximised and full-screen state and records it per display.
///
/// Written shortly after a change and once more when the window closes (still alive then), so a crash loses at
/// most the last second of moving. The normal bounds are kept while maximised or full screen, so leaving either
/// returns to them next time too.
export function trackWindowState(window: BrowserWindow, keeper: WindowStateKeeper): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const record = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    const state = { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
    const next = recordWindowState(keeper.load(), state, keeper.displays());
    keeper.save(next).catch((error: unknown) => (keeper.report ? keeper.report(error) : console.error('Could not save the window state', error)));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(record, WINDOW_STATE_SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    window.on(event as 'resize', later);
  }
  window.on('close', record);
}
