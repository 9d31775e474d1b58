import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/state/useShortcuts';

const key = (k: string, code: string, extra: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra,
});

describe('View keys', () => {
  it('sizes the text with Ctrl+= / Ctrl++ / Ctrl+− / Ctrl+0, in the editor too', () => {
    expect(commandForKey(key('=', 'Equal', { ctrlKey: true }), true)).toBe('text-bigger');
    expect(commandForKey(key('+', 'Equal', { ctrlKey: true, shiftKey: true }), true)).toBe('text-bigger');
    expect(commandForKey(key('+', 'NumpadAdd', { ctrlKey: true }), false)).toBe('text-bigger');
    expect(commandForKey(key('-', 'Minus', { ctrlKey: true }), true)).toBe('text-smaller');
    expect(commandForKey(key('0', 'Digit0', { metaKey: true }), true)).toBe('text-reset');
  });

  it('leaves the scan viewer its own unmodified + − 0 keys', () => {
    expect(commandForKey(key('+', 'Equal', { shiftKey: true }), false)).toBeNull();
    expect(commandForKey(key('0', 'Digit0'), false)).toBeNull();
  });

  it('hides the page list (Ctrl+B), the side panels (Ctrl+Shift+B), and enters focus mode (Ctrl+Shift+F)', () => {
    expect(commandForKey(key('b', 'KeyB', { ctrlKey: true }), true)).toBe('toggle-sidebar');
    expect(commandForKey(key('B', 'KeyB', { ctrlKey: true, shiftKey: true }), true)).toBe('toggle-panels');
    expect(commandForKey(key('F', 'KeyF', { ctrlKey: true, shiftKey: true }), true)).toBe('focus-mode');
    // Ctrl+F is still find in the page.
    expect(commandForKey(key('f', 'KeyF', { ctrlKey: true }), true)).toBe('find');
  });
});
