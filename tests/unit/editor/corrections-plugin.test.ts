import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import {
  correctionsKey,
  decorationsFor,
  recomputeCorrections,
  type CorrectionDecorationSpec,
} from '../../../renderer/editor/corrections-plugin';
import { createPageState } from '../../../renderer/editor/page-state';
import { cpToPmPos, textFromDoc } from '../../../renderer/editor/text-doc';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import { random, randomEdit } from './random-edits';

const EXT_B = '𠮷';

/// Applies a transaction, then the idle recompute the view plugin would dispatch after a pause.
function settle(state: EditorState, tr: Transaction): EditorState {
  let next = state.apply(tr);
  const recompute = recomputeCorrections(next);
  if (recompute !== null) next = next.apply(recompute);
  return next;
}

function highlights(state: EditorState): { deco: Decoration; spec: CorrectionDecorationSpec; text: string }[] {
  const set = correctionsKey.getState(state)!.decorations;
  return set
    .find()
    .map((deco) => ({ deco, spec: deco.spec as CorrectionDecorationSpec, text: state.doc.textBetween(deco.from, deco.to, '\n') }));
}

/// The inline decoration attributes (class, title, data-original) of a decoration.
function attrsOf(deco: Decoration): Record<string, string> {
  return (deco as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
}

describe('the corrections plugin', () => {
  const original = `报纸第一行己经印好\n第二行${EXT_B}字\n第三行`;

  it('shows no highlight when the text equals the original', () => {
    const state = createPageState({ originalText: original, text: original });
    expect(highlights(state)).toEqual([]);
    expect(correctionsKey.getState(state)!.stale).toBe(false);
  });

  it('highlights a replaced character with the OCR original in title and data-original', () => {
    const state = createPageState({ originalText: original, text: original });
    const at = cpToPmPos(state.doc, 5); // 己
    const next = settle(state, state.tr.insertText('已', at, at + 1));
    const found = highlights(next);
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toBe('已');
    expect(found[0]!.spec.kind).toBe('changed');
    expect(attrsOf(found[0]!.deco)).toMatchObject({ class: 'corr-changed', title: 'OCR: 己', 'data-original': '己' });
  });

  it('highlights an inserted Extension B character as inserted, after another Extension B character', () => {
    const state = createPageState({ originalText: original, text: original });
    const at = cpToPmPos(state.doc, 14); // after "第二行𠮷" on line 2
    const next = settle(state, state.tr.insertText(EXT_B, at));
    expect(textFromDoc(next.doc)).toBe(`报纸第一行己经印好\n第二行${EXT_B}${EXT_B}字\n第三行`);
    const found = highlights(next);
    expect(found).toHaveLength(1);
    expect(found[0]!.spec.kind).toBe('inserted');
    expect(found[0]!.text).toBe(EXT_B);
    expect(found[0]!.deco.to - found[0]!.deco.from).toBe(2); // two UTF-16 units, one code point
    expect(attrsOf(found[0]!.deco).class).toBe('corr-inserted');
  });

  it('marks a deleted line with one widget whose original is the line and its break', () => {
    const state = createPageState({ originalText: original, text: original });
    const line1 = state.doc.child(0).nodeSize;
    const next = settle(state, state.tr.delete(line1, line1 + state.doc.child(1).nodeSize));
    expect(textFromDoc(next.doc)).toBe('报纸第一行己经印好\n第三行');
    const found = highlights(next);
    expect(found).toHaveLength(1);
    expect(found[0]!.spec.kind).toBe('deleted');
    expect(found[0]!.deco.from).toBe(found[0]!.deco.to);
    expect(found[0]!.spec.correction.original.replace(/\n/g, '')).toBe(`第二行${EXT_B}字`);
    expect(found[0]!.spec.correction.corrected).toBe('');
  });

  it('shows no highlight after undoing a change', () => {
    const state = createPageState({ originalText: original, text: original });
    const at = cpToPmPos(state.doc, 0);
    const changed = settle(state, state.tr.insertText('日', at, at + 1));
    expect(highlights(changed)).toHaveLength(1);
    let undone: EditorState = changed;
    expect(undo(changed, (tr) => (undone = settle(changed, tr)))).toBe(true);
    expect(textFromDoc(undone.doc)).toBe(original);
    expect(highlights(undone)).toEqual([]);
  });

  it('maps existing highlights through edits before the idle recompute, and marks them stale', () => {
    const state = createPageState({ originalText: original, text: original.replace('己', '已') });
    const before = highlights(state)[0]!.deco.from;
    const typed = state.apply(state.tr.insertText('新', 1));
    expect(correctionsKey.getState(typed)!.stale).toBe(true);
    const mapped = highlights(typed);
    expect(mapped).toHaveLength(1);
    expect(mapped[0]!.deco.from).toBe(before + 1);
    expect(mapped[0]!.text).toBe('已');
  });

  it('keeps the same plugin state object for transactions that change nothing', () => {
    const state = createPageState({ originalText: original, text: original });
    const next = state.apply(state.tr.setMeta('unrelated', true));
    expect(correctionsKey.getState(next)).toBe(correctionsKey.getState(state));
    expect(recomputeCorrections(next)).toBeNull();
  });

  it('marks an added line break with a widget, since there is no visible character to highlight', () => {
    const state = createPageState({ originalText: original, text: original });
    const at = cpToPmPos(state.doc, 2);
    const next = settle(state, state.tr.split(at));
    const found = highlights(next);
    expect(found).toHaveLength(1);
    expect(found[0]!.spec.kind).toBe('inserted-break');
  });

  it('builds one highlight per correction on a long page', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `第${i}行${'新闻报道'.repeat(32)}`);
    const originalPage = lines.join('\n');
    const correctedPage = lines.map((line, i) => (i % 5 === 0 ? line.replace('报', '报' + EXT_B) : line)).join('\n');
    const state = createPageState({ originalText: originalPage, text: correctedPage });
    const corrections = computeCorrections(originalPage, correctedPage);
    expect(corrections).toHaveLength(300);
    expect(decorationsFor(state.doc, corrections).find()).toHaveLength(300);
    expect(highlights(state).every((h) => h.text === EXT_B)).toBe(true);
  });
});

