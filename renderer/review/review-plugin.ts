import type { Node as PmNode } from 'prosemirror-model';
import { isHistoryTransaction } from 'prosemirror-history';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping, type StepMap } from 'prosemirror-transform';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import type { Correction, Move, RejectedCorrection } from '../../shared/model/sidecar-schema';
import { movesOf } from '../editor/schema';
import type { OcrSuggestion } from '../../shared/ocr-assist/types';
import { cpToPmPos, pmPosToCp, textFromDoc } from '../editor/text-doc';
import { ACCEPTED_META, acceptedChangesFromCorrections, mapAcceptedChange, type AcceptedChange } from './accepted-changes';
import { manyRangesMapper, rangeCount, type PositionMapper } from './many-steps';
import { lineStarts } from '../editor/line-starts';
import { itemDecorations, rangeText, refreshItemDecorations, removeItemDecorations, type SuggestionDecorationSpec } from './review-decorations';
import { isRejected, type HeldRejection, type ReviewItem } from './review-items';

/// The review plugin's state: the suggestions under review, the rejected ones, and the current one.
///
/// Items are stored with the positions they had before the edits in `pendingMaps`, and mapped through them only
/// when someone reads them (`currentItems`), so a keystroke on a page with thousands of suggestions costs a lookup
/// near the edit rather than a pass over all of them. `version` changes only when the list, the rejections or the
/// current item change, not when an edit merely moves them, so the side panel re-renders on what it shows.
export interface ReviewState {
  /// Sorted by position, positions before `pendingMaps`; items in `dropped` are gone.
  readonly base: readonly ReviewItem[];
  readonly pendingMaps: readonly StepMap[];
  readonly dropped: ReadonlySet<number>;
  readonly rejections: readonly HeldRejection[];
  readonly currentId: number | null;
  readonly decorations: DecorationSet;
  readonly version: number;
  /// The next id to give a new item.
  readonly nextId: number;
  /// True once suggestions have arrived for this page (false while the first request runs).
  readonly loaded: boolean;
  /// The changes made by accepting suggestions (and those saved with a rule), mapped through every edit.
  readonly accepted: readonly AcceptedChange[];
}

/// Actions sent with `tr.setMeta(reviewKey, action)`.
///
/// `set` replaces the suggestions with ones computed on the text of `doc` (ignored if the document has changed
/// since: the refresher asks again); `reject` turns an item down; `current` makes an item the current one.
export type ReviewAction =
  | { type: 'set'; doc: PmNode; suggestions: readonly OcrSuggestion[] }
  | { type: 'reject'; id: number; nextId: number | null }
  | { type: 'current'; id: number | null };

/// The key of the review plugin.
export const reviewKey = new PluginKey<ReviewState>('ocr-review');

/// Asks for suggestions on a page text, corrected against the original arranged by `moves`; null when none can be
/// had (the error is the source's to report).
export type SuggestionSource = (text: string, moves: readonly Move[]) => Promise<readonly OcrSuggestion[] | null>;

/// Options of `reviewPlugin`.
export interface ReviewOptions {
  /// Where suggestions come from (the main process); without it the plugin only holds rejections.
  source?: SuggestionSource;
  /// Rejections from the sidecar: code points on the initial text.
  rejected?: readonly RejectedCorrection[];
  /// The sidecar's corrections (original code points): those naming a rule count as accepted changes.
  corrections?: readonly Correction[];
  /// Pause after the last edit before suggestions are asked for again, in milliseconds; 500 by default.
  debounceMs?: number;
}

