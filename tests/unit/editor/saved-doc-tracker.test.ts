import { describe, expect, it } from 'vitest';
import { SavedDocTracker } from '../../../renderer/editor/saved-doc-tracker';
import { createPageState } from '../../../renderer/editor/page-state';

describe('SavedDocTracker', () => {
  const state = createPageState({ originalText: '甲乙\n丙', text: '甲乙\n丙' });

  it('reports dirty once on the first change and clean again when the text returns to the saved one', () => {
    const tracker = new SavedDocTracker(state.doc);
    const typed = state.apply(state.tr.insertText('丁', 1));
    expect(tracker.docChanged(typed.doc)).toBe(true);
    const typedMore = typed.apply(typed.tr.insertText('戊', 1));
    expect(tracker.docChanged(typedMore.doc)).toBeNull();
    expect(tracker.isDirty(typedMore.doc)).toBe(true);
    const back = typedMore.apply(typedMore.tr.delete(1, 3));
    expect(tracker.docChanged(back.doc)).toBe(false);
    expect(tracker.isDirty(back.doc)).toBe(false);
  });

  it('becomes clean when the current document is marked saved', () => {
    const tracker = new SavedDocTracker(state.doc);
    const typed = state.apply(state.tr.insertText('丁', 1));
    tracker.docChanged(typed.doc);
    expect(tracker.markSaved(typed.doc)).toBe(false);
    expect(tracker.isDirty(typed.doc)).toBe(false);
    expect(tracker.markSaved(typed.doc)).toBeNull();
    // The text before the save now counts as a change.
    expect(tracker.docChanged(state.doc)).toBe(true);
  });
});
