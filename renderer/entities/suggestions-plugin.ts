import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { suggestEntities, type EntitySuggestion, type PosTagger, type Rejection } from '../../shared/entities/suggest';
import { refreshSuggestions } from '../../shared/entities/suggest/refresh';
import { withoutTaggedOrRejected } from '../../shared/entities/suggest/merge';
import type { SpanEdit } from '../../shared/entities/spans';
import { cpToPmPos, pmPosToCp, textFromDoc } from '../editor/text-doc';
import { entityMarkType, type EntityMarkAttrs } from '../editor/schema';
import { entityCpExtents } from './entity-index';

/// What the suggesters may use besides the text; the app fills it as the corpus index and tagger arrive.
export interface SuggestContext {
  /// Entity text → type for strings tagged anywhere in the corpus.
  known: ReadonlyMap<string, string>;
  /// Part-of-speech tagger for the whole page (jieba in the main process); only used by a whole-page run.
  tagger?: PosTagger;
  /// False hides suggestions.
  enabled: boolean;
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
}

/// Actions sent with `tr.setMeta(suggestionsKey, …)`.
export type SuggestionsAction =
  | { type: 'computed'; doc: PmNode; suggestions: EntitySuggestion[]; window?: PmRange | null }
  | { type: 'reject'; rejection: Rejection }
  | { type: 'drop'; ranges: { from: number; to: number }[] }
  | { type: 'reset' };

/// What each suggestion decoration carries in its spec.
export interface SuggestionSpec {
  suggestion: EntitySuggestion;
}

/// A suggestion as placed on the current document.
export interface PlacedSuggestion extends EntitySuggestion {
  from: number;
  to: number;
}

