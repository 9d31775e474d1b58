import { describe, expect, it } from 'vitest';
import { undo, redo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { mapSpans } from '../../../shared/entities/spans';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { cpLength } from '../../../shared/text/codepoints';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, textFromDoc } from '../../../renderer/editor/text-doc';
import { replaceKeepingEntities } from '../../../renderer/entities/entity-commands';
import { spansOf } from '../../../renderer/entities/spans-io';
import { entityCpExtents } from '../../../renderer/entities/entity-index';

// 𠮷 (U+20BB7) is one code point and two UTF-16 units; it sits inside the entity so every offset past it would
// be off by one if UTF-16 units leaked anywhere.
const TEXT = '甲乙𠮷丙丁\n戊己𠮷庚';
const PERSON: EntitySpan = { id: 'p1', start: 1, end: 4, type: 'PER', text: '乙𠮷丙' };

function stateWith(spans: EntitySpan[], text = TEXT): EditorState {
  return createPageState({ originalText: text, text, entities: spans, entityView: {} });
}

/// Applies an edit the way the editor does: typed text over a selection keeps the tags covering all of it.
function edit(state: EditorState, start: number, end: number, inserted: string): EditorState {
  const from = cpToPmPos(state.doc, start);
  const to = cpToPmPos(state.doc, end);
  let tr: Transaction;
  if (inserted === '') tr = state.tr.delete(from, to);
  else tr = replaceKeepingEntities(state, from, to, inserted) ?? state.tr.insertText(inserted, from, to);
  return state.apply(tr);
}

// Before the span, at its start, inside it (before and after 𠮷), at its end, after it.
const POINTS = { before: 0, atStart: 1, insideBeforeAstral: 2, insideAfterAstral: 3, atEnd: 4, after: 5 };
const RANGES: Record<string, [number, number]> = {
  beforeOnly: [0, 1],
  acrossStart: [0, 2],
  firstChar: [1, 2],
  astralChar: [2, 3],
  lastChar: [3, 4],
  acrossEnd: [3, 5],
  whole: [1, 4],
  wider: [0, 5],
  afterOnly: [4, 5],
};

describe('entity spans in the editor follow edits exactly as the span-mapping rules say', () => {
  for (const [name, at] of Object.entries(POINTS)) {
    it(`insertion ${name}`, () => {
      const after = edit(stateWith([PERSON]), at, at, 'X𠮷');
      const text = textFromDoc(after.doc);
      expect(spansOf(after.doc)).toEqual(mapSpans([PERSON], { start: at, end: at, insertedLength: 2 }, text).spans);
    });
  }
  for (const [name, [start, end]] of Object.entries(RANGES)) {
    it(`deletion ${name}`, () => {
      const after = edit(stateWith([PERSON]), start, end, '');
      const expected = mapSpans([PERSON], { start, end, insertedLength: 0 }, textFromDoc(after.doc));
      expect(spansOf(after.doc)).toEqual(expected.spans);
    });
    it(`replacement ${name}`, () => {
      const after = edit(stateWith([PERSON]), start, end, 'Y𠮷');
      const expected = mapSpans([PERSON], { start, end, insertedLength: cpLength('Y𠮷') }, textFromDoc(after.doc));
      expect(spansOf(after.doc)).toEqual(expected.spans);
    });
  }

  it('keeps the tag when a character inside a name is corrected, with the corrected text quoted', () => {
    const after = edit(stateWith([PERSON]), 3, 4, '林');
    expect(spansOf(after.doc)).toEqual([{ ...PERSON, text: '乙𠮷林' }]);
  });

  it('removes a span whose text is wholly deleted, and undo brings it back with its id and type', () => {
    const deleted = edit(stateWith([PERSON]), 1, 4, '');
    expect(spansOf(deleted.doc)).toEqual([]);
    let restored = deleted;
    undo(deleted, (tr) => (restored = deleted.apply(tr)));
    expect(spansOf(restored.doc)).toEqual([PERSON]);
    let again = restored;
    redo(restored, (tr) => (again = restored.apply(tr)));
    expect(spansOf(again.doc)).toEqual([]);
  });

  it('maps nested and overlapping spans independently', () => {
    const org: EntitySpan = { id: 'o1', start: 0, end: 5, type: 'ORG', text: '甲乙𠮷丙丁' };
    const place: EntitySpan = { id: 'l1', start: 0, end: 2, type: 'LOC', text: '甲乙' };
    const overlap: EntitySpan = { id: 'm1', start: 3, end: 8, type: 'MISC', text: '丙丁\n戊己' };
    const state = stateWith([org, place, overlap]);
    expect(spansOf(state.doc)).toEqual([org, place, overlap]);
    // Correcting 乙 (inside the place and the organisation, outside the overlap) and inserting after 戊.
    let next = edit(state, 1, 2, '亿');
    next = edit(next, 7, 7, '𠮷');
    const text = textFromDoc(next.doc);
    expect(text).toBe('甲亿𠮷丙丁\n戊𠮷己𠮷庚');
    expect(spansOf(next.doc)).toEqual([
      { ...org, text: '甲亿𠮷丙丁' },
      { ...place, text: '甲亿' },
      { ...overlap, end: 9, text: '丙丁\n戊𠮷己' },
    ]);
    // The one-walk extents used for "already tagged" checks agree with the spans.
    const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;
    expect([...entityCpExtents(next.doc)].sort(byStart)).toEqual(spansOf(next.doc).map(({ start, end }) => ({ start, end })).sort(byStart));
  });

  it('refuses spans that do not fit the text and keeps unknown types', () => {
    const wrong: EntitySpan = { id: 'w', start: 0, end: 2, type: 'PER', text: '不对' };
    const empty: EntitySpan = { id: 'z', start: 2, end: 2, type: 'PER', text: 'x' };
    const unknown: EntitySpan = { id: 'u', start: 6, end: 8, type: 'EVENT', text: '戊己' };
    const state = stateWith([wrong, empty, unknown]);
    expect(spansOf(state.doc)).toEqual([unknown]);
  });
});
