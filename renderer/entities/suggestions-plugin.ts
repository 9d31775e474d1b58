import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import type { EntitySuggestion, Rejection } from '../../shared/entities/suggest';
import { suggestForPage, type PageSuggestRequest, type TaggedPage } from '../../shared/entities/suggest/page-request';
import { refreshSuggestions } from '../../shared/entities/suggest/refresh';
import { withoutTaggedOrRejected } from '../../shared/entities/suggest/merge';
import type { SpanEdit } from '../../shared/entities/spans';
import type { CorpusEntityDecisions } from '../../shared/entities/corpus-rejections';
import type { LearnedModel, StoredModel } from '../../shared/entities/learn/model';
import { cpToPmPos, pmPosToCp, textFromDoc } from '../editor/text-doc';
import { entityMarkType, type EntityMarkAttrs } from '../editor/schema';
import { entityCpExtents } from './entity-index';
import { mappedRanges, showRanges, updatedDecorations, updatedInWindow, type PmRange, type SuggestionSpec } from './suggestion-decorations';

export type { PmRange, SuggestionSpec } from './suggestion-decorations';
import type { SuggestRunner } from './suggest-runner';

/// What the suggesters may use besides the text; the app fills it as the corpus index and tagger arrive.
export interface SuggestContext {
  /// Entity text → type for strings tagged anywhere in the corpus.
  known: ReadonlyMap<string, string>;
  /// Part-of-speech words of the page (jieba in the main process); only used by a whole-page run on the very
  /// text they were computed on.
  tagged?: TaggedPage;
  /// Where whole-page runs are computed (a Web Worker in the app); without it they run on the editor's thread.
  runner?: SuggestRunner;
  /// False hides suggestions.
  enabled: boolean;
  /// The corpus's rejections (from the corpus index) and its ignore list.
  decisions?: CorpusEntityDecisions;
  /// The model learned from the corpus's tags: as stored (posted to the worker for whole-page runs) and read
  /// (for the refresh after an edit, on this thread).
  storedModel?: StoredModel;
  model?: LearnedModel;
}

/// The suggestions plugin's state.
export interface SuggestionsState {
  readonly decorations: DecorationSet;
  /// The document the `computed` suggestions belong to; null until the first run (or after a reset).
  readonly computedDoc: PmNode | null;
  /// Suggestions in code points on `computedDoc`'s text.
  readonly computed: readonly EntitySuggestion[];
  /// Rejected suggestions, saved in the sidecar.
  readonly rejected: readonly Rejection[];
  /// Counts resets: a whole-page run started before the last reset is stale when it ends.
  readonly generation: number;
  /// Ranges whose underlines still wait for the last whole-page run (shown a few lines per task, so a page of
  /// thousands of suggestions never redraws in one long task); mapped through edits.
  readonly unshown: readonly PmRange[];
}

/// Actions sent with `tr.setMeta(suggestionsKey, …)`.
export type SuggestionsAction =
  | { type: 'computed'; doc: PmNode; suggestions: EntitySuggestion[]; window?: PmRange | null; unshown?: PmRange[] }
  | { type: 'show' }
  | { type: 'reject'; rejection: Rejection }
  | { type: 'drop'; ranges: { from: number; to: number }[] }
  | { type: 'reset' };

/// A suggestion as placed on the current document.
export interface PlacedSuggestion extends EntitySuggestion {
  from: number;
  to: number;
}

/// The key of the suggestions plugin.
export const suggestionsKey = new PluginKey<SuggestionsState>('entity-suggestions');

/// Options of `suggestionsPlugin`.
export interface SuggestionsOptions {
  /// Read on every run, so the app can update it in place (then dispatch `resetSuggestions`).
  context: SuggestContext;
  /// Rejections from the sidecar.
  rejected?: readonly Rejection[];
  /// Milliseconds without edits before suggestions are refreshed; 250 by default.
  idleMs?: number;
}

