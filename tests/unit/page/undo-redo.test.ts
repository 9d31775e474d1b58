import { undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createPageState, historyKeys, redoOrNothing } from '../../../renderer/editor/page-state';
import { textFromDoc } from '../../../renderer/editor/text-doc';
import { editorPortOf } from '../../../renderer/page/editor-port';

function typed(state: EditorState, text: string): EditorState {
  return state.apply(state.tr.insertText(text, 1));
}
function run(state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean): { state: EditorState; handled: boolean } {
  let next = state;
  const handled = command(state, (tr) => (next = state.apply(tr)));
  return { state: next, handled };
}

describe('redo with nothing to redo', () => {
  it('is handled and changes nothing, so the keymap never falls through to undo', () => {
    let state = typed(typed(createPageState({ originalText: '甲𠮷', text: '甲𠮷' }), '一'), '二');
    // Typing in one go may merge into one history event; undo once, redo once, then redo again with nothing left.
    state = run(state, undo).state;
    state = run(state, redoOrNothing).state;
    const before = textFromDoc(state.doc);
    for (let i = 0; i < 3; i++) {
      const result = run(state, historyKeys['Shift-Mod-z']!);
      expect(result.handled).toBe(true);
      state = result.state;
    }
    expect(textFromDoc(state.doc)).toBe(before);
    expect(historyKeys['Mod-y']).toBe(redoOrNothing);
  });
});

describe('a page whose edits were all undone', () => {
  it('is not dirty for the session: text and entity marks equal what was loaded', () => {
    let state = createPageState({ originalText: '甲乙𠮷', text: '甲乙𠮷', entities: [{ id: 'e1', start: 0, end: 2, type: 'PER', text: '甲乙' }] });
    const port = editorPortOf(
      () => state,
      (tr) => (state = state.apply(tr)),
    );
    const loaded = port.content();
    state = typed(state, 'X');
    expect(port.docDirty()).toBe(true);
    state = run(state, undo).state;
    expect(port.docDirty()).toBe(false);
    expect(port.content()).toEqual(loaded);
  });
});

describe('a save', () => {
  it('closes the undo step: an edit right after it is undone alone, not with what was typed before the save', () => {
    let state = createPageState({ originalText: '武跃林', text: '武跃林' });
    const port = editorPortOf(
      () => state,
      (tr) => (state = state.apply(tr)),
    );
    // Correct the last character, save, then delete the whole name at once (all within the grouping delay).
    state = state.apply(state.tr.insertText('琳', 3, 4));
    port.markSaved();
    state = state.apply(state.tr.delete(1, 4));
    expect(textFromDoc(state.doc)).toBe('');
    state = run(state, undo).state;
    expect(textFromDoc(state.doc)).toBe('武跃琳');
  });
});
