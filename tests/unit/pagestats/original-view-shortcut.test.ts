import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../renderer/state/useShortcuts';
import { SHORTCUTS } from '../../../renderer/components/ShortcutsSheet';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });

describe('original-vs-corrected view shortcut', () => {
  it('Ctrl+Shift+K (⌘⇧K) opens it, from the text too; Ctrl+K alone does not', () => {
    expect(commandForKey(key('K', { ctrlKey: true, shiftKey: true }), true)).toBe('original-view');
    expect(commandForKey(key('k', { metaKey: true, shiftKey: true }), false)).toBe('original-view');
    expect(commandForKey(key('k', { ctrlKey: true }), true)).toBeNull();
  });

  it('is listed in the shortcuts sheet', () => {
    expect(SHORTCUTS).toContainEqual({ keys: 'Ctrl+Shift+K', label: 'shortcut.originalView' });
  });
});
