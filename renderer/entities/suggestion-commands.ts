import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { tagRange, tagRanges } from './entity-commands';
import { shownSuggestions, withSuggestionAction, type PlacedSuggestion } from './suggestions-plugin';

/// Tags a suggestion as an entity of its type (one undo step) and removes its underline.
export function acceptSuggestion(state: EditorState, suggestion: PlacedSuggestion): Transaction | null {
  const tr = tagRange(state, suggestion.from, suggestion.to, suggestion.type);
  return tr && withSuggestionAction(tr, { type: 'drop', ranges: [{ from: suggestion.from, to: suggestion.to }] });
}

/// Tags every shown suggestion of `type` in one transaction (one undo step).
export function acceptAllOfType(state: EditorState, type: string): Transaction | null {
  const chosen = shownSuggestions(state).filter((s) => s.type === type);
  const tr = tagRanges(state, chosen.map((s) => ({ from: s.from, to: s.to, type })));
  return tr && withSuggestionAction(tr, { type: 'drop', ranges: chosen.map((s) => ({ from: s.from, to: s.to })) });
}

/// Rejects a suggestion: its text is not suggested as that type on this page again (saved in the sidecar).
export function rejectSuggestion(state: EditorState, suggestion: PlacedSuggestion): Transaction {
  return withSuggestionAction(state.tr, { type: 'reject', rejection: { text: suggestion.text, type: suggestion.type } }).setMeta('addToHistory', false);
}

/// Selects the next (1) or previous (-1) suggestion after or before the selection, wrapping around.
export function selectNeighbourSuggestion(state: EditorState, direction: 1 | -1): Transaction | null {
  const all = shownSuggestions(state);
  if (all.length === 0) return null;
  const { from } = state.selection;
  const target =
    direction === 1
      ? (all.find((s) => s.from > from) ?? all[0]!)
      : ([...all].reverse().find((s) => s.from < from) ?? all[all.length - 1]!);
  return state.tr.setSelection(TextSelection.create(state.doc, target.from, target.to)).scrollIntoView();
}