/// Shows entity suggestions as dashed underlines; never stores them as entities.
///
/// The page is analysed once when it opens (with the part-of-speech tagger when one is given); after edits,
/// once typing pauses, only the lines around the change are analysed again (`refreshSuggestions`), and in
/// between the underlines just move with the text. So suggestions never block typing.
export function suggestionsPlugin(options: SuggestionsOptions): Plugin<SuggestionsState> {
  const idleMs = options.idleMs ?? 250;
  return new Plugin<SuggestionsState>({
    key: suggestionsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, computedDoc: null, computed: [], rejected: [...(options.rejected ?? [])], generation: 0, unshown: [] }),
      apply: (tr, value, _old, newState) => {
        const action = tr.getMeta(suggestionsKey) as SuggestionsAction | undefined;
        let next = value;
        if (tr.docChanged) next = { ...next, decorations: next.decorations.map(tr.mapping, tr.doc), unshown: mappedRanges(next.unshown, tr) };
        if (!action) return next;
        switch (action.type) {
          case 'computed':
            return {
              ...next,
              computedDoc: action.doc,
              computed: action.suggestions,
              decorations: !options.context.enabled
                ? DecorationSet.empty
                : action.window && (next.decorations !== DecorationSet.empty || action.unshown)
                  ? updatedInWindow(next.decorations, newState.doc, action.suggestions, action.window)
                  : updatedDecorations(next.decorations, newState.doc, action.suggestions),
              // A refresh of a window keeps the ranges still to show; a new whole-page result brings its own.
              unshown: action.unshown ?? (action.window ? next.unshown : []),
            };
          case 'show': {
            const [range, ...rest] = next.unshown;
            if (range === undefined || next.computedDoc !== newState.doc) return next;
            const decorations = options.context.enabled ? updatedInWindow(next.decorations, newState.doc, next.computed, range) : next.decorations;
            return { ...next, decorations, unshown: rest };
          }
          case 'reject': {
            const { text, type } = action.rejection;
            const gone = next.decorations.find(undefined, undefined, (spec) => isRejectedBy(spec as SuggestionSpec, text, type));
            return {
              ...next,
              rejected: [...next.rejected, action.rejection],
              computed: next.computed.filter((s) => !(s.text === text && s.type === type)),
              decorations: next.decorations.remove(gone),
            };
          }
          case 'drop': {
            const gone = action.ranges.flatMap((r) => next.decorations.find(r.from, r.to, (spec) => 'suggestion' in spec).filter((d) => d.from === r.from && d.to === r.to));
            return { ...next, decorations: next.decorations.remove(gone) };
          }
          case 'reset':
            return { ...next, computedDoc: null, computed: [], generation: next.generation + 1, unshown: [] };
        }
      },
    },
    props: {
      decorations: (state) => suggestionsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: (view) => new IdleSuggest(view, options.context, idleMs),
  });
}

