import { Schema, type MarkSpec, type Node as PmNode, type NodeSpec } from 'prosemirror-model';
import type { Move } from '../../shared/model/sidecar-schema';

/// Attributes of a `line` node.
///
/// `origin` lists the indexes (0-based) of the original page lines this line comes from, for linking the text to
/// the scan; null when unknown (a line the editor created). Later issues may add more attributes here.
export interface LineAttrs {
  origin: number[] | null;
}

/// Reads the `origin` attribute written by `lineToDom`, so copy/paste between editors keeps it.
function originFromDom(dom: HTMLElement): number[] | null {
  const raw = dom.getAttribute('data-origin');
  if (raw === null || raw === '') return null;
  const parts = raw.split(',').map((part) => Number(part));
  return parts.every((n) => Number.isInteger(n) && n >= 0) ? parts : null;
}

/// The spec of one page line: a block of plain text, never a hard break.
///
/// A line holds `text*` and allows every mark the schema defines (`marks: '_'`), so entity marks can be added
/// later without touching this spec.
const lineSpec: NodeSpec = {
  content: 'text*',
  marks: '_',
  attrs: { origin: { default: null } },
  // Lines are not rearranged as a unit by drag and drop; the editor edits text.
  draggable: false,
  parseDOM: [
    { tag: 'div.pm-line', getAttrs: (dom) => ({ origin: originFromDom(dom) }) },
    // Pasted HTML from elsewhere: every paragraph-like block becomes a line.
    { tag: 'p' },
    { tag: 'div' },
  ],
  toDOM: (node: PmNode) => {
    const origin = (node.attrs as LineAttrs).origin;
    const attrs: Record<string, string> = { class: 'pm-line' };
    if (origin !== null) attrs['data-origin'] = origin.join(',');
    return ['div', attrs, 0];
  },
};

/// Attributes of an `entity` mark: the span's stable id (stored in the sidecar) and its type id.
export interface EntityMarkAttrs {
  id: string;
  type: string;
}

/// A tagged entity as a mark: the text it covers carries it, so edits and undo keep tags and text together.
///
/// `excludes: ''` lets several entity marks (different ids) sit on the same text, which is how nested and
/// overlapping spans are held. Not inclusive: text typed at either edge of a name stays outside it, text typed
/// strictly inside joins it. There is no parse rule, so pasted text never brings tags (or duplicate ids) along.
const entitySpec: MarkSpec = {
  attrs: { id: {}, type: {} },
  excludes: '',
  inclusive: false,
  spanning: true,
  // The type's colour and label come from a style sheet made from the tag set (renderer/entities/type-styles.ts),
  // so nothing per entity has to be redrawn when the tag set changes, and no decoration is needed per entity.
  toDOM: (mark) => {
    const { id, type } = mark.attrs as EntityMarkAttrs;
    return ['span', { class: 'ent-mark', 'data-entity-id': id, 'data-entity-type': type }, 0];
  },
};

/// Attributes of the `doc` node: the block moves that put the original in corrected reading order (sidecar
/// `moves`). Held on the document so that accepting a reading-order repair and undoing it change them with the
/// text, in one undoable step.
export interface DocAttrs {
  moves: readonly Move[];
}

const NO_MOVES: readonly Move[] = Object.freeze([]);

/// The editor's document schema: `doc → line+`, each line plain text.
///
/// Lines map one-to-one to the `\n`-separated lines of the page text, so the page keeps its line layout exactly
/// as in the file. Tagged entities are `entity` marks on the text.
export const editorSchema = new Schema({
  nodes: {
    doc: { content: 'line+', attrs: { moves: { default: NO_MOVES } } },
    line: lineSpec,
    text: {},
  },
  marks: { entity: entitySpec },
});

/// The `line` node type of `editorSchema`.
///
/// Exported so commands and tests do not look it up by name.
export const lineType = editorSchema.nodes['line']!;

/// The `entity` mark type of `editorSchema`.
export const entityMarkType = editorSchema.marks['entity']!;

/// The block moves a document's text is corrected against (empty: none).
export function movesOf(doc: PmNode): readonly Move[] {
  return (doc.attrs as DocAttrs).moves;
}
