import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/state/useShortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  code: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the "always ignore" shortcut', () => {
  it('is Ctrl+F9 (Cmd+F9), in the editor too, beside F9 accept and Shift+F9 reject', () => {
    expect(commandForKey(key('F9', { ctrlKey: true }), true)).toBe('suggestion-ignore');
    expect(commandForKey(key('F9', { metaKey: true }), false)).toBe('suggestion-ignore');
    expect(commandForKey(key('F9'), true)).toBe('suggestion-accept');
    expect(commandForKey(key('F9', { shiftKey: true }), true)).toBe('suggestion-reject');
  });

  it('leaves other Ctrl combinations alone', () => {
    expect(commandForKey(key('F9', { ctrlKey: true, shiftKey: true }), true)).toBeNull();
    expect(commandForKey(key('F9', { ctrlKey: true, altKey: true }), true)).toBeNull();
    expect(commandForKey(key('F8', { ctrlKey: true }), true)).toBeNull();
  });
});
