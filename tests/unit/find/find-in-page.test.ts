import { describe, expect, it } from 'vitest';
import { undo, undoDepth } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { createPageState } from '../../../renderer/editor/page-state';
import { pmPosToCp, textFromDoc } from '../../../renderer/editor/text-doc';
import { spansOf } from '../../../renderer/entities/spans-io';
import { findInDoc } from '../../../renderer/find/find-engine';
import { replaceAll, replaceCurrent, setFindQuery, stepFind, type FindEditor } from '../../../renderer/find/find-commands';
import { findStateOf, MAX_DRAWN } from '../../../renderer/find/find-plugin';
import { compileFind, type CompiledFind, type FindRequest } from '../../../renderer/find/find-query';

// 𠮷 (U+20BB7) is one code point and two UTF-16 units (two ProseMirror positions).
const TEXT = '𠮷田\n甲𠮷乙𠮷\n丙丁';

class Holder implements FindEditor {
  constructor(public state: EditorState) {}
  dispatch(tr: Transaction): void {
    this.state = this.state.apply(tr);
  }
}

function compiled(request: Partial<FindRequest> & { pattern: string }): CompiledFind {
  const result = compileFind({ mode: 'plain', replacement: '', ...request });
  if (!result.ok || result.value === null) throw new Error(`query did not compile: ${JSON.stringify(result)}`);
  return result.value;
}

function editor(text = TEXT, entities: EntitySpan[] = []): Holder {
  return new Holder(createPageState({ originalText: text, text, entities, entityView: {} }));
}

// Each hit as [code-point start, code-point end, text].
function hitsOf(state: EditorState, query: CompiledFind): [number, number, string][] {
  return findInDoc(state.doc, query).map((m) => [pmPosToCp(state.doc, m.from), pmPosToCp(state.doc, m.to), state.doc.textBetween(m.from, m.to)]);
}

