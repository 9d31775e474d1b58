import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { CorrectionMap } from '../../shared/model/corrections';
import type { Correction } from '../../shared/model/sidecar-schema';
import { checkedCorrections, correctionsOf, indexOriginal, rediffChanged, type IndexedOriginal } from './incremental-corrections';
import { cpToPmPos } from './text-doc';
import { lineByLineSet } from './line-decorations';
import { arrangeText } from '../../shared/model/moves';
import type { Move } from '../../shared/model/sidecar-schema';
import { movesOf } from './schema';

/// Texts shown in correction tooltips; the app passes translated ones.
export interface CorrectionLabels {
  /// Tooltip of replaced text, given the OCR original it replaced.
  changed(original: string): string;
  /// Tooltip of text the OCR did not have.
  inserted(): string;
  /// Tooltip of the marker where OCR text was deleted, given that text.
  deleted(original: string): string;
}

/// English tooltips, used when the app passes none.
///
/// `changed` reads "OCR: 己" so an editor sees at a glance what the scan's OCR said.
export const englishCorrectionLabels: CorrectionLabels = {
  changed: (original) => `OCR: ${visible(original)}`,
  inserted: () => 'Added (not in the OCR text)',
  deleted: (original) => `Deleted OCR text: ${visible(original)}`,
};

// Line breaks and tabs are invisible in a tooltip; show them as symbols.
function visible(text: string): string {
  return text.replace(/\n/g, '↵').replace(/\t/g, '⇥');
}

/// The corrections plugin's state: the original text and the highlights of what differs from it.
///
/// `original` is the arranged original: the OCR text with the document's block moves applied (the OCR text itself
/// without moves), which the corrections are on. `stale` is true while the highlights are the last computed set
/// mapped through later edits, waiting for the idle recompute.
export interface CorrectionsState {
  /// The OCR original text, before any moves.
  readonly ocrText: string;
  /// The moves `original` was arranged with (the document's when computed).
  readonly moves: readonly Move[];
  readonly original: IndexedOriginal;
  readonly decorations: DecorationSet;
  /// The corrections of `computedDoc` against the original.
  readonly corrections: readonly Correction[];
  /// The document the corrections were computed for; later edits are re-diffed against it.
  readonly computedDoc: PmNode;
  readonly stale: boolean;
  /// True when an edit of many ranges dropped the highlights: the idle recompute builds them all again.
  readonly rebuild?: boolean;
}

/// Actions sent to the plugin with `tr.setMeta(correctionsKey, action)`.
///
/// `recompute` diffs the current text against the original; `set-original` replaces the original and recomputes.
export type CorrectionsAction = { type: 'recompute' } | { type: 'set-original'; original: string };

/// What each highlight decoration carries in its `spec`: the kind of change and the correction behind it.
///
/// `inserted-break` marks a line break the OCR did not have (nothing visible to highlight).
export interface CorrectionDecorationSpec {
  kind: 'changed' | 'inserted' | 'deleted' | 'inserted-break';
  correction: Correction;
}

/// The key of the corrections plugin, for reading its state and sending it actions.
export const correctionsKey = new PluginKey<CorrectionsState>('corrections');

/// Options of `correctionsPlugin`.
export interface CorrectionsOptions {
  /// The OCR original text (NFC, LF line endings).
  original: string;
  /// The corrections of the initial text against the original when already known (from the sidecar); they are
  /// checked against the text and used instead of diffing the whole page when the page opens.
  corrections?: readonly Correction[];
  /// Milliseconds without edits before highlights are recomputed; 120 by default.
  idleMs?: number;
  labels?: CorrectionLabels;
}

