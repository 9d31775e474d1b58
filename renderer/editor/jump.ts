import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/// Moves the editor to a new selection from outside it (a panel, a dialog, the page list, a freshly opened page):
/// focuses the editor, then dispatches `make(state)` with `scrollIntoView`, so the view scrolls there now.
///
/// The order matters. ProseMirror scrolls to the selection only when the DOM selection is already inside the
/// editor; dispatching first and focusing after left the view where it was, with the caret off screen, and the
/// first key typed then did the scroll. Chromium draws the lines scrolled to (skipped until then by
/// `content-visibility: auto`) in the frame after that key, which on a 200,000-character page with thousands of
/// entity tags took 0.4–1 s and stalled the second key. Focusing first makes the jump itself scroll and draw.
/// Returns false (and changes nothing but the focus) when `make` gives null.
export function jumpEditor(view: EditorView, make: (state: EditorState) => Transaction | null): boolean {
  // focus() puts the (unchanged) selection into the DOM without scrolling; the dispatch then moves it and scrolls.
  view.focus();
  const tr = make(view.state);
  if (tr === null) return false;
  view.dispatch(tr.scrollIntoView());
  return true;
}
