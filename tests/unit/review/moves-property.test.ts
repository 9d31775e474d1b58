// Property test of the correction record (issue 12 item 2): random block moves (accepted reading-order repairs),
// joins, splits, character edits (Extension B included), undo, and save → reopen through the real services, on the
// real editor state. The test keeps its own record of where every character came from and checks the editor's
// record against it after every step.
import fc from 'fast-check';
import { closeHistory, undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { correctionsKey, recomputeCorrections, type CorrectionDecorationSpec } from '../../../renderer/editor/corrections-plugin';
import { createPageState } from '../../../renderer/editor/page-state';
import { movesOf } from '../../../renderer/editor/schema';
import { cpToPmPos, pmPosToCp, sliceFromText, textFromDoc } from '../../../renderer/editor/text-doc';
import { correctionsWithRules } from '../../../renderer/review/corrections-with-rules';
import { acceptItem } from '../../../renderer/review/review-commands';
import { reviewItems, reviewKey, type ReviewAction } from '../../../renderer/review/review-plugin';
import { LineLinker } from '../../../renderer/scan/line-linker';
import type { PageData } from '../../../shared/ipc/contract';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { CorrectionMap, applyCorrections } from '../../../shared/model/corrections';
import { ArrangementMap, arrangeText, movesFromRanges } from '../../../shared/model/moves';
import { cpLength } from '../../../shared/text/codepoints';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';

type Op =
  | { kind: 'move'; from: number; span: number; cut: number; cut2: number }
  | { kind: 'join'; line: number }
  | { kind: 'split'; at: number }
  | { kind: 'replace' | 'insert' | 'delete'; at: number }
  | { kind: 'undo' }
  | { kind: 'reopen' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), from: fc.nat(), span: fc.nat(), cut: fc.nat(), cut2: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

// Lines of distinct characters (one of them 𠮷), so every character of the original is unique and "where it came
// from" has one answer; a line ending is CRLF or LF, as OCR files come.
const pageArb = fc.record({
  lines: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 7 }),
  crlf: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  withExtB: fc.nat(),
});

// Where each code point of the current text came from: its offset in the original, or -1 (typed in).
type Origins = number[];

let corpus: TempCorpus;
beforeAll(async () => {
  corpus = await makeTempCorpus('jiaodui-moves-property-');
});
afterAll(async () => {
  await corpus.remove();
});

let fresh = 0;
// A character the original never has: Extension B, past the one the original may hold.
const freshChar = () => String.fromCodePoint(0x20100 + (fresh++ % 5000));

function upToDate(state: EditorState): EditorState {
  const refresh = recomputeCorrections(state);
  return refresh ? state.apply(refresh) : state;
}

function stateFor(page: PageData): EditorState {
  return createPageState({ originalText: page.originalText, text: page.text, corrections: page.corrections, ...(page.moves && { moves: page.moves }) });
}

// Everything the user sees of the record: text, highlights (code-point range, kind, hover original), line links.
function shown(state: EditorState, original: string): { text: string; highlights: string[]; links: number[][] } {
  const s = upToDate(state);
  const text = textFromDoc(s.doc);
  const highlights = correctionsKey
    .getState(s)!
    .decorations.find()
    .map((d) => {
      const spec = d.spec as CorrectionDecorationSpec;
      return `${pmPosToCp(s.doc, d.from)}-${pmPosToCp(s.doc, d.to)}:${spec.kind}:${spec.correction.original}`;
    })
    .sort();
  const linker = new LineLinker(original, true);
  const source = { getText: () => text, getCorrections: () => correctionsWithRules(s), getMoves: () => movesOf(s.doc) };
  const links = text.split('\n').map((_, line) => linker.originalLinesOf(line, source));
  return { text, highlights, links };
}

