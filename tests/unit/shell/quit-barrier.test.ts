import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitBarrier, QUIT_BARRIER_TIMEOUT_MS } from '../../../electron/quit-barrier';
import { openAppStore } from '../../../electron/services/app/app-state';
import { NO_WINDOW_STATES, type WindowStates } from '../../../electron/window-state';
import { trackWindowState } from '../../../electron/window-tracking';

// Issue 18: the window state written as the window closes must reach the disk even when the app quits at once.

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, no) => ((resolve = ok), (reject = no)));
  return { promise, resolve, reject };
}

// A 'will-quit' event as Electron gives it: records whether the exit was prevented.
function willQuit() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('the quit barrier', () => {
  it('lets the app exit at once when nothing is being written', () => {
    const quit = vi.fn();
    const barrier = createQuitBarrier(quit);
    const event = willQuit();
    barrier.onWillQuit(event);
    expect(event.prevented).toBe(false);
    expect(quit).not.toHaveBeenCalled();
  });

  it('holds the exit until a pending write has finished, then quits again once', async () => {
    const quit = vi.fn();
    const barrier = createQuitBarrier(quit);
    const write = deferred();
    void barrier.hold(write.promise);
    const first = willQuit();
    barrier.onWillQuit(first);
    const second = willQuit();
    barrier.onWillQuit(second);
    expect([first.prevented, second.prevented]).toEqual([true, true]);
    await flush();
    expect(quit).not.toHaveBeenCalled();
    write.resolve();
    await flush();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(barrier.pending()).toBe(0);
    const again = willQuit();
    barrier.onWillQuit(again);
    expect(again.prevented).toBe(false);
  });

  it('quits after a failed write too', async () => {
    const quit = vi.fn();
    const barrier = createQuitBarrier(quit);
    const write = deferred();
    barrier.hold(write.promise).catch(() => {});
    barrier.onWillQuit(willQuit());
    write.reject(new Error('disk full'));
    await flush();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('does not wait for ever for a write that hangs', async () => {
    vi.useFakeTimers();
    const quit = vi.fn();
    const barrier = createQuitBarrier(quit);
    void barrier.hold(new Promise<void>(() => {}));
    barrier.onWillQuit(willQuit());
    await vi.advanceTimersByTimeAsync(QUIT_BARRIER_TIMEOUT_MS - 1);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledTimes(1);
    // The hung write is let go: the next 'will-quit' ends the app.
    const next = willQuit();
    barrier.onWillQuit(next);
    expect(next.prevented).toBe(false);
  });
});

describe('the window state on a quick quit', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  function fakeWindow(bounds: { x: number; y: number; width: number; height: number }) {
    return Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ ...bounds }),
      isMaximized: () => false,
      isFullScreen: () => false,
      isMinimized: () => false,
      isDestroyed: () => false,
    });
  }

  it('is on disk, whole, before the app is let go: close then quit at once', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-quick-quit-'));
    const file = path.join(dir, 'state.json');
    const store = await openAppStore(file);
    const exited: WindowStates[] = [];
    // "Exit" reads what is on disk at that moment: what a process ending there would leave behind.
    const barrier = createQuitBarrier(() => void readFile(file, 'utf8').then((text) => exited.push((JSON.parse(text) as { windowStates: WindowStates }).windowStates)));
    const window = fakeWindow({ x: 321, y: 123, width: 1111, height: 777 });
    trackWindowState(window as unknown as BrowserWindow, { displays: () => [display], load: () => store.windowStates(), save: (states) => barrier.hold(store.setWindowStates(states)) });
    window.emit('close');
    const event = willQuit();
    barrier.onWillQuit(event);
    expect(event.prevented).toBe(true);
    for (let i = 0; i < 100 && exited.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exited[0]?.byDisplay['0,0,1920x1080']?.bounds).toEqual({ x: 321, y: 123, width: 1111, height: 777 });
    // Written through a temporary file renamed over the state file: none is left beside it.
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('never leaves a half-written state file for a reader, however many writes follow each other', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-atomic-state-'));
    const file = path.join(dir, 'state.json');
    const store = await openAppStore(file);
    await store.setWindowStates(NO_WINDOW_STATES);
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        // Throws (failing the test) on an empty or cut-off file.
        JSON.parse(await readFile(file, 'utf8'));
        reads++;
      }
    })();
    for (let i = 0; i < 200; i++) {
      const bounds = { x: i, y: i, width: 1000 + i, height: 700 };
      await store.setWindowStates({ last: '0,0,1920x1080', byDisplay: { '0,0,1920x1080': { bounds, maximized: false, fullScreen: false } } });
    }
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(store.windowStates().byDisplay['0,0,1920x1080']?.bounds.x).toBe(199);
  });
});
