import type { EditorView } from 'prosemirror-view';
import { findStateOf } from './find-plugin';

/// Scrolls the current hit into view without taking the focus from the find bar.
///
/// ProseMirror scrolls to its selection only while it has the focus, so the line holding the hit is scrolled to
/// directly (to the middle, so the lines around it show too).
export function revealCurrent(view: EditorView): void {
  const find = findStateOf(view.state);
  const match = find.matches[find.current];
  if (!match) return;
  const { node } = view.domAtPos(match.from);
  const element = node instanceof HTMLElement ? node : node.parentElement;
  element?.closest('.pm-line')?.scrollIntoView({ block: 'center' });
}
