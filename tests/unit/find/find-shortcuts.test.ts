import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/state/useShortcuts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });

describe('find shortcuts', () => {
  it('Ctrl+F finds and Ctrl+H replaces in the page (⌘ on macOS), from the text or a field', () => {
    expect(commandForKey(key('f', { ctrlKey: true }), true)).toBe('find');
    expect(commandForKey(key('f', { metaKey: true }), false)).toBe('find');
    expect(commandForKey(key('h', { ctrlKey: true }), true)).toBe('replace-in-page');
    expect(commandForKey(key('H', { ctrlKey: true, shiftKey: true }), true)).toBe('find-replace');
  });

  it('F3 and Shift+F3 step through the hits; Alt+F3 and Ctrl+F3 do not', () => {
    expect(commandForKey(key('F3'), true)).toBe('find-next');
    expect(commandForKey(key('F3', { shiftKey: true }), false)).toBe('find-previous');
    expect(commandForKey(key('F3', { altKey: true }), true)).toBeNull();
    expect(commandForKey(key('F3', { ctrlKey: true }), true)).toBeNull();
  });
});
