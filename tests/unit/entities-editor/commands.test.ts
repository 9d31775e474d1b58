import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { DEFAULT_TAGSET, displayTypes } from '../../../shared/entities/tagset';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, textFromDoc } from '../../../renderer/editor/text-doc';
import { deleteEntity, entityAtSelection, retypeEntity, tagRange, tagRanges } from '../../../renderer/entities/entity-commands';
import { lookOf } from '../../../renderer/entities/entities-plugin';
import { typeStyleSheet } from '../../../renderer/entities/type-styles';
import { entitiesOf } from '../../../renderer/entities/entity-index';
import { spansOf } from '../../../renderer/entities/spans-io';
import { acceptAllOfType, acceptSuggestion, rejectSuggestion } from '../../../renderer/entities/suggestion-commands';
import { computeSuggestions, computeSuggestionsIn, rejectionsOf, shownSuggestions, suggestionAtSelection, suggestionsKey, type SuggestContext } from '../../../renderer/entities/suggestions-plugin';

const TEXT = '记者 武跃林报道\n朔城区市场监督管理局与武跃林、𠮷林区\n武跃林';

function open(entities: EntitySpan[] = [], context?: SuggestContext): EditorState {
  return createPageState({ originalText: TEXT, text: TEXT, entities, entityView: {}, ...(context && { suggest: context }) });
}

function run(state: EditorState, tr: Transaction | null): EditorState {
  expect(tr).not.toBeNull();
  return state.apply(tr!);
}

function at(state: EditorState, start: number, end: number) {
  return { from: cpToPmPos(state.doc, start), to: cpToPmPos(state.doc, end) };
}

function withSuggestions(state: EditorState, context: SuggestContext): EditorState {
  const suggestions = computeSuggestions(state, context);
  return state.apply(state.tr.setMeta(suggestionsKey, { type: 'computed', doc: state.doc, suggestions }));
}

describe('entity commands', () => {
  it('refuses to tag an empty range or a bare line break', () => {
    const state = open();
    const { from } = at(state, 3, 3);
    expect(tagRange(state, from, from, 'PER')).toBeNull();
    const lineEnd = cpToPmPos(state.doc, 8);
    expect(tagRange(state, lineEnd, lineEnd + 2, 'PER')).toBeNull();
  });

  it('tags, nests, retypes and deletes; each is one undo step', () => {
    let state = open();
    const org = at(state, 9, 19);
    state = run(state, tagRange(state, org.from, org.to, 'ORG'));
    const place = at(state, 9, 12);
    state = run(state, tagRange(state, place.from, place.to, 'LOC'));
    expect(spansOf(state.doc).map((s) => [s.type, s.text])).toEqual([['ORG', '朔城区市场监督管理局'], ['LOC', '朔城区']]);
    expect(entitiesOf(state.doc).map((e) => e.depth)).toEqual([0, 1]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, place.from + 1)));
    const inner = entityAtSelection(state)!;
    expect(inner.type).toBe('LOC');
    state = run(state, retypeEntity(state, inner.id, 'MISC'));
    expect(spansOf(state.doc).find((s) => s.id === inner.id)!.type).toBe('MISC');
    state = run(state, deleteEntity(state, inner.id));
    expect(spansOf(state.doc).map((s) => s.type)).toEqual(['ORG']);
    undo(state, (tr) => (state = state.apply(tr)));
    expect(spansOf(state.doc).map((s) => s.type)).toEqual(['ORG', 'MISC']);
  });

  it('tags several occurrences in one transaction that one undo reverts', () => {
    let state = open();
    const ranges = [at(state, 3, 6), at(state, 20, 23), at(state, 28, 31)].map((r) => ({ ...r, type: 'PER' }));
    state = run(state, tagRanges(state, ranges));
    expect(spansOf(state.doc).map((s) => [s.start, s.text])).toEqual([[3, '武跃林'], [20, '武跃林'], [28, '武跃林']]);
    undo(state, (tr) => (state = state.apply(tr)));
    expect(spansOf(state.doc)).toEqual([]);
  });

  it("keeps every text node's entity marks outer first, whatever order they were tagged in", () => {
    let state = open();
    const place = at(state, 9, 12);
    state = run(state, tagRange(state, place.from, place.to, 'LOC'));
    const org = at(state, 9, 19);
    state = run(state, tagRange(state, org.from, org.to, 'ORG'));
    const first = state.doc.nodeAt(place.from)!;
    expect(first.marks.map((m) => m.attrs['type'])).toEqual(['ORG', 'LOC']);
    expect(entitiesOf(state.doc).map((e) => [e.type, e.depth])).toEqual([['ORG', 0], ['LOC', 1]]);
  });

  it('colours types from the tag set in a style sheet; odd ids stay quoted', () => {
    const css = typeStyleSheet(lookOf(displayTypes(DEFAULT_TAGSET, [{ type: 'a"]{x' }])));
    expect(css).toContain('.ent-mark[data-entity-type="PER"], .ent-suggestion[data-suggestion-type="PER"] { --ent-colour: #d55e00; }');
    // The quote inside the id is escaped, so the rule cannot break out of its selector.
    expect(css).toContain('.ent-mark[data-entity-type="a\\"]{x"]');
  });
});