/// Highlights every character that differs from the OCR original.
///
/// Changed text gets an inline decoration `corr-changed` (with `title` and `data-original`), inserted text
/// `corr-inserted` (with `data-original=""`), and a deletion a widget `corr-deleted`. A keystroke only maps the
/// existing highlights through the transaction; after an idle pause the lines changed since the last run are
/// diffed again and only their highlights replaced, so no keystroke does whole-page work on a 200,000-character
/// page. The whole page is diffed once, when it opens, unless known corrections are passed.
export function correctionsPlugin(options: CorrectionsOptions): Plugin<CorrectionsState> {
  const labels = options.labels ?? englishCorrectionLabels;
  const idleMs = options.idleMs ?? 120;
  return new Plugin<CorrectionsState>({
    key: correctionsKey,
    state: {
      init: (_config, state) => initialState(arranged(options.original, movesOf(state.doc)), state.doc, options.corrections, labels),
      apply: (tr, value, _oldState, newState) => {
        const action = tr.getMeta(correctionsKey) as CorrectionsAction | undefined;
        if (action?.type === 'set-original') return fullState(arranged(action.original, movesOf(newState.doc)), newState.doc, labels);
        // A reading-order repair (or its undo) rearranged the original: the corrections are on another text now.
        // Such an edit is rare, so the page is diffed whole against the new arrangement at once.
        if (movesOf(newState.doc) !== value.moves) return fullState(arranged(value.ocrText, movesOf(newState.doc)), newState.doc, labels);
        if (action?.type === 'recompute') {
          if (!value.stale && !tr.docChanged) return value;
          if (value.rebuild === true) return fullState(value, newState.doc, labels);
          return rediffedState(value, newState.doc, labels);
        }
        if (!tr.docChanged) return value;
        // Mapping thousands of highlights through an edit of thousands of ranges (accept-all, and its undo) costs
        // their product: they are dropped, and the idle recompute diffs the page again (linear when its lines were
        // edited in place) and builds them all, so the edit itself shows at once.
        if (rangeCount(tr) > MANY_RANGES) return { ...value, decorations: DecorationSet.empty, stale: true, rebuild: true };
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), stale: true };
      },
    },
    props: {
      decorations: (state) => correctionsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: (view) => new IdleRecompute(view, idleMs),
  });
}

// Above this many changed ranges in one transaction the highlights are computed again rather than mapped.
const MANY_RANGES = 200;

function rangeCount(tr: Transaction): number {
  let count = 0;
  for (const map of tr.mapping.maps) map.forEach(() => count++);
  return count;
}

/// A transaction that recomputes the highlights now, or null when they are up to date.
///
/// Kept out of the undo history: a highlight refresh is not an edit.
export function recomputeCorrections(state: EditorState): Transaction | null {
  const value = correctionsKey.getState(state);
  if (value === undefined || !value.stale) return null;
  return state.tr.setMeta(correctionsKey, { type: 'recompute' } satisfies CorrectionsAction).setMeta('addToHistory', false);
}

// Schedules the recompute a short while after the last change; postponed while an input method is composing,
// since a decoration change in the middle of a composition can disturb it.
class IdleRecompute {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly idleMs: number,
  ) {}

  update(view: EditorView, prevState: EditorState): void {
    if (view.state.doc !== prevState.doc) this.schedule();
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.view.isDestroyed) return;
      if (this.view.composing) return this.schedule();
      const started = performance.now();
      const tr = recomputeCorrections(this.view.state);
      if (tr === null) return;
      this.view.dispatch(tr);
      // A User Timing entry, visible in the performance panel and read by the editor bench.
      performance.measure('jiaodui:corrections-recompute', { start: started, end: performance.now() });
    }, this.idleMs);
  }
}

// The original arranged by `moves`, with what it was made from. Moves that do not fit (never made by the editor)
// are left out rather than lose the page.
function arranged(ocrText: string, moves: readonly Move[]): Pick<CorrectionsState, 'ocrText' | 'moves' | 'original'> {
  const text = arrangeText(ocrText, moves);
  return { ocrText, moves, original: indexOriginal(text.ok ? text.value : ocrText) };
}

function initialState(
  base: Pick<CorrectionsState, 'ocrText' | 'moves' | 'original'>,
  doc: PmNode,
  known: readonly Correction[] | undefined,
  labels: CorrectionLabels,
): CorrectionsState {
  const corrections = known === undefined ? null : checkedCorrections(base.original, doc, known);
  return corrections === null ? fullState(base, doc, labels) : stateFor(base, doc, corrections, labels);
}

function fullState(base: Pick<CorrectionsState, 'ocrText' | 'moves' | 'original'>, doc: PmNode, labels: CorrectionLabels): CorrectionsState {
  return stateFor(base, doc, correctionsOf(base.original, doc), labels);
}