/// The suggestions now shown, in document order.
export function shownSuggestions(state: EditorState): PlacedSuggestion[] {
  const set = suggestionsKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find()
    .map((d) => ({ ...(d.spec as SuggestionSpec).suggestion, from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from);
}

/// The suggestion under the selection: the caret strictly inside one, or a selection within one.
export function suggestionAtSelection(state: EditorState): PlacedSuggestion | undefined {
  const { from, to, empty } = state.selection;
  const set = suggestionsKey.getState(state)?.decorations;
  if (!set) return undefined;
  const hit = set.find(from, to).find((d) => (empty ? d.from < from && from < d.to : d.from <= from && to <= d.to));
  return hit && { ...(hit.spec as SuggestionSpec).suggestion, from: hit.from, to: hit.to };
}

/// A transaction that forgets the computed suggestions, so they are computed afresh (context changed).
export function resetSuggestions(state: EditorState): Transaction {
  return state.tr.setMeta(suggestionsKey, { type: 'reset' } satisfies SuggestionsAction).setMeta('addToHistory', false);
}

/// Adds `action` to a transaction (for example an accept that also tags).
export function withSuggestionAction(tr: Transaction, action: SuggestionsAction): Transaction {
  return tr.setMeta(suggestionsKey, action);
}

/// The rejections made on this page, including those read from the sidecar.
export function rejectionsOf(state: EditorState): Rejection[] {
  return [...(suggestionsKey.getState(state)?.rejected ?? [])];
}

/// Computes the suggestions of the state's document: the whole page on the first run, else only the lines
/// changed since the last run. Exported for the benchmark.
export function computeSuggestions(state: EditorState, context: SuggestContext): EntitySuggestion[] {
  return computeSuggestionsIn(state, context).suggestions;
}

/// `computeSuggestions`, also giving the document range outside which nothing changed (null: anywhere).
export function computeSuggestionsIn(state: EditorState, context: SuggestContext): { suggestions: EntitySuggestion[]; window: PmRange | null } {
  const value = suggestionsKey.getState(state);
  const rejected = value?.rejected ?? [];
  if (!value || value.computedDoc === null) return { suggestions: suggestForPage(pageSuggestRequest(state.doc, rejected, context)), window: null };
  return refreshedSince({ doc: value.computedDoc, suggestions: value.computed }, state.doc, rejected, context);
}

/// The request for a whole-page run on `doc`: its text, tags and the context, as plain data for a worker.
export function pageSuggestRequest(doc: PmNode, rejected: readonly Rejection[], context: SuggestContext): PageSuggestRequest {
  const text = textFromDoc(doc);
  return {
    text,
    known: [...context.known],
    existing: entityCpExtents(doc),
    rejected,
    ...(context.tagged && context.tagged.text === text && { tagged: context.tagged }),
    ...(context.decisions && { corpusDecisions: context.decisions }),
    ...(context.storedModel && { model: context.storedModel }),
  };
}

/// Brings suggestions computed on an earlier document up to `doc`: those away from the changes move with the
/// text, the changed lines are analysed again. Also gives the range outside which nothing changed.
export function refreshedSince(
  base: { doc: PmNode; suggestions: readonly EntitySuggestion[] },
  doc: PmNode,
  rejected: readonly Rejection[],
  context: SuggestContext,
): { suggestions: EntitySuggestion[]; window: PmRange | null } {
  const text = textFromDoc(doc);
  const known = context.known;
  const edit = editBetween(base.doc, doc);
  if (edit === null) return { suggestions: [...base.suggestions], window: { from: 0, to: 0 } };
  if (textFromDoc(base.doc) === text) {
    // Only tags changed (tagging, accepting, propagating): no suggestion can appear, those now tagged go. This
    // keeps an "accept all" over the whole page from re-running the suggesters on the whole page.
    const changed = { from: cpToPmPos(doc, edit.start), to: cpToPmPos(doc, edit.start + edit.insertedLength) };
    return { suggestions: withoutTaggedOrRejected(base.suggestions, { existing: entityCpExtents(doc), rejected }), window: changed };
  }
  // Only entities near the edit can hide a fresh suggestion (kept ones were checked when they were made, and an
  // entity tagged since then is itself an edit here), so the per-keystroke cost does not grow with the page.
  const from = cpToPmPos(doc, edit.start);
  const to = cpToPmPos(doc, edit.start + edit.insertedLength);
  const window = { from: Math.max(0, from - EXISTING_REACH), to: Math.min(doc.content.size, to + EXISTING_REACH) };
  const existing = entityExtents(doc, window.from, window.to);
  return {
    suggestions: refreshSuggestions(text, base.suggestions, edit, {
      known,
      existing,
      rejected,
      ...(context.decisions && { corpusDecisions: context.decisions }),
      ...(context.model && { model: context.model }),
    }),
    window,
  };
}

// The one edit (in code points) that turns the old document's text into the new one's: from the first to the
// last differing position. Mark changes count, so tagging text refreshes the suggestions around it.
function editBetween(oldDoc: PmNode, newDoc: PmNode): SpanEdit | null {
  const start = oldDoc.content.findDiffStart(newDoc.content);
  if (start === null) return null;
  const end = oldDoc.content.findDiffEnd(newDoc.content) ?? { a: oldDoc.content.size, b: newDoc.content.size };
  let { a, b } = end;
  // Repeated text can make the end overlap the start; move the end forward as ProseMirror does.
  const overlap = start - Math.min(a, b);
  if (overlap > 0) {
    a += overlap;
    b += overlap;
  }
  const startCp = pmPosToCp(oldDoc, start);
  return { start: startCp, end: Math.max(startCp, pmPosToCp(oldDoc, a)), insertedLength: Math.max(0, pmPosToCp(newDoc, b) - startCp) };
}

// Positions around an edit in which entities are looked up for a refresh: more than the refresh's own reach
// (the edited lines, one line either side, capped at 200 code points beyond the edit).
const EXISTING_REACH = 2000;

/// The code-point extents of the entities with text in [from, to); one that reaches outside it is cut there.
export function entityExtents(doc: PmNode, from: number, to: number): { start: number; end: number }[] {
  if (from === 0 && to === doc.content.size) return entityCpExtents(doc);
  const byId = new Map<string, { from: number; to: number }>();
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type !== entityMarkType) continue;
      const id = (mark.attrs as EntityMarkAttrs).id;
      const known = byId.get(id);
      if (known) known.to = pos + node.nodeSize;
      else byId.set(id, { from: pos, to: pos + node.nodeSize });
    }
    return false;
  });
  return [...byId.values()].map((e) => ({ start: pmPosToCp(doc, e.from), end: pmPosToCp(doc, e.to) }));
}