/// Shows OCR-correction suggestions in the text and keeps them in place through edits.
///
/// Suggestions are asked for when the page opens and again after typing pauses; a request never blocks typing,
/// and an answer for a text that has changed since is dropped (the next pause asks again). Between answers, every
/// item is mapped through each edit, and an item whose text an edit changed is dropped.
export function reviewPlugin(options: ReviewOptions = {}): Plugin<ReviewState> {
  return new Plugin<ReviewState>({
    key: reviewKey,
    state: {
      init: (_config, state) => ({ ...initialState(state.doc, options.rejected ?? []), accepted: acceptedChangesFromCorrections(state.doc, options.corrections ?? []) }),
      apply: (tr, value, _old, newState) => applyTransaction(tr, value, newState.doc),
    },
    props: {
      decorations: (state) => reviewKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: (view) => new SuggestionRefresher(view, options.source ?? null, options.debounceMs ?? 500),
  });
}

function initialState(doc: PmNode, rejected: readonly RejectedCorrection[]): ReviewState {
  const rejections: HeldRejection[] = [];
  const total = pmPosToCp(doc, doc.content.size);
  for (const r of rejected) {
    if (r.end < r.start || r.end > total) continue;
    const from = cpToPmPos(doc, r.start);
    const to = cpToPmPos(doc, r.end);
    // A rejection whose text is no longer there (the page changed outside the app) is dropped.
    if (doc.textBetween(from, to, '\n') === r.text) rejections.push({ from, to, rule: r.rule, text: r.text, replacement: r.replacement });
  }
  return {
    base: [],
    pendingMaps: [],
    dropped: new Set(),
    rejections,
    currentId: null,
    decorations: DecorationSet.empty,
    version: 0,
    nextId: 1,
    loaded: false,
    accepted: [],
  };
}

function applyTransaction(tr: Transaction, value: ReviewState, doc: PmNode): ReviewState {
  // An edit of thousands of ranges (accept-all) moves everything through a sorted, searchable form of them.
  const ranges = tr.docChanged ? rangeCount(tr.mapping) : 0;
  const many = ranges > MAX_RANGES_FOR_SPAN ? manyRangesMapper(tr.mapping) : null;
  let next = !tr.docChanged ? value : many ? movedThroughMany(value, many, doc) : mapThrough(value, tr, doc);
  const action = tr.getMeta(reviewKey) as ReviewAction | undefined;
  if (action?.type === 'set') next = action.doc === doc ? withSuggestions(next, doc, action.suggestions) : next;
  else if (action?.type === 'reject') next = withRejection(next, doc, action.id, action.nextId);
  else if (action?.type === 'current') next = withCurrent(next, doc, action.id);
  return withAccepted(next, tr, ranges, many);
}

// Moves items and rejections through an edit of many steps and builds the decorations again: mapping each one
// through every step, and the decoration set through the mapping, was quadratic (seconds for 10,000 accepts).
// Items and rejections whose text changed are dropped, as in mapThrough.
function movedThroughMany(value: ReviewState, mapper: PositionMapper, doc: PmNode): ReviewState {
  const starts = lineStarts(doc);
  const stillThere = (range: { from: number; to: number; text: string }) => range.to >= range.from && rangeText(doc, starts, range.from, range.to) === range.text;
  const items: ReviewItem[] = [];
  let droppedAny = false;
  for (const item of currentItems(value)) {
    const { from, to } = mapRange(mapper, item);
    const moved = from === item.from && to === item.to ? item : { ...item, from, to };
    if (stillThere(moved)) items.push(moved);
    else droppedAny = true;
  }
  const rejections = value.rejections.map((r) => ({ ...r, ...mapRange(mapper, r) })).filter(stillThere);
  const currentId = value.currentId !== null && items.some((item) => item.id === value.currentId) ? value.currentId : null;
  const listChanged = droppedAny || rejections.length !== value.rejections.length;
  return {
    ...value,
    base: items,
    pendingMaps: [],
    dropped: new Set(),
    rejections,
    currentId,
    decorations: itemDecorations(doc, items, currentId),
    version: listChanged ? value.version + 1 : value.version,
  };
}

// Accepted changes move with every edit; an accept adds its own. Changes wholly before the edited span keep
// their objects and those wholly after it shift by the size difference, so only the few near the edit are mapped.
function withAccepted(value: ReviewState, tr: Transaction, ranges: number, many: PositionMapper | null): ReviewState {
  const added = tr.getMeta(ACCEPTED_META) as readonly AcceptedChange[] | undefined;
  if (!tr.docChanged && added === undefined) return value;
  let moved = value.accepted;
  if (tr.docChanged && moved.length > 0) {
    // Finding the edited ranges of a transaction is quadratic in its steps, and checking each change against them
    // is linear in them; an accept-all has thousands, so then every change is mapped and none is taken for undone
    // (an accept-all edits only suggestions' text).
    const edited = ranges <= MAX_RANGES_FOR_SPAN ? editedRangesBefore(tr.mapping) : null;
    const [low, high] = edited ? spanOf(edited) : [-Infinity, Infinity];
    const shift = tr.doc.content.size - tr.before.content.size;
    moved = (edited ? withoutUndoneAccepts(moved, tr, edited, low, high) : moved).map((change) => {
      if (change.to < low) return change;
      if (change.from > high) return { from: change.from + shift, to: change.to + shift, rule: change.rule, before: change.before };
      return mapAcceptedChange(change, many ?? tr.mapping);
    });
  }
  return { ...value, accepted: added === undefined ? moved : [...moved, ...added] };
}

const MAX_RANGES_FOR_SPAN = 50;

// The smallest range holding every edited range (empty when nothing was edited).
function spanOf(edited: readonly [number, number][]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const [from, to] of edited) {
    low = Math.min(low, from);
    high = Math.max(high, to);
  }
  return [low, high];
}

