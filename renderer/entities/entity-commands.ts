import type { Mark, Node as PmNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { editorSchema, entityMarkType, type EntityMarkAttrs } from '../editor/schema';
import { entitiesAt, entitiesOf, entityById, type DocEntity } from './entity-index';

/// A range to tag, in ProseMirror positions.
export interface TagRange {
  from: number;
  to: number;
  type: string;
}

/// A fresh entity id, unique across pages and sessions.
export function newEntityId(): string {
  return `e-${crypto.randomUUID()}`;
}

/// The entity mark for id `id` of type `type`.
export function entityMark(id: string, type: string): Mark {
  return entityMarkType.create({ id, type } satisfies EntityMarkAttrs);
}

/// Whether [from, to) holds any character (a range over a line break only, or an empty one, holds none).
export function rangeHasText(doc: PmNode, from: number, to: number): boolean {
  return from < to && doc.textBetween(from, to, '') !== '';
}

/// Tags [from, to) as `type`; null when the range holds no text (zero-length spans are refused).
export function tagRange(state: EditorState, from: number, to: number, type: string): Transaction | null {
  if (!rangeHasText(state.doc, from, to)) return null;
  return addEntityMark(state.tr, from, to, entityMark(newEntityId(), type));
}

/// Adds an entity mark keeping every text node's entity marks in one order: outer (earlier, longer) entities
/// first. ProseMirror draws a text node's marks outside-in in their stored order and shares a wrapper between
/// neighbouring nodes only for a common leading run, so this order is what makes each entity one continuous
/// span with nested ones drawn inside it. Marks are appended in the order added, so entities overlapping the
/// new one are taken off and put back in that order; a span over untagged text is just added.
export function addEntityMark(tr: Transaction, from: number, to: number, mark: Mark): Transaction {
  if (!tr.doc.rangeHasMark(from, to, entityMarkType)) return tr.addMark(from, to, mark);
  const all = entitiesOf(tr.doc);
  let lo = from;
  let hi = to;
  let involved: DocEntity[] = [];
  // Grow the region until it holds every entity that overlaps it.
  for (let grown = true; grown; ) {
    grown = false;
    involved = all.filter((e) => e.from < hi && e.to > lo);
    for (const e of involved) {
      if (e.from < lo || e.to > hi) grown = true;
      lo = Math.min(lo, e.from);
      hi = Math.max(hi, e.to);
    }
  }
  const { id, type } = mark.attrs as EntityMarkAttrs;
  const placed = [...involved, { id, type, from, to, depth: 0 }].sort((a, b) => a.from - b.from || b.to - a.to);
  tr.removeMark(lo, hi, entityMarkType);
  for (const e of placed) tr.addMark(e.from, e.to, entityMark(e.id, e.type));
  return tr;
}

/// Tags the selection as `type`; null when nothing is selected.
export function tagSelection(state: EditorState, type: string): Transaction | null {
  const { from, to } = state.selection;
  return tagRange(state, from, to, type);
}

/// Tags several ranges in one transaction (one undo step); ranges without text are left out.
///
/// Null when none could be tagged.
export function tagRanges(state: EditorState, ranges: readonly TagRange[]): Transaction | null {
  const tr = state.tr;
  for (const range of ranges) {
    if (rangeHasText(state.doc, range.from, range.to)) addEntityMark(tr, range.from, range.to, entityMark(newEntityId(), range.type));
  }
  return tr.docChanged ? tr : null;
}

/// Changes the type of entity `id`, keeping its id and extent; null when it does not exist or has that type.
export function retypeEntity(state: EditorState, id: string, type: string): Transaction | null {
  const entity = entityById(state.doc, id);
  if (!entity || entity.type === type) return null;
  const tr = state.tr.removeMark(entity.from, entity.to, entityMark(id, entity.type));
  return addEntityMark(tr, entity.from, entity.to, entityMark(id, type));
}

/// Removes the tag of entity `id` (its text stays); null when it does not exist.
export function deleteEntity(state: EditorState, id: string): Transaction | null {
  const entity = entityById(state.doc, id);
  if (!entity) return null;
  return state.tr.removeMark(entity.from, entity.to, entityMark(id, entity.type));
}

/// The innermost entity at the selection: the shortest one containing it (a caret at an entity's start counts).
export function entityAtSelection(state: EditorState): DocEntity | undefined {
  const { from, to } = state.selection;
  return entitiesAt(state.doc, from, to)[0];
}

/// Selects entity `entity` and scrolls it into view.
export function selectEntity(state: EditorState, entity: Pick<DocEntity, 'from' | 'to'>): Transaction {
  return state.tr.setSelection(TextSelection.create(state.doc, entity.from, entity.to)).scrollIntoView();
}

/// The next (direction 1) or previous (-1) entity after or before the selection, wrapping around.
export function neighbourEntity(state: EditorState, entities: readonly DocEntity[], direction: 1 | -1): DocEntity | undefined {
  if (entities.length === 0) return undefined;
  const { from, to } = state.selection;
  if (direction === 1) return entities.find((e) => e.from > from || (e.from === from && e.to < to)) ?? entities[0];
  for (let i = entities.length - 1; i >= 0; i--) {
    const e = entities[i]!;
    if (e.from < from || (e.from === from && e.to > to)) return e;
  }
  return entities[entities.length - 1];
}

/// Replaces [from, to) with typed `text` so that the entities covering the whole replaced range cover the new
/// text too; null when ProseMirror's own handling already gives that result (a caret insertion, or a
/// replacement whose default marks are the same).
///
/// ProseMirror gives replacing text the marks of the text after the selection start, minus non-inclusive marks
/// absent after the selection end, so retyping a name's last character would drop its tag. Here a correction
/// of any character of a tagged name keeps the tag, and a replacement reaching outside a name does not join it.
export function replaceKeepingEntities(state: EditorState, from: number, to: number, text: string): Transaction | null {
  if (from >= to || text === '') return null;
  const wanted = entityMarksOnWholeRange(state.doc, from, to);
  const $from = state.doc.resolve(from);
  const defaults = ($from.marksAcross(state.doc.resolve(to)) ?? []).filter((m) => m.type === entityMarkType);
  if (sameMarks(wanted, defaults)) return null;
  return state.tr.replaceWith(from, to, editorSchema.text(text, wanted));
}

function entityMarksOnWholeRange(doc: PmNode, from: number, to: number): readonly Mark[] {
  let common: readonly Mark[] | null = null;
  doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    const marks = node.marks.filter((m) => m.type === entityMarkType);
    common = common === null ? marks : common.filter((m) => m.isInSet(marks));
    return false;
  });
  return common ?? [];
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m) => m.isInSet(b));
}
