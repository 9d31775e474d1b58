import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { DisplayType } from '../../shared/entities/tagset';
import { deleteEntity, entityAtSelection, neighbourEntity, retypeEntity, selectEntity, tagSelection } from './entity-commands';
import { entitiesOf } from './entity-index';
import { acceptAllOfType, acceptSuggestion, rejectSuggestion, selectNeighbourSuggestion } from './suggestion-commands';
import { suggestionAtSelection, type PlacedSuggestion } from './suggestions-plugin';

/// What the entity keys need from the app.
export interface EntityKeysOptions {
  /// The types with their shortcut keys, read at each key press (the tag set may change).
  types(): readonly DisplayType[];
  /// Opens the type/delete popover of an entity (Alt+Enter).
  onOpenEntity?(id: string): void;
  /// Starts "tag all occurrences" for an entity (Alt+P).
  onPropagate?(id: string): void;
  /// Always ignores a suggestion in the corpus (Alt+Shift+Backspace).
  onIgnoreSuggestion?(suggestion: PlacedSuggestion): void;
}

/// The entity shortcuts, as listed in the shortcuts sheet.
///
/// Alt+key of a type tags the selection (or retypes the entity at the caret); Alt+. and Alt+, go to the next and
/// previous entity, Alt+Shift+. and Alt+Shift+, to the next and previous suggestion; Enter accepts the
/// suggestion under the caret, Alt+Backspace rejects it, Alt+Shift+Backspace always ignores it, Alt+A accepts all suggestions of its type; Alt+Delete
/// removes the entity at the caret, Alt+Enter opens its popover, Alt+P tags all its occurrences.
export function entityKeysPlugin(options: EntityKeysOptions): Plugin {
  return new Plugin({
    props: {
      handleKeyDown: (view, event) => {
        // A read-only page (a newer or foreign sidecar) must not change, tags included.
        if (!view.editable) return false;
        const action = actionFor(view.state, event, options);
        if (action === null) return false;
        event.preventDefault();
        action(view);
        return true;
      },
    },
  });
}

type KeyAction = (view: EditorView) => void;

function dispatch(tr: Transaction | null): KeyAction {
  return (view) => {
    if (tr !== null) view.dispatch(tr);
  };
}

// Which action a key press means here, or null to let the editor handle it. Uses `code` for Alt combinations
// because Alt changes `key` on some layouts (macOS Option produces other characters).
function actionFor(state: EditorState, event: KeyboardEvent, options: EntityKeysOptions): KeyAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (mod) return null;
  if (!event.altKey) {
    if (event.key !== 'Enter' || event.shiftKey) return null;
    const suggestion = suggestionAtSelection(state);
    return suggestion ? dispatch(acceptSuggestion(state, suggestion)) : null;
  }
  const code = event.code;
  if (event.shiftKey) {
    if (code === 'Period') return dispatch(selectNeighbourSuggestion(state, 1));
    if (code === 'Backspace') {
      const suggestion = suggestionAtSelection(state);
      return suggestion && options.onIgnoreSuggestion ? () => options.onIgnoreSuggestion!(suggestion) : null;
    }
    if (code === 'Comma') return dispatch(selectNeighbourSuggestion(state, -1));
    return null;
  }
  if (code === 'Period' || code === 'Comma') {
    const target = neighbourEntity(state, entitiesOf(state.doc), code === 'Period' ? 1 : -1);
    return target ? dispatch(selectEntity(state, target)) : () => undefined;
  }
  if (code === 'Backspace') {
    const suggestion = suggestionAtSelection(state);
    return suggestion ? dispatch(rejectSuggestion(state, suggestion)) : null;
  }
  if (code === 'KeyA') {
    const suggestion = suggestionAtSelection(state);
    return suggestion ? dispatch(acceptAllOfType(state, suggestion.type)) : null;
  }
  const entity = entityAtSelection(state);
  if (code === 'Delete') return entity ? dispatch(deleteEntity(state, entity.id)) : null;
  if (code === 'Enter') return entity && options.onOpenEntity ? () => options.onOpenEntity!(entity.id) : null;
  if (code === 'KeyP') return entity && options.onPropagate ? () => options.onPropagate!(entity.id) : null;
  const key = keyOfCode(code);
  const type = key === null ? undefined : options.types().find((t) => t.key === key);
  if (!type) return null;
  if (!state.selection.empty) return dispatch(tagSelection(state, type.id));
  return entity ? dispatch(retypeEntity(state, entity.id, type.id)) : () => undefined;
}

/// The tag-set key ('0'–'9', 'a'–'z') of a `KeyboardEvent.code`, or null.
export function keyOfCode(code: string): string | null {
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  const letter = /^Key([A-Z])$/.exec(code);
  return letter ? letter[1]!.toLowerCase() : null;
}