describe('suggestions in the editor', () => {
  const context = (): SuggestContext => ({ known: new Map(), enabled: true });

  it('suggests the person after 记者 and the organisation ending in 局; Enter-style accept tags it', () => {
    let state = withSuggestions(open([], context()), context());
    const shown = shownSuggestions(state);
    expect(shown.some((s) => s.text === '武跃林' && s.type === 'PER')).toBe(true);
    expect(shown.some((s) => s.text.endsWith('管理局') && s.type === 'ORG')).toBe(true);
    const person = shown.find((s) => s.text === '武跃林')!;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, person.from + 1)));
    const under = suggestionAtSelection(state)!;
    expect(under.text).toBe('武跃林');
    state = run(state, acceptSuggestion(state, under));
    expect(spansOf(state.doc).map((s) => [s.type, s.text])).toEqual([['PER', '武跃林']]);
    expect(shownSuggestions(state).some((s) => s.from === person.from)).toBe(false);
  });

  it('rejects a suggestion everywhere on the page and keeps it out of later runs', () => {
    const ctx = context();
    let state = withSuggestions(open([], ctx), ctx);
    const org = shownSuggestions(state).find((s) => s.type === 'ORG')!;
    state = state.apply(rejectSuggestion(state, org));
    expect(rejectionsOf(state)).toEqual([{ text: org.text, type: 'ORG' }]);
    expect(shownSuggestions(state).some((s) => s.text === org.text && s.type === 'ORG')).toBe(false);
    // A later refresh after an edit does not bring it back.
    state = state.apply(state.tr.insertText('新', cpToPmPos(state.doc, 9)));
    state = withSuggestions(state, ctx);
    expect(shownSuggestions(state).some((s) => s.text === org.text && s.type === 'ORG')).toBe(false);
  });

  it('updates only the edited window after typing, ending with what a whole-page run shows', () => {
    const ctx = context();
    let state = withSuggestions(open([], ctx), ctx);
    // Type a byline at the end, then break a place name, each followed by an idle refresh.
    const edits: [number, string][] = [[TEXT.length, '。记者 冯云龙'], [9, '在']];
    for (const [cp, typed] of edits) {
      state = state.apply(state.tr.insertText(typed, cpToPmPos(state.doc, cp)));
      const { suggestions, window } = computeSuggestionsIn(state, ctx);
      expect(window).not.toBeNull();
      state = state.apply(state.tr.setMeta(suggestionsKey, { type: 'computed', doc: state.doc, suggestions, window }));
    }
    const fresh = withSuggestions(open([], ctx), ctx);
    const whole = withSuggestions(createPageState({ originalText: TEXT, text: textFromDoc(state.doc), suggest: ctx }), ctx);
    const shown = (s: EditorState) => shownSuggestions(s).map((x) => [x.from, x.to, x.type, x.text]);
    expect(shown(state)).toEqual(shown(whole));
    expect(shownSuggestions(state).some((x) => x.text === '冯云龙' && x.type === 'PER')).toBe(true);
    expect(shown(state)).not.toEqual(shown(fresh));
  });

  it('accepts all suggestions of one type at once', () => {
    const ctx = context();
    let state = withSuggestions(open([], ctx), ctx);
    const places = shownSuggestions(state).filter((s) => s.type === 'LOC');
    expect(places.length).toBeGreaterThan(0);
    state = run(state, acceptAllOfType(state, 'LOC'));
    expect(spansOf(state.doc).filter((s) => s.type === 'LOC')).toHaveLength(places.length);
    expect(shownSuggestions(state).filter((s) => s.type === 'LOC')).toHaveLength(0);
  });
});