// An undone accept (its stretch holds its old text again) is kept for a redo; a new edit ends the redo history,
// so one that touches the stretch forgets it, and a fix typed there later is not credited to the rule.
function withoutUndoneAccepts(
  accepted: readonly AcceptedChange[],
  tr: Transaction,
  edited: readonly [number, number][],
  low: number,
  high: number,
): readonly AcceptedChange[] {
  if (isHistoryTransaction(tr) || tr.getMeta('addToHistory') === false) return accepted;
  const undone = (change: AcceptedChange) =>
    change.from <= high &&
    low <= change.to &&
    edited.some(([from, to]) => from <= change.to && change.from <= to) &&
    tr.before.textBetween(change.from, change.to, '\n') === change.before;
  return accepted.some(undone) ? accepted.filter((change) => !undone(change)) : accepted;
}

/// The accepted changes held in an editor state (empty without the review plugin).
export function acceptedChanges(state: EditorState): readonly AcceptedChange[] {
  return reviewKey.getState(state)?.accepted ?? [];
}

/// The suggestions under review with their positions in the current document, sorted by position.
///
/// Maps the stored items through the edits since they were stored; cached per plugin state.
export function currentItems(value: ReviewState): readonly ReviewItem[] {
  const cached = itemsCache.get(value);
  if (cached !== undefined) return cached;
  const mapping = new Mapping(value.pendingMaps.slice());
  const items: ReviewItem[] = [];
  for (const item of value.base) {
    if (value.dropped.has(item.id)) continue;
    items.push(value.pendingMaps.length === 0 ? item : { ...item, ...mapRange(mapping, item) });
  }
  itemsCache.set(value, items);
  return items;
}

const itemsCache = new WeakMap<ReviewState, readonly ReviewItem[]>();

/// The suggestions under review in an editor state (empty without the review plugin).
export function reviewItems(state: EditorState): readonly ReviewItem[] {
  const value = reviewKey.getState(state);
  return value ? currentItems(value) : [];
}

// After this many edits the stored positions are brought up to date, so reading them stays cheap.
const MAX_PENDING_MAPS = 200;

function mapRange(mapping: PositionMapper, range: { from: number; to: number }): { from: number; to: number } {
  if (range.from === range.to) {
    const at = mapping.map(range.from, -1);
    return { from: at, to: at };
  }
  return { from: mapping.map(range.from, 1), to: mapping.map(range.to, -1) };
}