describe('find query', () => {
  it('takes an empty pattern as nothing to find', () => {
    expect(compileFind({ mode: 'regex', pattern: '', replacement: '' })).toEqual({ ok: true, value: null });
  });

  it('wants one character in the character mode, an astral one included', () => {
    expect(compileFind({ mode: 'character', pattern: '𠮷', replacement: '' }).ok).toBe(true);
    expect(compileFind({ mode: 'character', pattern: '甲乙', replacement: '' })).toEqual({ ok: false, problem: { kind: 'one-character', length: 2 } });
  });

  it('words an invalid expression instead of throwing', () => {
    const result = compileFind({ mode: 'regex', pattern: '(甲', replacement: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.kind).toBe('invalid-regex');
    expect(result.problem.kind === 'invalid-regex' && result.problem.reason).toMatch(/group/i);
  });

  it('refuses a replacement naming a group the expression lacks', () => {
    const result = compileFind({ mode: 'regex', pattern: '(甲)', replacement: '$2' });
    expect(result.ok ? null : result.problem.kind).toBe('replacement');
  });
});

describe('find engine', () => {
  it('finds plain text by code points, 𠮷 included', () => {
    const { state } = editor();
    expect(hitsOf(state, compiled({ pattern: '𠮷' }))).toEqual([[0, 1, '𠮷'], [4, 5, '𠮷'], [6, 7, '𠮷']]);
    expect(hitsOf(state, compiled({ pattern: '𠮷乙' }))).toEqual([[4, 6, '𠮷乙']]);
  });

  it('finds one character in the character mode', () => {
    const { state } = editor();
    expect(hitsOf(state, compiled({ mode: 'character', pattern: '乙' }))).toEqual([[5, 6, '乙']]);
  });

  it('runs expressions with the u flag, line by line (^ and $ at each line)', () => {
    const { state } = editor();
    // `.` is one code point, so 𠮷 is one character to it.
    expect(hitsOf(state, compiled({ mode: 'regex', pattern: '^.' }))).toEqual([[0, 1, '𠮷'], [3, 4, '甲'], [8, 9, '丙']]);
    expect(hitsOf(state, compiled({ mode: 'regex', pattern: '[𠮷丁]$' }))).toEqual([[6, 7, '𠮷'], [9, 10, '丁']]);
    // Empty matches are skipped, not looped on.
    expect(hitsOf(state, compiled({ mode: 'regex', pattern: '乙*' }))).toEqual([[5, 6, '乙']]);
  });
});

describe('find plugin and commands', () => {
  it('highlights the hits, counts them and steps through them with wrap-round', () => {
    const e = editor();
    setFindQuery(e, compiled({ pattern: '𠮷' }));
    expect(findStateOf(e.state).matches).toHaveLength(3);
    expect(findStateOf(e.state).decorations.find()).toHaveLength(3);
    const selected = () => [pmPosToCp(e.state.doc, e.state.selection.from), pmPosToCp(e.state.doc, e.state.selection.to)];
    expect(stepFind(e, 1)).toBe(true);
    expect(selected()).toEqual([0, 1]);
    stepFind(e, 1);
    expect(selected()).toEqual([4, 5]);
    stepFind(e, 1);
    stepFind(e, 1);
    expect(selected()).toEqual([0, 1]);
    stepFind(e, -1);
    expect(selected()).toEqual([6, 7]);
    expect(findStateOf(e.state).current).toBe(2);
  });

  it('moves the hits with an edit and searches again afterwards', () => {
    const e = editor();
    setFindQuery(e, compiled({ pattern: '𠮷' }));
    e.dispatch(e.state.tr.insertText('𠮷', 1));
    expect(findStateOf(e.state).stale).toBe(true);
    expect(findStateOf(e.state).matches).toHaveLength(3);
    // Stepping searches the new text first.
    stepFind(e, 1);
    expect(findStateOf(e.state).stale).toBe(false);
    expect(findStateOf(e.state).matches).toHaveLength(4);
  });

  it('draws at most MAX_DRAWN highlights and still counts every hit', () => {
    const text = '的'.repeat(MAX_DRAWN * 3);
    const e = editor(text);
    setFindQuery(e, compiled({ mode: 'character', pattern: '的' }));
    expect(findStateOf(e.state).matches).toHaveLength(MAX_DRAWN * 3);
    expect(findStateOf(e.state).decorations.find().length).toBe(MAX_DRAWN);
  });

  it('replaces all hits in one undoable step, $1-style groups filled in', () => {
    const e = editor();
    setFindQuery(e, compiled({ mode: 'regex', pattern: '(.)(𠮷)', replacement: '$2$1' }));
    const depth = undoDepth(e.state);
    expect(replaceAll(e)).toBe(2);
    expect(textFromDoc(e.state.doc)).toBe('𠮷田\n𠮷甲𠮷乙\n丙丁');
    expect(undoDepth(e.state)).toBe(depth + 1);
    undo(e.state, (tr) => e.dispatch(tr));
    expect(textFromDoc(e.state.doc)).toBe(TEXT);
  });

  it('leaves alone the hits a replacement would not change', () => {
    const e = editor();
    setFindQuery(e, compiled({ mode: 'regex', pattern: '[田乙]', replacement: '乙' }));
    expect(replaceAll(e)).toBe(1);
    expect(textFromDoc(e.state.doc)).toBe('𠮷乙\n甲𠮷乙𠮷\n丙丁');
    setFindQuery(e, compiled({ pattern: '乙', replacement: '乙' }));
    expect(replaceAll(e)).toBe(0);
  });

  it('deletes with an empty replacement but keeps the lines', () => {
    const e = editor();
    setFindQuery(e, compiled({ mode: 'regex', pattern: '^.*$', replacement: '' }));
    expect(replaceAll(e)).toBe(3);
    expect(textFromDoc(e.state.doc)).toBe('\n\n');
  });

  it('replaces the current hit, then selects the next', () => {
    const e = editor();
    setFindQuery(e, compiled({ pattern: '𠮷', replacement: '吉' }));
    stepFind(e, 1);
    stepFind(e, 1);
    expect(replaceCurrent(e)).toBe(true);
    expect(textFromDoc(e.state.doc)).toBe('𠮷田\n甲吉乙𠮷\n丙丁');
    expect([pmPosToCp(e.state.doc, e.state.selection.from), pmPosToCp(e.state.doc, e.state.selection.to)]).toEqual([6, 7]);
    expect(findStateOf(e.state).matches).toHaveLength(2);
  });

  it('keeps an entity tag on a replaced name and moves the spans after it like typing', () => {
    const spans: EntitySpan[] = [
      { id: 'p1', start: 3, end: 6, type: 'PER', text: '甲𠮷乙' },
      { id: 'l1', start: 8, end: 10, type: 'LOC', text: '丙丁' },
    ];
    const e = editor(TEXT, spans);
    setFindQuery(e, compiled({ pattern: '𠮷', replacement: '吉吉' }));
    expect(replaceAll(e)).toBe(3);
    expect(textFromDoc(e.state.doc)).toBe('吉吉田\n甲吉吉乙吉吉\n丙丁');
    expect(spansOf(e.state.doc).map((s) => [s.id, s.start, s.end, s.text])).toEqual([
      ['p1', 4, 8, '甲吉吉乙'],
      ['l1', 11, 13, '丙丁'],
    ]);
  });
});
