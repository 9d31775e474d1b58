import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackWindowState, WINDOW_STATE_SAVE_DELAY_MS } from '../../../electron/window-tracking';
import { NO_WINDOW_STATES, type WindowStates } from '../../../electron/window-state';

const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

function fakeWindow() {
  const window = Object.assign(new EventEmitter(), {
    bounds: { x: 10, y: 20, width: 1000, height: 700 },
    maximized: false,
    minimized: false,
    getNormalBounds: () => ({ ...window.bounds }),
    isMaximized: () => window.maximized,
    isFullScreen: () => false,
    isMinimized: () => window.minimized,
    isDestroyed: () => false,
  });
  return window;
}

describe('window state tracking', () => {
  let saved: WindowStates[];
  let window: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
    window = fakeWindow();
    trackWindowState(window as unknown as BrowserWindow, {
      displays: () => [display],
      load: () => saved.at(-1) ?? NO_WINDOW_STATES,
      save: async (states) => void saved.push(states),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once, a moment after the last of many moves and resizes', () => {
    for (let i = 0; i < 30; i++) {
      window.bounds = { ...window.bounds, x: 10 + i };
      window.emit(i % 2 ? 'move' : 'resize');
      vi.advanceTimersByTime(50);
    }
    expect(saved).toHaveLength(0);
    vi.advanceTimersByTime(WINDOW_STATE_SAVE_DELAY_MS);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.byDisplay['0,0,1920x1080']?.bounds).toEqual({ x: 39, y: 20, width: 1000, height: 700 });
  });

  it('writes at once when the window closes, maximised with its normal bounds kept', () => {
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(saved).toHaveLength(1);
    expect(saved[0]?.byDisplay['0,0,1920x1080']).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, fullScreen: false });
    // The pending write was replaced by the one on close.
    vi.advanceTimersByTime(WINDOW_STATE_SAVE_DELAY_MS * 2);
    expect(saved).toHaveLength(1);
  });

  it('reports a failed save to the keeper (the app log) instead of throwing', async () => {
    const reported: unknown[] = [];
    const other = fakeWindow();
    trackWindowState(other as unknown as BrowserWindow, {
      displays: () => [display],
      load: () => NO_WINDOW_STATES,
      save: async () => {
        throw new Error('EACCES: state.json');
      },
      report: (error) => void reported.push(error),
    });
    other.emit('close');
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(String(reported[0])).toContain('EACCES');
  });

  it('does not record a minimised window (its bounds say nothing about where it should open)', () => {
    window.minimized = true;
    window.emit('close');
    expect(saved).toHaveLength(0);
  });
});