function stateFor(base: Pick<CorrectionsState, 'ocrText' | 'moves' | 'original'>, doc: PmNode, corrections: Correction[], labels: CorrectionLabels): CorrectionsState {
  const { ocrText, moves, original } = base;
  return { ocrText, moves, original, corrections, computedDoc: doc, decorations: decorationsFor(doc, corrections, labels), stale: false };
}

// Re-diffs the changed lines only, and swaps the highlights in that window: the rest of the (mapped) set
// stays, so an idle recompute costs a few lines' work rather than rebuilding every highlight of the page.
function rediffedState(value: CorrectionsState, doc: PmNode, labels: CorrectionLabels): CorrectionsState {
  const { corrections, window } = rediffChanged(value.original, value.computedDoc, value.corrections, doc);
  if (window === null) return { ...value, computedDoc: doc, stale: false };
  const from = cpToPmPos(doc, window.from);
  const to = cpToPmPos(doc, window.to);
  // The window's corrections are in original offsets; in the corrected text everything before the window is
  // shifted by the corrections before it, which is the difference between the window's two start offsets.
  const shift = window.from - window.originalFrom;
  const decorations = value.decorations
    .remove(value.decorations.find(from, to))
    .add(doc, decorationList(doc, window.corrections, labels, shift));
  return { ocrText: value.ocrText, moves: value.moves, original: value.original, corrections, computedDoc: doc, decorations, stale: false };
}

/// Builds the highlight decorations of a correction list on the document holding the corrected text.
///
/// Exported for tests and for callers that already hold a correction list (for example one read from a sidecar).
export function decorationsFor(doc: PmNode, corrections: readonly Correction[], labels: CorrectionLabels = englishCorrectionLabels): DecorationSet {
  return lineByLineSet(doc, decorationList(doc, corrections, labels, 0));
}

// `shift` is added to every corrected offset; a list covering only part of the page passes the difference
// between corrected and original offsets at its start.
function decorationList(doc: PmNode, corrections: readonly Correction[], labels: CorrectionLabels, shift: number): Decoration[] {
  const decorations: Decoration[] = [];
  for (const { start, end, correction } of new CorrectionMap(corrections).correctedRanges()) {
    const from = cpToPmPos(doc, start + shift);
    const to = cpToPmPos(doc, end + shift);
    const hasVisibleText = correction.corrected.replace(/\n/g, '') !== '';
    if (correction.corrected === '' || !hasVisibleText) {
      // Nothing (or only a line break) to highlight: mark the spot with a widget instead.
      decorations.push(markerWidget(from, correction, labels));
    } else if (correction.original === '') {
      decorations.push(
        Decoration.inline(from, to, { class: 'corr-inserted', title: labels.inserted(), 'data-original': '' }, { kind: 'inserted', correction } satisfies CorrectionDecorationSpec),
      );
    } else {
      decorations.push(
        Decoration.inline(from, to, {
          class: 'corr-changed',
          title: labels.changed(correction.original),
          'data-original': correction.original,
        }, { kind: 'changed', correction } satisfies CorrectionDecorationSpec),
      );
    }
  }
  return decorations;
}

function markerWidget(pos: number, correction: Correction, labels: CorrectionLabels): Decoration {
  const deleted = correction.corrected === '';
  const className = deleted ? 'corr-deleted' : 'corr-inserted-break';
  const title = deleted
    ? labels.deleted(correction.original)
    : correction.original === ''
      ? labels.inserted()
      : labels.changed(correction.original);
  return Decoration.widget(
    pos,
    (view) => {
      const marker = view.dom.ownerDocument.createElement('span');
      marker.className = className;
      marker.title = title;
      marker.setAttribute('data-original', correction.original);
      marker.setAttribute('aria-label', title);
      return marker;
    },
    // Same key for the same deletion, so redraws reuse the element; side -1 keeps the cursor after the marker.
    {
      key: `${className}:${pos}:${correction.original}`,
      side: -1,
      ignoreSelection: true,
      marks: [],
      kind: deleted ? 'deleted' : 'inserted-break',
      correction,
    } satisfies CorrectionDecorationSpec & { key: string; side: number; ignoreSelection: boolean; marks: [] },
  );
}
