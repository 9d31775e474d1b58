import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/state/useShortcuts';

function key(k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) {
  return { key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('review shortcuts', () => {
  it('steps with F8 and Shift+F8, in the text and outside it', () => {
    expect(commandForKey(key('F8'), true)).toBe('suggestion-next');
    expect(commandForKey(key('F8', { shiftKey: true }), false)).toBe('suggestion-previous');
  });

  it('accepts with F9, rejects with Shift+F9, accepts the rule with Alt+Shift+Enter', () => {
    expect(commandForKey(key('F9'), true)).toBe('suggestion-accept');
    expect(commandForKey(key('F9', { shiftKey: true }), true)).toBe('suggestion-reject');
    expect(commandForKey(key('Enter', { altKey: true, shiftKey: true }), true)).toBe('suggestion-accept-rule');
  });

  it('leaves Alt+Enter and Alt+Backspace to entity tagging', () => {
    expect(commandForKey(key('Enter', { altKey: true }), true)).toBeNull();
    expect(commandForKey(key('Backspace', { altKey: true }), true)).toBeNull();
  });

  it('leaves plain Enter and Backspace, Ctrl+Enter, and the page keys alone', () => {
    expect(commandForKey(key('Enter'), true)).toBeNull();
    expect(commandForKey(key('Backspace'), true)).toBeNull();
    expect(commandForKey(key('Enter', { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(key('Backspace', { ctrlKey: true, altKey: true }), true)).toBeNull();
    expect(commandForKey(key('ArrowDown', { altKey: true }), true)).toBe('next-page');
    expect(commandForKey(key('1', { altKey: true }), true)).toBeNull();
  });
});
