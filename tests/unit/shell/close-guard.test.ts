import { describe, expect, it } from 'vitest';
import { createCloseGuard } from '../../../electron/close-guard';

function setup() {
  const calls: string[] = [];
  const guard = createCloseGuard({
    requestCloseConfirmation: () => calls.push('ask'),
    closeWindow: () => calls.push('close'),
    quitApp: () => calls.push('quit'),
  });
  return { guard, calls };
}

describe('close guard', () => {
  it('lets a clean window close without asking', () => {
    const { guard, calls } = setup();
    expect(guard.onWindowClose()).toBe(false);
    expect(calls).toEqual([]);
  });

  it('prevents closing a dirty window and asks the renderer to confirm', () => {
    const { guard, calls } = setup();
    guard.setDirty(true);
    expect(guard.onWindowClose()).toBe(true);
    expect(calls).toEqual(['ask']);
  });

  it('closes the window once the renderer confirms, and lets that close through', () => {
    const { guard, calls } = setup();
    guard.setDirty(true);
    guard.onWindowClose();
    guard.confirm();
    expect(calls).toEqual(['ask', 'close']);
    expect(guard.onWindowClose()).toBe(false);
  });

  it('quits instead of only closing when the close came from quitting the app', () => {
    const { guard, calls } = setup();
    guard.setDirty(true);
    guard.onBeforeQuit();
    expect(guard.onWindowClose()).toBe(true);
    guard.confirm();
    expect(calls).toEqual(['ask', 'quit']);
  });

  it('treats Cmd-Q / Ctrl+Q on a dirty window as a quit once, so a cancelled quit leaves a later close a close', () => {
    const { guard, calls } = setup();
    guard.setDirty(true);
    guard.onBeforeQuit();
    expect(guard.onWindowClose()).toBe(true);
    // The user pressed Cancel: nothing is confirmed. Later the window alone is closed (Cmd-W on macOS).
    expect(guard.onWindowClose()).toBe(true);
    guard.confirm();
    expect(calls).toEqual(['ask', 'ask', 'close']);
  });

  it('asks again after a confirmation when new edits make the window dirty again', () => {
    const { guard, calls } = setup();
    guard.setDirty(true);
    guard.onWindowClose();
    guard.confirm();
    guard.setDirty(true);
    expect(guard.onWindowClose()).toBe(true);
    expect(calls).toEqual(['ask', 'close', 'ask']);
  });

  it('stops asking once the renderer reports it saved', () => {
    const { guard } = setup();
    guard.setDirty(true);
    guard.setDirty(false);
    expect(guard.onWindowClose()).toBe(false);
  });
});