// Moves items and rejections through an edit; those whose text the edit touched and changed are dropped. Only
// items with a decoration near an edited range are looked at: every item has one over its whole range.
function mapThrough(value: ReviewState, tr: Transaction, doc: PmNode): ReviewState {
  const touchedRanges = editedRangesBefore(tr.mapping);
  const candidates = new Set<number>();
  for (const [from, to] of touchedRanges) {
    for (const decoration of value.decorations.find(Math.max(0, from - 1), to + 1)) candidates.add((decoration.spec as SuggestionDecorationSpec).id);
  }
  const pendingMaps = [...value.pendingMaps, ...tr.mapping.maps];
  const mapping = new Mapping(pendingMaps.slice());
  const dropped: ReviewItem[] = [];
  if (candidates.size > 0) {
    const byId = baseById(value.base);
    for (const id of candidates) {
      const item = byId.get(id);
      if (!item || value.dropped.has(id)) continue;
      const { from, to } = mapRange(mapping, item);
      if (to < from || doc.textBetween(from, to, '\n') !== item.text) dropped.push({ ...item, from, to });
    }
  }
  const rejections = value.rejections
    .map((r) => ({ ...r, ...mapRange(tr.mapping, r) }))
    .filter((r) => r.to >= r.from && doc.textBetween(r.from, r.to, '\n') === r.text);
  const decorations = removeItemDecorations(value.decorations.map(tr.mapping, doc), dropped);
  const currentGone = value.currentId !== null && dropped.some((item) => item.id === value.currentId);
  const listChanged = dropped.length > 0 || rejections.length !== value.rejections.length;
  let next: ReviewState = {
    ...value,
    pendingMaps,
    dropped: dropped.length > 0 ? new Set([...value.dropped, ...dropped.map((item) => item.id)]) : value.dropped,
    rejections,
    decorations,
    currentId: currentGone ? null : value.currentId,
    version: listChanged ? value.version + 1 : value.version,
  };
  if (pendingMaps.length > MAX_PENDING_MAPS) next = { ...next, base: currentItems(next), pendingMaps: [], dropped: new Set() };
  return next;
}

const byIdCache = new WeakMap<readonly ReviewItem[], Map<number, ReviewItem>>();

function baseById(base: readonly ReviewItem[]): Map<number, ReviewItem> {
  let map = byIdCache.get(base);
  if (!map) byIdCache.set(base, (map = new Map(base.map((item) => [item.id, item]))));
  return map;
}

// The ranges each step of an edit replaced, in positions of the document before the edit, widened to cover what
// the step inserted (items touching them are checked).
function editedRangesBefore(mapping: Mapping): [number, number][] {
  const ranges: [number, number][] = [];
  // Not `mapping.slice(0, i).invert()`: inverting a sliced Mapping inverts all of its maps.
  const inverted = mapping.maps.map((stepMap) => stepMap.invert());
  const back = (pos: number, i: number, assoc: number) => {
    for (let j = i - 1; j >= 0; j--) pos = inverted[j]!.map(pos, assoc);
    return pos;
  };
  mapping.maps.forEach((stepMap, i) => {
    stepMap.forEach((oldStart, oldEnd) => {
      ranges.push([back(oldStart, i, -1), back(oldEnd, i, 1)]);
    });
  });
  return ranges;
}

function withSuggestions(value: ReviewState, doc: PmNode, suggestions: readonly OcrSuggestion[]): ReviewState {
  // An unchanged suggestion keeps its id, so the current item and the panel's focus survive a refresh.
  const previous = new Map(currentItems(value).map((item) => [itemKey(item), item.id]));
  let nextId = value.nextId;
  const items: ReviewItem[] = [];
  const starts = lineStarts(doc);
  for (const s of suggestions) {
    const from = cpToPmPos(doc, s.start);
    const to = cpToPmPos(doc, s.end);
    const candidate = { from, to, rule: s.rule, text: rangeText(doc, starts, from, to), replacement: s.replacement };
    if (candidate.text === candidate.replacement || isRejected(candidate, value.rejections)) continue;
    const id = previous.get(itemKey(candidate)) ?? nextId++;
    items.push({ ...candidate, id, confidence: s.confidence, explanation: s.explanation, ...(s.moves && s.moves.length > 0 && { moves: s.moves }) });
  }
  items.sort((a, b) => a.from - b.from || a.to - b.to);
  const currentId = value.currentId !== null && items.some((item) => item.id === value.currentId) ? value.currentId : null;
  return {
    ...value,
    base: items,
    pendingMaps: [],
    dropped: new Set(),
    nextId,
    currentId,
    loaded: true,
    decorations: updatedDecorations(value, doc, items, currentId),
    version: value.version + 1,
  };
}