function check(state: EditorState, original: string, origins: Origins): void {
  const s = upToDate(state);
  const text = textFromDoc(s.doc);
  const chars = Array.from(text);
  expect(chars.length).toBe(origins.length);
  const moves = movesOf(s.doc);
  const corrections = correctionsWithRules(s);
  // The record reproduces the text.
  const arranged = arrangeText(original, moves);
  expect(arranged.ok).toBe(true);
  if (!arranged.ok) return;
  expect(applyCorrections(arranged.value, corrections)).toEqual({ ok: true, value: text });
  // Highlighted code points: those a correction wrote.
  const highlighted = new Set<number>();
  for (const { start, end } of new CorrectionMap(corrections).correctedRanges()) for (let i = start; i < end; i++) highlighted.add(i);
  const decorated = new Set<number>();
  for (const d of correctionsKey.getState(s)!.decorations.find()) {
    for (let i = pmPosToCp(s.doc, d.from); i < pmPosToCp(s.doc, d.to); i++) decorated.add(i);
  }
  const corrMap = new CorrectionMap(corrections);
  const arrangement = ArrangementMap.of(cpLength(original), moves);
  const originalChars = Array.from(original);
  chars.forEach((ch, i) => {
    if (ch === '\n') return; // line breaks are all alike: which one is kept is not a fact of the text
    // Only what really differs is highlighted, and an unchanged character maps back to its own original.
    expect({ i, ch, highlighted: highlighted.has(i), decorated: decorated.has(i) }).toEqual({ i, ch, highlighted: origins[i]! < 0, decorated: origins[i]! < 0 });
    if (origins[i]! >= 0) {
      const back = arrangement.toOriginal(corrMap.toOriginal(i));
      expect(back).toBe(origins[i]);
      expect(originalChars[back]).toBe(ch);
    }
  });
  // Hover originals quote the OCR text where the correction stands in the moved original.
  const arrangedChars = Array.from(arranged.value);
  for (const c of corrections) expect(arrangedChars.slice(c.start, c.end).join('')).toBe(c.original);
  // Each line's origins: every original line one of its unchanged characters came from; exactly those when the
  // line holds no typed-in character.
  const lineOf = (offset: number) => Array.from(original.slice(0, [...original].slice(0, offset).join('').length)).filter((c) => c === '\n').length;
  const links = computeLineOrigins(original, text, corrections, moves);
  let at = 0;
  text.split('\n').forEach((line, n) => {
    const length = cpLength(line);
    const own = new Set<number>();
    let typed = false;
    for (let i = at; i < at + length; i++) {
      if (origins[i]! >= 0) own.add(lineOf(origins[i]!));
      else typed = true;
    }
    const expected = [...own].sort((a, b) => a - b);
    if (typed) for (const o of expected) expect(links[n]).toContain(o);
    else expect({ line: n, links: links[n] }).toEqual({ line: n, links: expected });
    at += length + 1;
  });
}

// Applies one operation; returns the new state and origins, or null when it does not apply to this text.
function step(state: EditorState, origins: Origins, op: Op): { state: EditorState; origins: Origins } | null {
  const text = textFromDoc(state.doc);
  const chars = Array.from(text);
  const edit = (tr: Transaction, next: Origins) => ({ state: state.apply(tr), origins: next });
  switch (op.kind) {
    case 'join': {
      const breaks = chars.flatMap((c, i) => (c === '\n' ? [i] : []));
      if (breaks.length === 0) return null;
      const at = breaks[op.line % breaks.length]!;
      const pos = cpToPmPos(state.doc, at);
      return edit(closeHistory(state.tr).delete(pos, pos + 2), [...origins.slice(0, at), ...origins.slice(at + 1)]);
    }
    case 'split': {
      const at = op.at % (chars.length + 1);
      return edit(closeHistory(state.tr).replace(cpToPmPos(state.doc, at), cpToPmPos(state.doc, at), sliceFromText('\n')), [...origins.slice(0, at), -1, ...origins.slice(at)]);
    }
    case 'insert': {
      const at = op.at % (chars.length + 1);
      const pos = cpToPmPos(state.doc, at);
      return edit(closeHistory(state.tr).insertText(freshChar(), pos), [...origins.slice(0, at), -1, ...origins.slice(at)]);
    }
    case 'replace':
    case 'delete': {
      const visible = chars.flatMap((c, i) => (c === '\n' ? [] : [i]));
      if (visible.length === 0) return null;
      const at = visible[op.at % visible.length]!;
      const from = cpToPmPos(state.doc, at);
      const to = cpToPmPos(state.doc, at + 1);
      if (op.kind === 'delete') return edit(closeHistory(state.tr).delete(from, to), [...origins.slice(0, at), ...origins.slice(at + 1)]);
      return edit(closeHistory(state.tr).insertText(freshChar(), from, to), [...origins.slice(0, at), -1, ...origins.slice(at + 1)]);
    }
    case 'move':
      return move(state, origins, op, text);
    default:
      return null;
  }
}

// A reading-order repair of lines [first, last]: two or three runs of whole lines change places, the line breaks
// between them stay, as the reading-order rule proposes.
function move(state: EditorState, origins: Origins, op: Extract<Op, { kind: 'move' }>, text: string): { state: EditorState; origins: Origins } | null {
  const lines = text.split('\n');
  if (lines.length < 2) return null;
  const first = op.from % (lines.length - 1);
  const last = first + 1 + (op.span % (lines.length - first - 1));
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += cpLength(line) + 1;
  }
  const end = (line: number) => starts[line]! + cpLength(lines[line]!);
  // Chunk boundaries: after line `cut` (and `cut2`), inside [first, last).
  const cuts = [...new Set([first + (op.cut % (last - first)), first + (op.cut2 % (last - first))])].sort((a, b) => a - b);
  const chunks: { from: number; to: number }[] = [];
  let chunkStart = first;
  for (const cut of [...cuts, last]) {
    chunks.push({ from: starts[chunkStart]!, to: end(cut) });
    chunkStart = cut + 1;
  }
  const order = [...chunks.slice(1), chunks[0]!];
  const base = starts[first]!;
  const ranges: { from: number; to: number }[] = [];
  order.forEach((chunk, k) => {
    ranges.push({ from: chunk.from - base, to: chunk.to - base });
    if (k < order.length - 1) ranges.push({ from: chunks[k]!.to - base, to: chunks[k]!.to + 1 - base });
  });
  const chars = Array.from(text);
  const replacement = ranges.map((r) => chars.slice(r.from + base, r.to + base).join('')).join('');
  const movedOrigins = ranges.flatMap((r) => origins.slice(r.from + base, r.to + base));
  const suggestion = { start: base, end: end(last), replacement, rule: 'reading-order' as const, confidence: 0.7, explanation: 'order', safe: false, moves: movesFromRanges(ranges) };
  const withItem = state.apply(state.tr.setMeta(reviewKey, { type: 'set', doc: state.doc, suggestions: [suggestion] } satisfies ReviewAction));
  const item = reviewItems(withItem)[0];
  if (!item) return null; // the runs are equal text: nothing to move
  const tr = acceptItem(withItem, item.id);
  expect(tr).not.toBeNull();
  const next = withItem.apply(tr!);
  // Accepted as a move of the original, not as a rewrite of the text.
  expect(movesOf(next.doc)).not.toBe(movesOf(withItem.doc));
  expect(textFromDoc(next.doc)).toBe([...chars.slice(0, base), replacement, ...chars.slice(end(last))].join(''));
  return { state: next, origins: [...origins.slice(0, base), ...movedOrigins, ...origins.slice(end(last))] };
}

