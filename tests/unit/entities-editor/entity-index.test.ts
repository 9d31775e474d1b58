import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { createPageState } from '../../../renderer/editor/page-state';
import { editorSchema } from '../../../renderer/editor/schema';
import { cpToPmPos } from '../../../renderer/editor/text-doc';
import { entitiesOf, entityTextsOf } from '../../../renderer/entities/entity-index';
import { spansOf } from '../../../renderer/entities/spans-io';

// Line 2 holds a nested pair (朔城区 inside the organisation) and a name with 𠮷; the last entity wraps over the
// break between lines 3 and 4.
const TEXT = '记者武跃林报道\n朔城区市场监督管理局与𠮷林区\n来自马邑\n花园小区的报道';
const SPANS: EntitySpan[] = [
  { id: 'p1', start: 2, end: 5, type: 'PER', text: '武跃林' },
  { id: 'o1', start: 8, end: 18, type: 'ORG', text: '朔城区市场监督管理局' },
  { id: 'l1', start: 8, end: 11, type: 'LOC', text: '朔城区' },
  { id: 'l2', start: 19, end: 22, type: 'LOC', text: '𠮷林区' },
  { id: 'l3', start: 25, end: 32, type: 'LOC', text: '马邑\n花园小区' },
];

function open(): EditorState {
  return createPageState({ originalText: TEXT, text: TEXT, entities: SPANS, entityView: {} });
}

// The same document rebuilt from JSON: no line node is shared with `state`, so nothing comes from a cache.
function fresh(state: EditorState) {
  return editorSchema.nodeFromJSON(state.doc.toJSON());
}

describe('entitiesOf and entityTextsOf', () => {
  it('lists every entity with extents, depths and texts, including a nested one, 𠮷 and one over a line break', () => {
    const { doc } = open();
    const list = entitiesOf(doc);
    expect(list.map((e) => [e.id, e.type, e.depth])).toEqual([
      ['p1', 'PER', 0],
      ['o1', 'ORG', 0],
      ['l1', 'LOC', 1],
      ['l2', 'LOC', 0],
      ['l3', 'LOC', 0],
    ]);
    const texts = entityTextsOf(doc);
    expect(SPANS.map((s) => texts.get(s.id))).toEqual(SPANS.map((s) => s.text));
    for (const e of list) expect(texts.get(e.id)).toBe(doc.textBetween(e.from, e.to, '\n'));
  });

  it('after edits on one line, gives what a walk of a document built from scratch gives', () => {
    let state = open();
    // Type inside the organisation, delete the 𠮷 name's first character, add a line before the last entity.
    state = state.apply(state.tr.insertText('新', cpToPmPos(state.doc, 12)));
    state = state.apply(state.tr.delete(cpToPmPos(state.doc, 20), cpToPmPos(state.doc, 21)));
    state = state.apply(state.tr.split(cpToPmPos(state.doc, 23)));
    const rebuilt = fresh(state);
    expect(entitiesOf(state.doc)).toEqual(entitiesOf(rebuilt));
    expect([...entityTextsOf(state.doc)]).toEqual([...entityTextsOf(rebuilt)]);
    expect(entityTextsOf(state.doc).get('o1')).toBe('朔城区市新场监督管理局');
    expect(entityTextsOf(state.doc).get('l2')).toBe('林区');
    expect(spansOf(state.doc).find((s) => s.id === 'l3')).toMatchObject({ text: '马邑\n花园小区' });
  });

  it('shares the untouched lines with the previous document, so only the edited line is read again', () => {
    const state = open();
    const before = entitiesOf(state.doc);
    const next = state.apply(state.tr.insertText('甲', cpToPmPos(state.doc, 0)));
    const after = entitiesOf(next.doc);
    expect(after).not.toBe(before);
    // Lines 2-4 are the same node objects in both documents; only line 1's positions moved by one.
    expect(next.doc.child(1)).toBe(state.doc.child(1));
    expect(after.map((e) => e.from - before.find((b) => b.id === e.id)!.from)).toEqual([1, 1, 1, 1, 1]);
  });
});
