import { describe, expect, it } from 'vitest';
import { MAX_RELOADS, watchRenderer, type RecoverableWindow, type RecoveryCode } from '../../../electron/renderer-recovery';
import type { ErrorLogEntry } from '../../../electron/services/app/error-log';

// The recovery against a stand-in window and a hand-driven clock and timer.
function setup() {
  const listeners: Record<string, ((...args: unknown[]) => void)[]> = {};
  const on = (name: string, fn: (...args: unknown[]) => void) => (listeners[name] ??= []).push(fn);
  const emit = (name: string, ...args: unknown[]) => (listeners[name] ?? []).forEach((fn) => fn(...args));
  const state = { reloads: 0, crashes: 0, held: 0, notices: [] as RecoveryCode[], log: [] as ErrorLogEntry[], time: 0 };
  let timer: { fn: () => void; ms: number } | null = null;
  const window = {
    on,
    webContents: {
      on,
      reload: () => state.reloads++,
      forcefullyCrashRenderer: () => {
        state.crashes++;
        emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
      },
    },
  } as unknown as RecoverableWindow;
  watchRenderer(window, {
    log: { write: (entry) => (state.log.push(entry), 'id') },
    holdEvents: () => state.held++,
    notify: (code) => state.notices.push(code),
    hangMs: 15_000,
    now: () => state.time,
    setTimer: (fn, ms) => (timer = { fn, ms }),
    clearTimer: () => (timer = null),
  });
  return { state, emit, fireTimer: () => timer?.fn(), timer: () => timer };
}

describe('renderer recovery', () => {
  it('reloads after a crash with a held gate and a renderer-crashed notice, and logs it', () => {
    const { state, emit } = setup();
    emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    expect(state).toMatchObject({ reloads: 1, held: 1, notices: ['renderer-crashed'] });
    expect(state.log[0]).toMatchObject({ channel: 'main', kind: 'renderer-crashed' });
    expect(state.log[0]?.message).toContain('oom');
  });

  it('ends a renderer unresponsive for the hang time and reloads it with a renderer-hung notice', () => {
    const { state, emit, fireTimer, timer } = setup();
    emit('unresponsive');
    expect(timer()?.ms).toBe(15_000);
    fireTimer();
    expect(state).toMatchObject({ crashes: 1, reloads: 1, notices: ['renderer-hung'] });
  });

  it('does nothing when the window becomes responsive again in time', () => {
    const { state, emit, timer } = setup();
    emit('unresponsive');
    emit('responsive');
    expect(timer()).toBeNull();
    expect(state.reloads).toBe(0);
  });

  it('stops reloading a renderer that keeps crashing, and says so in the log', () => {
    const { state, emit } = setup();
    for (let i = 0; i < MAX_RELOADS + 1; i++) emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(state.reloads).toBe(MAX_RELOADS);
    expect(state.log.at(-1)?.message).toMatch(/Not reloaded/);
    state.time += 61_000;
    emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(state.reloads).toBe(MAX_RELOADS + 1);
  });
});