let pageCount = 0;
// How often each kind of step really ran (a move of equal runs, or an undo with nothing to undo, does not).
const applied = new Map<Op['kind'], number>();

async function reopen(state: EditorState, page: PageData): Promise<PageData> {
  const s = upToDate(state);
  const saved = await savePage(corpus.root, {
    path: page.path,
    text: textFromDoc(s.doc),
    status: 'in-progress',
    entities: [],
    corrections: correctionsWithRules(s),
    moves: [...movesOf(s.doc)],
    sourceSha256: page.sha256,
    expectedSidecarHash: page.sidecarHash,
  }, 'test');
  if (!saved.ok) throw new Error(saved.error.message);
  const opened = await openPage(corpus.root, page.path);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('the correction record under random moves, joins, splits, edits, undo and save → reopen', () => {
  it('reproduces the text, maps every unchanged character to its original, highlights only changes and links lines', async () => {
    await fc.assert(
      fc.asyncProperty(pageArb, fc.array(opArb, { minLength: 1, maxLength: 14 }), async ({ lines, crlf, withExtB }, ops) => {
        let next = 0x4e00;
        const texts = lines.map((length) => Array.from({ length }, () => String.fromCodePoint(next++)).join(''));
        const all = texts.join('');
        if (all.length > 0) {
          const k = withExtB % all.length;
          const line = texts.findIndex((_, i) => texts.slice(0, i + 1).join('').length > k);
          texts[line] = texts[line]!.replace(/./u, '𠮷');
        }
        const file = texts.map((t, i) => t + (i < texts.length - 1 ? (crlf[i] ? '\r\n' : '\n') : '')).join('');
        const rel = `p${pageCount++}.txt`;
        await corpus.put(rel, file);
        const opened = await openPage(corpus.root, rel);
        if (!opened.ok) throw new Error(opened.error.message);
        let page = opened.value;
        const original = page.originalText;
        expect(original).toBe(texts.join('\n'));
        let state = stateFor(page);
        let origins: Origins = Array.from(original, (_, i) => i);
        const history: Origins[] = [];
        for (const op of ops) {
          if (op.kind === 'undo') {
            if (history.length === 0) continue;
            applied.set('undo', (applied.get('undo') ?? 0) + 1);
            let undone: EditorState | null = null;
            expect(undo(state, (tr) => (undone = state.apply(tr)))).toBe(true);
            state = undone!;
            origins = history.pop()!;
          } else if (op.kind === 'reopen') {
            const before = shown(state, original);
            page = await reopen(state, page);
            state = stateFor(page);
            // Reopening shows exactly what was shown: text, highlights with their originals, line links (the
            // stored line origins).
            expect(page.text).toBe(before.text);
            // As the app opens it: the stored line origins stand for an edited (or moved) text.
            const edited = page.text !== original || (page.moves?.length ?? 0) > 0;
            const linker = new LineLinker(original, edited, page.lineOrigins && { text: page.text, lineOrigins: page.lineOrigins });
            if (edited) expect(linker.usesStoredOrigins).toBe(true);
            expect(page.text.split('\n').map((_, n) => linker.originalLinesOf(n, { getText: () => page.text, getCorrections: () => page.corrections }))).toEqual(before.links);
            expect(shown(state, original)).toEqual(before);
            history.length = 0; // a reopened page has no undo history
            applied.set('reopen', (applied.get('reopen') ?? 0) + 1);
          } else {
            const result = step(state, origins, op);
            if (result === null) continue;
            applied.set(op.kind, (applied.get(op.kind) ?? 0) + 1);
            history.push(origins);
            ({ state, origins } = result);
          }
          check(state, original, origins);
        }
      }),
      { numRuns: 100 },
    );
    for (const kind of ['move', 'join', 'split', 'replace', 'insert', 'delete', 'undo', 'reopen'] as const) expect(applied.get(kind) ?? 0).toBeGreaterThan(10);
  }, 120_000);
});
