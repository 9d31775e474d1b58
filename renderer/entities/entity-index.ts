import type { Node as PmNode } from 'prosemirror-model';
import { cpLength } from '../../shared/text/codepoints';
import { entityMarkType, type EntityMarkAttrs } from '../editor/schema';

/// One tagged entity as found in an editor document, in ProseMirror positions.
///
/// `from`/`to` enclose every piece of text carrying the entity's mark (a name wrapped over a line break has a
/// piece on each line); `depth` counts the entities that enclose this one, for stacking underlines.
export interface DocEntity {
  id: string;
  type: string;
  from: number;
  to: number;
  depth: number;
}

/// One entity's text on one line: offsets inside the line's content.
interface LinePiece {
  id: string;
  type: string;
  from: number;
  to: number;
  text: string;
}

const cache = new WeakMap<PmNode, DocEntity[]>();
const textCache = new WeakMap<PmNode, ReadonlyMap<string, string>>();
// Per line node. An edit replaces only the lines it touches, and the new document shares every other line node
// with the old one, so after a keystroke only the edited line is read again: the entity list of a page with
// thousands of entities is rebuilt from cached lines instead of a walk over every text node.
const lineCache = new WeakMap<PmNode, readonly LinePiece[]>();

/// Every entity of a document, ordered by start (outer before inner at the same start), with nesting depths.
///
/// Cached per document (documents are immutable), and built from per-line results cached per line node.
export function entitiesOf(doc: PmNode): DocEntity[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const byId = new Map<string, DocEntity>();
  const texts = new Map<string, string>();
  const multiLine = new Set<DocEntity>();
  doc.forEach((line, offset) => {
    const start = offset + 1; // the line's content starts after its opening token
    for (const piece of piecesOf(line)) {
      const known = byId.get(piece.id);
      if (known === undefined) {
        byId.set(piece.id, { id: piece.id, type: piece.type, from: start + piece.from, to: start + piece.to, depth: 0 });
        texts.set(piece.id, piece.text);
      } else {
        // A name wrapped over a line break: its text is read from the document once the extent is known.
        if (known.to <= start) multiLine.add(known);
        known.from = Math.min(known.from, start + piece.from);
        known.to = Math.max(known.to, start + piece.to);
      }
    }
  });
  for (const entity of multiLine) texts.set(entity.id, doc.textBetween(entity.from, entity.to, '\n'));
  // Mostly in order already (lines are read in order), which the sort is quick on.
  const list = [...byId.values()].sort((a, b) => a.from - b.from || b.to - a.to || a.id.localeCompare(b.id));
  assignDepths(list);
  cache.set(doc, list);
  textCache.set(doc, texts);
  return list;
}

/// The text each entity of a document covers (line breaks as `\n`), by entity id; what the entity panel lists.
///
/// Comes with `entitiesOf` (same cache), so it costs no walk of its own.
export function entityTextsOf(doc: PmNode): ReadonlyMap<string, string> {
  entitiesOf(doc);
  return textCache.get(doc)!;
}

// The entity pieces of one line, in order of first appearance; one piece per entity (first to last character
// carrying its mark on the line).
function piecesOf(line: PmNode): readonly LinePiece[] {
  const cached = lineCache.get(line);
  if (cached) return cached;
  const byId = new Map<string, LinePiece>();
  line.forEach((node, offset) => {
    for (const mark of node.marks) {
      if (mark.type !== entityMarkType) continue;
      const { id, type } = mark.attrs as EntityMarkAttrs;
      const end = offset + node.nodeSize;
      const known = byId.get(id);
      if (known === undefined) byId.set(id, { id, type, from: offset, to: end, text: '' });
      else known.to = end;
    }
  });
  const pieces = [...byId.values()];
  for (const piece of pieces) piece.text = line.textBetween(piece.from, piece.to, '\n');
  lineCache.set(line, pieces);
  return pieces;
}

const extentCache = new WeakMap<PmNode, { start: number; end: number }[]>();

/// The code-point extents on the page text of every entity of a document, in one walk (no position lookups).
///
/// Cached per document. This is what "already tagged" checks need (suggestions, propagation preview).
export function entityCpExtents(doc: PmNode): { start: number; end: number }[] {
  const cached = extentCache.get(doc);
  if (cached) return cached;
  const byId = new Map<string, { start: number; end: number }>();
  let cp = 0;
  doc.forEach((line, _offset, index) => {
    if (index > 0) cp++; // the \n before this line
    line.forEach((node) => {
      const length = cpLength(node.text ?? '');
      for (const mark of node.marks) {
        if (mark.type !== entityMarkType) continue;
        const id = (mark.attrs as EntityMarkAttrs).id;
        const known = byId.get(id);
        if (known) known.end = cp + length;
        else byId.set(id, { start: cp, end: cp + length });
      }
      cp += length;
    });
  });
  const extents = [...byId.values()];
  extentCache.set(doc, extents);
  return extents;
}

/// The entities that contain position range [from, to], innermost (shortest) first.
export function entitiesAt(doc: PmNode, from: number, to = from): DocEntity[] {
  return entitiesOf(doc)
    .filter((e) => e.from <= from && to <= e.to && (from !== to || (e.from < from && from < e.to) || e.from === from))
    .sort((a, b) => a.to - a.from - (b.to - b.from));
}

/// The entity with id `id`, if the document has it.
export function entityById(doc: PmNode, id: string): DocEntity | undefined {
  return entitiesOf(doc).find((e) => e.id === id);
}

// Depth = how many earlier-starting entities still open around this one: a stack of open ends.
function assignDepths(sorted: DocEntity[]): void {
  const open: DocEntity[] = [];
  for (const entity of sorted) {
    while (open.length > 0 && open[open.length - 1]!.to <= entity.from) open.pop();
    // Entities that ended before this one but sit under a longer one are dropped from the stack lazily.
    let depth = 0;
    for (const o of open) if (o.to > entity.from) depth++;
    entity.depth = Math.min(depth, 3);
    open.push(entity);
    open.sort((a, b) => b.to - a.to);
  }
}
