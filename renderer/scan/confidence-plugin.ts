import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { correctionsKey } from '../editor/corrections-plugin';
import { cpToPmPos } from '../editor/text-doc';
import { arrangedConfidenceMarks, correctedConfidenceMarks, type ConfidenceMark } from './confidence-marks';
import { movesOf } from '../editor/schema';
import { cpLength } from '../../shared/text/codepoints';

/// The class of characters the OCR engine was unsure of.
export const LOW_CONFIDENCE_CLASS = 'ocr-low-confidence';

/// The confidence plugin's state: a decoration for every character with a confidence, and the ones shown.
///
/// Both sets are built when the page opens and then only mapped through edits; a new threshold filters `all`
/// again without looking at the text.
export interface ConfidenceState {
  readonly all: DecorationSet;
  readonly visible: DecorationSet;
  readonly threshold: number;
}

/// The key of the confidence plugin, for reading its state and setting the threshold.
export const confidenceKey = new PluginKey<ConfidenceState>('ocr-confidence');

/// Options of `confidencePlugin`.
export interface ConfidenceOptions {
  /// Characters of the ORIGINAL text with their confidence; mapped onto the editor's text through the
  /// corrections plugin's corrections, so the corrections plugin must come first.
  marks: readonly ConfidenceMark[];
  /// Characters whose confidence is below this (0..1) are underlined.
  threshold: number;
}

/// Underlines the characters the OCR engine was unsure of (class `ocr-low-confidence`).
///
/// A character the editor corrected is no longer underlined. Typing maps the decorations; nothing is recomputed.
export function confidencePlugin(options: ConfidenceOptions): Plugin<ConfidenceState> {
  return new Plugin<ConfidenceState>({
    key: confidenceKey,
    state: {
      init: (_config, state) => {
        const all = allDecorations(state.doc, marksOnText(state, options.marks));
        return { all, threshold: options.threshold, visible: visibleDecorations(state.doc, all, options.threshold) };
      },
      apply: (tr, value, oldState, newState) => {
        const threshold = tr.getMeta(confidenceKey) as number | undefined;
        if (movesOf(newState.doc) !== movesOf(oldState.doc)) {
          // Blocks moved (or moved back): each mark follows its character, through the new arrangement.
          const all = allDecorations(newState.doc, marksOnText(newState, options.marks));
          const shown = threshold ?? value.threshold;
          return { all, threshold: shown, visible: visibleDecorations(newState.doc, all, shown) };
        }
        if (!tr.docChanged && (threshold === undefined || threshold === value.threshold)) return value;
        const all = tr.docChanged ? withoutReplaced(value.all.map(tr.mapping, tr.doc), tr) : value.all;
        if (threshold !== undefined && threshold !== value.threshold) {
          return { all, threshold, visible: visibleDecorations(newState.doc, all, threshold) };
        }
        return { all, threshold: value.threshold, visible: withoutReplaced(value.visible.map(tr.mapping, tr.doc), tr) };
      },
    },
    props: {
      decorations: (state) => confidenceKey.getState(state)?.visible ?? DecorationSet.empty,
    },
  });
}

// The marks (on the original) placed on the state's text, through its moves and its corrections.
function marksOnText(state: EditorState, marks: readonly ConfidenceMark[]): ConfidenceMark[] {
  const value = correctionsKey.getState(state);
  const arranged = value ? arrangedConfidenceMarks(marks, cpLength(value.ocrText), value.moves) : marks;
  return correctedConfidenceMarks(arranged, value?.corrections ?? []);
}

/// A transaction that sets the underline threshold (0..1), kept out of the undo history; null without the plugin.
export function setConfidenceThreshold(state: EditorState, threshold: number): Transaction | null {
  const value = confidenceKey.getState(state);
  if (value === undefined || value.threshold === threshold) return null;
  return state.tr.setMeta(confidenceKey, threshold).setMeta('addToHistory', false);
}

// Mapping keeps a decoration on text that replaced its character; typed text is the editor's reading, not the
// engine's, so decorations overlapping inserted text are removed (a few lookups per step).
function withoutReplaced(set: DecorationSet, tr: Transaction): DecorationSet {
  let result = set;
  tr.mapping.maps.forEach((stepMap, i) => {
    const after = tr.mapping.slice(i + 1);
    stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd <= newStart) return;
      const from = after.map(newStart, -1);
      const to = after.map(newEnd, 1);
      const stale = result.find(from, to).filter((decoration) => decoration.from < to && decoration.to > from);
      if (stale.length > 0) result = result.remove(stale);
    });
  });
  return result;
}

function allDecorations(doc: PmNode, marks: readonly ConfidenceMark[]): DecorationSet {
  const chars = marks.map((mark) => ({ from: cpToPmPos(doc, mark.offset), to: cpToPmPos(doc, mark.offset + 1), confidence: mark.confidence }));
  return lineDecorationSet(doc, chars.filter((char) => char.to > char.from));
}

function visibleDecorations(doc: PmNode, all: DecorationSet, threshold: number): DecorationSet {
  const shown = all.find(undefined, undefined, (spec) => (spec as ConfidenceSpec).confidence < threshold);
  return lineDecorationSet(doc, shown.map((decoration) => ({ from: decoration.from, to: decoration.to, confidence: (decoration.spec as ConfidenceSpec).confidence })));
}

/// What each underline decoration carries in its `spec`.
interface ConfidenceSpec {
  confidence: number;
}

/// A character to underline: its ProseMirror range and its confidence.
export interface ConfidenceChar {
  from: number;
  to: number;
  confidence: number;
}

// The internal constructor of DecorationSet: decorations of this node, and [from, to, set] per child node.
type DecorationSetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/// Builds the decoration set of `chars` (sorted by position, each inside one line) on a document of lines.
///
/// `DecorationSet.create` sorts decorations into its tree by scanning all of them for every top-level node,
/// which is quadratic: 1.1 s for 52,000 characters on a 6,500-line page. Here each line's set is created on the
/// line node alone and the lines' sets are joined the way `create` joins them, which is linear. A character
/// that is not inside a line is left out. Exported so a test can check it against `DecorationSet.create`.
export function lineDecorationSet(doc: PmNode, chars: readonly ConfidenceChar[]): DecorationSet {
  const children: (number | DecorationSet)[] = [];
  let i = 0;
  doc.forEach((line, offset) => {
    const start = offset + 1;
    const end = offset + line.nodeSize - 1;
    const local: Decoration[] = [];
    for (; i < chars.length && chars[i]!.from < end; i++) {
      const char = chars[i]!;
      if (char.from >= start && char.to <= end) local.push(charDecoration(char.from - start, char.to - start, char.confidence));
    }
    if (local.length > 0) children.push(offset, offset + line.nodeSize, DecorationSet.create(line, local));
  });
  if (children.length === 0) return DecorationSet.empty;
  return new (DecorationSet as unknown as DecorationSetConstructor)([], children);
}

function charDecoration(from: number, to: number, confidence: number): Decoration {
  const spec: ConfidenceSpec = { confidence };
  return Decoration.inline(from, to, { class: LOW_CONFIDENCE_CLASS, 'data-confidence': String(Math.round(confidence * 100)) }, spec);
}
