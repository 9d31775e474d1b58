import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Command, type Plugin } from 'prosemirror-state';
import { caretLinePlugin } from '../scan/caret-line-plugin';
import type { Correction, EntitySpan, Move } from '../../shared/model/sidecar-schema';
import type { Rejection } from '../../shared/entities/suggest';
import { entitiesPlugin, type EntitiesPluginOptions } from '../entities/entities-plugin';
import { entityKeysPlugin, type EntityKeysOptions } from '../entities/entity-keys';
import { placeSpans, type PlacedSpans } from '../entities/spans-io';
import { suggestionsPlugin, type SuggestContext } from '../entities/suggestions-plugin';
import type { ConfidenceMark } from '../scan/confidence-marks';
import { confidencePlugin } from '../scan/confidence-plugin';
import { findPlugin } from '../find/find-plugin';
import { reviewPlugin, type ReviewOptions } from '../review/review-plugin';
import { correctionsPlugin, type CorrectionLabels, type CorrectionsOptions } from './corrections-plugin';
import { docFromText } from './text-doc';

/// What a page editor state is made from.
export interface PageStateOptions {
  /// The OCR original text (NFC, LF line endings).
  originalText: string;
  /// The text to edit: the saved corrected text, or the original.
  text: string;
  /// The corrections of `text` against `originalText` (arranged by `moves`) when known (from the sidecar); saves a
  /// whole-page diff.
  corrections?: readonly Correction[];
  /// The block moves of the original (from the sidecar): the original in corrected reading order.
  moves?: readonly Move[];
  labels?: CorrectionLabels;
  /// Idle pause before correction highlights are recomputed, in milliseconds.
  idleMs?: number;
  /// OCR confidences of characters of the original text (from the scan's layout file); when given, characters
  /// below `confidenceThreshold` are underlined.
  confidenceMarks?: readonly ConfidenceMark[];
  /// 0..1; 0.8 when absent.
  confidenceThreshold?: number;
  /// OCR-correction review: where suggestions come from and the rejections from the sidecar. The review plugin
  /// is always there (it holds the rejections); without a source it shows no suggestions.
  review?: ReviewOptions;
  /// Tagged entities (code points on `text`), from the sidecar.
  entities?: readonly EntitySpan[];
  /// How entities are drawn and what a click on one does; without it entities are kept but not shown.
  entityView?: EntitiesPluginOptions;
  /// Entity shortcuts; without them the keys do nothing special.
  entityKeys?: EntityKeysOptions;
  /// Suggestion context; without it no suggestions are computed.
  suggest?: SuggestContext;
  /// Rejected suggestions from the sidecar.
  rejectedEntities?: readonly Rejection[];
  /// Idle pause before suggestions are refreshed, in milliseconds.
  suggestIdleMs?: number;
}

/// Redo, or nothing when there is nothing to redo; always handled, so the keymap never falls through to another
/// binding (without it, Shift-Mod-z with an empty redo stack fell back to Mod-z and undid the last edit).
export const redoOrNothing: Command = (state, dispatch) => {
  redo(state, dispatch);
  return true;
};

/// Undo and redo keys of the page editor.
export const historyKeys: Record<string, Command> = { 'Mod-z': undo, 'Mod-y': redoOrNothing, 'Shift-Mod-z': redoOrNothing };

/// The plugins of a page editor: undo history, keymaps, correction highlights, OCR confidence underlines and the
/// review of OCR-correction suggestions.
///
/// Mod-z undoes, Mod-y and Shift-Mod-z redo; the base keymap makes Enter split a line and Backspace at a line
/// start join it to the previous one. Mod-s is left unbound because the app saves.
export function pagePlugins(options: PageStateOptions): Plugin[] {
  const correctionOptions: CorrectionsOptions = { original: options.originalText };
  if (options.corrections) correctionOptions.corrections = options.corrections;
  if (options.labels) correctionOptions.labels = options.labels;
  if (options.idleMs !== undefined) correctionOptions.idleMs = options.idleMs;
  const plugins = [
    history(),
    keymap(historyKeys),
    // Before the base keymap: Enter on a suggestion accepts it instead of splitting the line.
    ...(options.entityKeys ? [entityKeysPlugin(options.entityKeys)] : []),
    keymap(baseKeymap),
    correctionsPlugin(correctionOptions),
    // Marks the caret's line, so the scan's line-image strip can make room above it (renderer/scan).
    caretLinePlugin(),
    // The saved corrections that name a rule are the review's accepted changes, so their rule stays on save.
    reviewPlugin(options.corrections ? { ...options.review, corrections: options.corrections } : options.review),
    ...(options.entityView ? [entitiesPlugin(options.entityView)] : []),
    ...(options.suggest
      ? [suggestionsPlugin({ context: options.suggest, ...(options.rejectedEntities && { rejected: options.rejectedEntities }), ...(options.suggestIdleMs !== undefined && { idleMs: options.suggestIdleMs }) })]
      : []),
    // The find bar's hit highlights (renderer/find); without a query it draws nothing.
    findPlugin(),
  ];
  // After the corrections plugin: the underlines are placed through its corrections.
  if (options.confidenceMarks && options.confidenceMarks.length > 0) {
    plugins.push(confidencePlugin({ marks: options.confidenceMarks, threshold: options.confidenceThreshold ?? 0.8 }));
  }
  return plugins;
}

/// Creates the editor state of one page, with the sidecar's entities as marks.
///
/// Runs in Node too (no DOM), which is how the unit tests drive the editor. Spans that do not fit the text are
/// left out and reported by `createPageStateWithProblems`.
export function createPageState(options: PageStateOptions): EditorState {
  return createPageStateWithProblems(options).state;
}

/// `createPageState`, also returning the entity spans that could not be placed on the text.
export function createPageStateWithProblems(options: PageStateOptions): { state: EditorState; refused: PlacedSpans['refused'] } {
  const placed = placeSpans(docFromText(options.text), options.entities ?? []);
  const doc = options.moves && options.moves.length > 0 ? placed.doc.type.create({ moves: options.moves }, placed.doc.content) : placed.doc;
  return { state: EditorState.create({ doc, plugins: pagePlugins(options) }), refused: placed.refused };
}