function isRejectedBy(spec: SuggestionSpec, text: string, type: string): boolean {
  return spec.suggestion !== undefined && spec.suggestion.text === text && spec.suggestion.type === type;
}

// Runs the suggesters once the document has been still for `idleMs` (at once for the first run); postponed
// while an input method is composing. A whole-page run goes to the context's runner (a worker) when there is
// one: the page stays editable meanwhile, and the answer is brought up to the document of its arrival.
class IdleSuggest {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private showTimer: ReturnType<typeof setTimeout> | null = null;
  // The whole-page run on its way: its request number and the reset generation it was asked for.
  private pending: { id: number; generation: number } | null = null;
  private requests = 0;
  private selectionWaits = 0;

  constructor(
    private readonly view: EditorView,
    private readonly context: SuggestContext,
    private readonly idleMs: number,
  ) {
    this.schedule(0);
  }

  update(view: EditorView, prevState: EditorState): void {
    const value = suggestionsKey.getState(view.state);
    if (value?.generation !== suggestionsKey.getState(prevState)?.generation) this.schedule(0);
    else if (view.state.doc !== prevState.doc) this.schedule(this.idleMs);
    // Underline the next range in a task of its own, so keys typed meanwhile are handled in between. After an
    // edit this waits for the refresh that brings the suggestions up to the document.
    if (value && value.unshown.length > 0 && value.computedDoc === view.state.doc && this.showTimer === null) {
      this.showTimer = setTimeout(() => {
        this.showTimer = null;
        if (this.view.isDestroyed) return;
        if (this.waitForSelection(() => this.update(this.view, this.view.state))) return;
        const started = performance.now();
        this.view.dispatch(this.view.state.tr.setMeta(suggestionsKey, { type: 'show' } satisfies SuggestionsAction).setMeta('addToHistory', false));
        performance.measure('jiaodui:suggestions-show', { start: started, end: performance.now() });
      }, 0);
    }
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.showTimer !== null) clearTimeout(this.showTimer);
    this.timer = null;
    this.showTimer = null;
    if (this.pending !== null) this.context.runner?.dispose();
    this.pending = null;
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.view.isDestroyed) return;
      if (this.view.composing) return this.schedule(this.idleMs);
      const value = suggestionsKey.getState(this.view.state);
      if (!value) return;
      // The run on its way covers the edits made meanwhile (they are refreshed when it arrives).
      if (this.pending !== null && this.pending.generation === value.generation) return;
      const runner = this.context.runner;
      if (value.computedDoc === null && runner) return this.runWholePage(runner, value);
      const started = performance.now();
      const state = this.view.state;
      const { suggestions, window } = computeSuggestionsIn(state, this.context);
      this.dispatchComputed(state, suggestions, window);
      performance.measure('jiaodui:suggestions-refresh', { start: started, end: performance.now() });
    }, ms);
  }

  private runWholePage(runner: SuggestRunner, value: SuggestionsState): void {
    const started = performance.now();
    const doc = this.view.state.doc;
    const { generation, rejected } = value;
    const id = ++this.requests;
    this.pending = { id, generation };
    const answered = (suggestions: EntitySuggestion[] | null): void => {
      if (this.pending?.id !== id) return;
      if (!this.view.isDestroyed && this.waitForSelection(() => answered(suggestions))) return;
      this.pending = null;
      const state = this.view.state;
      const now = suggestionsKey.getState(state);
      if (suggestions === null || this.view.isDestroyed || now?.generation !== generation) return;
      const mainStarted = performance.now();
      // Edits, tags or rejections made while the worker ran: refresh its answer to the current document.
      let current = now.rejected === rejected ? suggestions : withoutTaggedOrRejected(suggestions, { rejected: now.rejected });
      if (state.doc !== doc) current = refreshedSince({ doc, suggestions: current }, state.doc, now.rejected, this.context).suggestions;
      // The range the caret is in now; the others follow a range per task (see `update`).
      const [first, ...rest] = showRanges(state.doc, state.selection.head);
      this.dispatchComputed(state, current, first ?? null, rest);
      const ended = performance.now();
      performance.measure('jiaodui:suggestions-page-apply', { start: mainStarted, end: ended });
      performance.measure('jiaodui:suggestions-page', { start: started, end: ended });
    };
    runner.run(pageSuggestRequest(doc, rejected, this.context)).then(
      answered,
      (error: unknown) => {
        if (this.pending?.id === id) this.pending = null;
        console.error(error);
      },
    );
  }

  // A selection just made in the page is read by ProseMirror on the next `selectionchange`; a dispatch before
  // that would put the old selection back. So a background dispatch waits (a few times 20 ms at most) while the
  // DOM selection and the state's differ; true when `retry` was scheduled instead.
  private waitForSelection(retry: () => void): boolean {
    if (this.selectionWaits >= 10 || !domSelectionDiffers(this.view)) {
      this.selectionWaits = 0;
      return false;
    }
    this.selectionWaits++;
    setTimeout(() => {
      if (!this.view.isDestroyed) retry();
    }, 20);
    return true;
  }

  private dispatchComputed(state: EditorState, suggestions: EntitySuggestion[], window: PmRange | null, unshown?: PmRange[]): void {
    const action: SuggestionsAction = { type: 'computed', doc: state.doc, suggestions, window, ...(unshown && { unshown }) };
    this.view.dispatch(state.tr.setMeta(suggestionsKey, action).setMeta('addToHistory', false));
  }
}

// True when the browser's selection inside the editor is not the one in the editor state (not read yet).
function domSelectionDiffers(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.anchorNode || !selection.focusNode) return false;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return false;
  try {
    const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
    return anchor !== view.state.selection.anchor || head !== view.state.selection.head;
  } catch {
    // A node ProseMirror does not describe (for example a widget): nothing to wait for.
    return false;
  }
}