// A refresh after an edit mostly returns the suggestions already shown: keep their decorations and change only
// those of the suggestions that went or came, which on a large page is far cheaper than rebuilding the set.
function updatedDecorations(value: ReviewState, doc: PmNode, items: readonly ReviewItem[], currentId: number | null): DecorationSet {
  const ids = new Set(items.map((item) => item.id));
  const gone = currentItems(value).filter((item) => !ids.has(item.id));
  const added = items.filter((item) => item.id >= value.nextId);
  // DecorationSet.remove costs lines × removed decorations; past a few dozen, building the set again is cheaper.
  if (!value.loaded || currentId !== value.currentId || gone.length > 20 || added.length > 300) return itemDecorations(doc, items, currentId);
  const without = removeItemDecorations(value.decorations, gone);
  return refreshItemDecorations(without, doc, added, added.map((item) => item.id), currentId);
}

function withRejection(value: ReviewState, doc: PmNode, id: number, nextCurrent: number | null): ReviewState {
  const item = currentItems(value).find((candidate) => candidate.id === id);
  if (!item) return value;
  const rejection: HeldRejection = { from: item.from, to: item.to, rule: item.rule, text: item.text, replacement: item.replacement };
  const removed: ReviewState = {
    ...value,
    dropped: new Set([...value.dropped, id]),
    decorations: removeItemDecorations(value.decorations, [item]),
    rejections: [...value.rejections, rejection],
    currentId: null,
    version: value.version + 1,
  };
  return withCurrent(removed, doc, nextCurrent);
}

function withCurrent(value: ReviewState, doc: PmNode, id: number | null): ReviewState {
  const items = currentItems(value);
  const currentId = id !== null && items.some((item) => item.id === id) ? id : null;
  if (currentId === value.currentId) return value;
  const decorations = refreshItemDecorations(value.decorations, doc, items, [value.currentId, currentId], currentId);
  return { ...value, currentId, decorations, version: value.version + 1 };
}

function itemKey(item: Pick<ReviewItem, 'from' | 'to' | 'rule' | 'replacement'>): string {
  return `${item.rule}\u0000${item.from}\u0000${item.to}\u0000${item.replacement}`;
}

/// The rejections to store in the sidecar: code points on the current text, sorted by position.
export function rejectionsForSave(state: EditorState): RejectedCorrection[] {
  const value = reviewKey.getState(state);
  if (!value) return [];
  return value.rejections
    .map((r) => ({ rule: r.rule, start: pmPosToCp(state.doc, r.from), end: pmPosToCp(state.doc, r.to), text: r.text, replacement: r.replacement }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

// The refresher of each editor view, for `askSuggestionsAgain`.
const refreshers = new WeakMap<EditorView, () => void>();

/// Asks for the page's suggestions again after the usual pause, though the text is unchanged (e.g. the corpus's
/// ignore list changed, which the main process applies to every answer).
export function askSuggestionsAgain(view: EditorView): void {
  refreshers.get(view)?.();
}

// Asks for suggestions when the page opens and after each pause in editing, one request at a time.
class SuggestionRefresher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private askAgain = false;

  constructor(
    private readonly view: EditorView,
    private readonly source: SuggestionSource | null,
    private readonly debounceMs: number,
  ) {
    // After the view is set up: dispatching from inside its constructor is not allowed.
    if (source) this.timer = setTimeout(() => this.request(), 0);
    refreshers.set(view, () => this.source && this.schedule());
  }

  update(view: EditorView, prevState: EditorState): void {
    if (this.source && view.state.doc !== prevState.doc) this.schedule();
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.request(), this.debounceMs);
  }

  private request(): void {
    this.timer = null;
    if (this.view.isDestroyed || !this.source) return;
    if (this.inFlight) {
      this.askAgain = true;
      return;
    }
    // While an input method composes, a decoration change can disturb it: wait.
    if (this.view.composing) return this.schedule();
    const doc = this.view.state.doc;
    this.inFlight = true;
    void this.source(textFromDoc(doc), movesOf(doc))
      .then((suggestions) => {
        if (this.view.isDestroyed || suggestions === null) return;
        if (this.view.state.doc !== doc) return this.schedule();
        const action: ReviewAction = { type: 'set', doc, suggestions };
        this.view.dispatch(this.view.state.tr.setMeta(reviewKey, action).setMeta('addToHistory', false));
      })
      .finally(() => {
        this.inFlight = false;
        if (this.askAgain && !this.view.isDestroyed) {
          this.askAgain = false;
          this.schedule();
        }
      });
  }
}