describe('the corrections plugin after many random edits', () => {
  it('keeps highlights identical to highlights built from scratch, and corrections that rebuild the text', () => {
    const original = Array.from({ length: 30 }, (_, i) => (i % 6 === 2 ? '' : `第${i}行${EXT_B}报纸己经印好${'文字'.repeat(i % 4)}`)).join('\n');
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const next = random(seed);
      let state = createPageState({ originalText: original, text: original });
      for (let step = 0; step < 40; step++) {
        // Several edits between recomputes, as when typing quickly.
        for (let k = 0; k < 1 + Math.floor(next() * 3); k++) state = randomEdit(state, next);
        const recompute = recomputeCorrections(state);
        if (recompute !== null) state = state.apply(recompute);
        const value = correctionsKey.getState(state)!;
        expect(applyCorrections(original, value.corrections)).toEqual({ ok: true, value: textFromDoc(state.doc) });
        const shape = (decos: Decoration[]) =>
          decos.map((d) => `${d.from}-${d.to}:${(d.spec as CorrectionDecorationSpec).kind}:${(d.spec as CorrectionDecorationSpec).correction.original}`).sort();
        expect(shape(value.decorations.find())).toEqual(shape(decorationsFor(state.doc, value.corrections).find()));
      }
    }
  });
});

describe('the set-original action', () => {
  it('replaces the original and recomputes the highlights against it', () => {
    const state = createPageState({ originalText: '甲乙丙', text: '甲乙丙' });
    expect(highlights(state)).toEqual([]);
    const next = state.apply(state.tr.setMeta(correctionsKey, { type: 'set-original', original: '甲己丙' }));
    const found = highlights(next);
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toBe('乙');
    expect(found[0]!.spec.correction).toEqual({ start: 1, end: 2, original: '己', corrected: '乙' });
  });
});
