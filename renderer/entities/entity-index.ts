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

const cache = new WeakMap<PmNode, DocEntity[]>();

/// Every entity of a document, ordered by start (outer before inner at the same start), with nesting depths.
///
/// One walk over the text nodes; cached per document, since documents are immutable.
export function entitiesOf(doc: PmNode): DocEntity[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const byId = new Map<string, DocEntity>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type !== entityMarkType) continue;
      const { id, type } = mark.attrs as EntityMarkAttrs;
      const end = pos + node.nodeSize;
      const known = byId.get(id);
      if (known === undefined) byId.set(id, { id, type, from: pos, to: end, depth: 0 });
      else {
        known.from = Math.min(known.from, pos);
        known.to = Math.max(known.to, end);
      }
    }
    return false;
  });
  const list = [...byId.values()].sort((a, b) => a.from - b.from || b.to - a.to || a.id.localeCompare(b.id));
  assignDepths(list);
  cache.set(doc, list);
  return list;
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
