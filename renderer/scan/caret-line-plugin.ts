import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/// The class the caret's line gets; with the line-image strip on, CSS makes room above that line for it.
export const CARET_LINE_CLASS = 'jd-caret-line';

/// Key of the caret-line plugin.
export const caretLineKey = new PluginKey<DecorationSet>('caret-line');

/// Marks the top-level line that holds the selection head with `CARET_LINE_CLASS`.
///
/// The decoration is rebuilt only when the caret moves to another line (or the document changes); one node
/// decoration costs nothing on a large page. The line-image strip sits in the room this makes (see scan.css), so
/// it pushes the text down instead of covering the line above.
export function caretLinePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: caretLineKey,
    state: {
      init: (_config, state) => decorate(state.doc, state.selection.head),
      apply(tr, set, oldState, newState) {
        if (!tr.docChanged && oldState.doc.resolve(oldState.selection.head).index(0) === newState.doc.resolve(newState.selection.head).index(0)) return set;
        return decorate(newState.doc, newState.selection.head);
      },
    },
    props: { decorations: (state) => caretLineKey.getState(state) },
  });
}

function decorate(doc: Parameters<typeof DecorationSet.create>[0], head: number): DecorationSet {
  const $head = doc.resolve(head);
  if ($head.depth < 1) return DecorationSet.empty;
  const from = $head.before(1);
  return DecorationSet.create(doc, [Decoration.node(from, from + $head.node(1).nodeSize, { class: CARET_LINE_CLASS })]);
}
