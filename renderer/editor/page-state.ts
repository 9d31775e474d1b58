import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Plugin } from 'prosemirror-state';
import type { Correction } from '../../shared/model/sidecar-schema';
import { correctionsPlugin, type CorrectionLabels, type CorrectionsOptions } from './corrections-plugin';
import { docFromText } from './text-doc';

/// What a page editor state is made from.
export interface PageStateOptions {
  /// The OCR original text (NFC, LF line endings).
  originalText: string;
  /// The text to edit: the saved corrected text, or the original.
  text: string;
  /// The corrections of `text` against `originalText` when known (from the sidecar); saves a whole-page diff.
  corrections?: readonly Correction[];
  labels?: CorrectionLabels;
  /// Idle pause before correction highlights are recomputed, in milliseconds.
  idleMs?: number;
}

/// The plugins of a page editor: undo history, keymaps and correction highlights.
///
/// Mod-z undoes, Mod-y and Shift-Mod-z redo; the base keymap makes Enter split a line and Backspace at a line
/// start join it to the previous one. Mod-s is left unbound because the app saves.
export function pagePlugins(options: PageStateOptions): Plugin[] {
  const correctionOptions: CorrectionsOptions = { original: options.originalText };
  if (options.corrections) correctionOptions.corrections = options.corrections;
  if (options.labels) correctionOptions.labels = options.labels;
  if (options.idleMs !== undefined) correctionOptions.idleMs = options.idleMs;
  return [
    history(),
    keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }),
    keymap(baseKeymap),
    correctionsPlugin(correctionOptions),
  ];
}

/// Creates the editor state of one page.
///
/// Runs in Node too (no DOM), which is how the unit tests drive the editor.
export function createPageState(options: PageStateOptions): EditorState {
  return EditorState.create({ doc: docFromText(options.text), plugins: pagePlugins(options) });
}