/// A range of document positions.
export interface PmRange {
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
      init: () => ({ decorations: DecorationSet.empty, computedDoc: null, computed: [], rejected: [...(options.rejected ?? [])] }),
      apply: (tr, value, _old, newState) => {
        const action = tr.getMeta(suggestionsKey) as SuggestionsAction | undefined;
        let next = value;
        if (tr.docChanged) next = { ...next, decorations: next.decorations.map(tr.mapping, tr.doc) };
        if (!action) return next;
        switch (action.type) {
          case 'computed':
            return {
              ...next,
              computedDoc: action.doc,
              computed: action.suggestions,
              decorations: !options.context.enabled
                ? DecorationSet.empty
                : action.window && next.decorations !== DecorationSet.empty
                  ? updatedInWindow(next.decorations, newState.doc, action.suggestions, action.window)
                  : updatedDecorations(next.decorations, newState.doc, action.suggestions),
            };
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
            return { ...next, computedDoc: null, computed: [] };
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
  const doc = state.doc;
  const text = textFromDoc(doc);
  const rejected = value?.rejected ?? [];
  const known = context.known;
  if (!value || value.computedDoc === null) {
    const existing = entityExtents(doc, 0, doc.content.size);
    return { suggestions: suggestEntities(text, { known, existing, rejected, ...(context.tagger && { tagger: context.tagger }) }), window: null };
  }
  const edit = editBetween(value.computedDoc, doc);
  if (edit === null) return { suggestions: [...value.computed], window: { from: 0, to: 0 } };
  if (textFromDoc(value.computedDoc) === text) {
    // Only tags changed (tagging, accepting, propagating): no suggestion can appear, those now tagged go. This
    // keeps an "accept all" over the whole page from re-running the suggesters on the whole page.
    const changed = { from: cpToPmPos(doc, edit.start), to: cpToPmPos(doc, edit.start + edit.insertedLength) };
    return { suggestions: withoutTaggedOrRejected(value.computed, { existing: entityCpExtents(doc), rejected }), window: changed };
  }
  // Only entities near the edit can hide a fresh suggestion (kept ones were checked when they were made, and an
  // entity tagged since then is itself an edit here), so the per-keystroke cost does not grow with the page.
  const from = cpToPmPos(doc, edit.start);
  const to = cpToPmPos(doc, edit.start + edit.insertedLength);
  const window = { from: Math.max(0, from - EXISTING_REACH), to: Math.min(doc.content.size, to + EXISTING_REACH) };
  const existing = entityExtents(doc, window.from, window.to);
  return { suggestions: refreshSuggestions(text, value.computed, edit, { known, existing, rejected }), window };
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

// Swaps in the new suggestions while keeping the decoration objects of those that did not change: the view
// redraws only what changed, and a small change costs a small update even with thousands of suggestions
// (building a whole set again would also cost lines × suggestions in ProseMirror).
function updatedDecorations(current: DecorationSet, doc: PmNode, suggestions: readonly EntitySuggestion[]): DecorationSet {
  const old = new Map<string, Decoration>();
  for (const d of current.find()) old.set(placeKey(d.from, d.to, (d.spec as SuggestionSpec).suggestion), d);
  const added: Decoration[] = [];
  for (const s of suggestions) {
    const from = cpToPmPos(doc, s.start);
    const to = cpToPmPos(doc, s.end);
    const key = placeKey(from, to, s);
    if (old.has(key)) old.delete(key);
    else added.push(suggestionDecoration(from, to, s));
  }
  if (current === DecorationSet.empty || old.size + added.length > 2000) {
    // Nearly everything changed (the first run): one build is cheaper than removing and adding one by one.
    const kept = current.find().filter((d) => !old.has(placeKey(d.from, d.to, (d.spec as SuggestionSpec).suggestion)));
    return DecorationSet.create(doc, [...kept, ...added]);
  }
  return current.remove([...old.values()]).add(doc, added);
}

// The same as `updatedDecorations` for a refresh that can only have changed suggestions inside `window`: the
// decorations outside it are the old ones mapped through the edits, so only the window is compared.
function updatedInWindow(current: DecorationSet, doc: PmNode, suggestions: readonly EntitySuggestion[], window: PmRange): DecorationSet {
  if (window.to <= window.from) return current;
  const old = new Map<string, Decoration>();
  for (const d of current.find(window.from, window.to)) old.set(placeKey(d.from, d.to, (d.spec as SuggestionSpec).suggestion), d);
  const startCp = pmPosToCp(doc, window.from);
  const endCp = pmPosToCp(doc, window.to);
  const added: Decoration[] = [];
  for (const s of suggestions) {
    if (s.end < startCp || s.start > endCp) continue;
    const from = cpToPmPos(doc, s.start);
    const to = cpToPmPos(doc, s.end);
    const key = placeKey(from, to, s);
    if (old.has(key)) old.delete(key);
    else added.push(suggestionDecoration(from, to, s));
  }
  return current.remove([...old.values()]).add(doc, added);
}

function placeKey(from: number, to: number, s: EntitySuggestion): string {
  return `${from}:${to}:${s.type}:${s.source}`;
}

function suggestionDecoration(from: number, to: number, s: EntitySuggestion): Decoration {
  return Decoration.inline(
    from,
    to,
    { class: 'ent-suggestion', 'data-suggestion-type': s.type, title: `${s.type}? (${s.source}, ${Math.round(s.confidence * 100)}%)` },
    { suggestion: s } satisfies SuggestionSpec,
  );
}

// Runs the suggesters once the document has been still for `idleMs` (at once for the first run); postponed
// while an input method is composing.
class IdleSuggest {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly context: SuggestContext,
    private readonly idleMs: number,
  ) {
    this.schedule(0);
  }

  update(view: EditorView, prevState: EditorState): void {
    const value = suggestionsKey.getState(view.state);
    if (view.state.doc !== prevState.doc) this.schedule(this.idleMs);
    else if (value?.computedDoc === null && suggestionsKey.getState(prevState)?.computedDoc !== null) this.schedule(0);
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.view.isDestroyed) return;
      if (this.view.composing) return this.schedule(this.idleMs);
      const started = performance.now();
      const state = this.view.state;
      const { suggestions, window } = computeSuggestionsIn(state, this.context);
      this.view.dispatch(
        state.tr.setMeta(suggestionsKey, { type: 'computed', doc: state.doc, suggestions, window } satisfies SuggestionsAction).setMeta('addToHistory', false),
      );
      performance.measure('jiaodui:suggestions-refresh', { start: started, end: performance.now() });
    }, ms);
  }
}
