import { Fragment, Slice, type Mark, type Node as PmNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { CorrectionMap } from '../../shared/model/corrections';
import { arrangedPieces, composeMoves, type TextMove } from '../../shared/model/moves';
import { cpLength } from '../../shared/text/codepoints';
import { correctionsKey } from '../editor/corrections-plugin';
import { updateCorrections } from '../editor/incremental-corrections';
import { lineType, movesOf } from '../editor/schema';
import { pmPosToCp } from '../editor/text-doc';
import type { ReviewItem } from './review-items';

/// A review item that only rearranges its text (a reading-order repair).
export type MovingItem = Pick<ReviewItem, 'from' | 'to' | 'text'> & { moves: readonly TextMove[] };

/// Whether an item rearranges its text by block moves.
export function isMovingItem<T extends Pick<ReviewItem, 'from' | 'to' | 'text' | 'moves'>>(item: T): item is T & MovingItem {
  return item.moves !== undefined && item.moves.length > 0;
}

/// Accepts items that rearrange their text, in `tr` (which must hold `state`'s document): each item's text is put
/// in its new order, characters keeping their entity marks, and the document's moves rearrange the original the
/// same way, so every moved character stays tied to the original character it came from (no correction is made).
/// Undo takes both back. Items must be sorted and disjoint; null when an item's moves do not fit its text.
export function acceptMoves(tr: Transaction, state: EditorState, items: readonly MovingItem[]): Transaction | null {
  const value = correctionsKey.getState(state);
  if (!value) return null;
  // The corrections of the current text: the last computed ones, brought up to date when edits wait for the
  // idle recompute.
  const corrections = value.stale ? updateCorrections(value.original, value.computedDoc, value.corrections, state.doc) : value.corrections;
  const map = new CorrectionMap(corrections);
  const arrangedLength = value.original.index.length;
  let moves: readonly TextMove[] = movesOf(state.doc);
  // From the last item to the first: an item's rearrangement leaves everything before it where it was, in the
  // text and in the arranged original, so the positions computed on `state` stay right for the earlier items.
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k]!;
    const pieces = arrangedPieces(cpLength(item.text), item.moves);
    if (!pieces.ok) return null;
    const start = pmPosToCp(state.doc, item.from);
    // The item's pieces in the arranged original: their boundaries mapped through the corrections (the same side
    // for all, so the mapped pieces tile the item's stretch of the arranged original in the same order).
    const inText = [...pieces.value].sort((a, b) => a.from - b.from);
    const bounds = new Map<number, number>();
    for (const p of inText) {
      bounds.set(p.from, map.toOriginal(start + p.from, -1));
      bounds.set(p.to, map.toOriginal(start + p.to, -1));
    }
    const first = bounds.get(0)!;
    const last = bounds.get(cpLength(item.text))!;
    const ranges = [
      { from: 0, to: first },
      ...pieces.value.map((p) => ({ from: bounds.get(p.from)!, to: bounds.get(p.to)! })),
      { from: last, to: arrangedLength },
    ].filter((r) => r.to > r.from);
    const composed = composeMoves(cpLength(value.ocrText), moves, ranges);
    if (!composed.ok) return null;
    moves = composed.value;
    const slice = rearrangedSlice(state.doc, item, pieces.value);
    if (slice === null) return null;
    tr.replace(item.from, item.to, slice);
  }
  return tr.setDocAttribute('moves', moves);
}

// The item's text in its new order as lines (open at both ends, like pasted text), each character with its marks.
// Null when the document does not hold the item's text there.
function rearrangedSlice(doc: PmNode, item: MovingItem, pieces: readonly { from: number; to: number }[]): Slice | null {
  const chars = charactersOf(doc, item.from, item.to);
  if (chars.map((c) => c.text).join('') !== item.text) return null;
  const lines: PmNode[] = [];
  let line: PmNode[] = [];
  const endLine = () => {
    lines.push(lineType.create(null, line.length === 0 ? null : Fragment.fromArray(line)));
    line = [];
  };
  for (const p of pieces) {
    for (const { text, marks } of chars.slice(p.from, p.to)) {
      if (text === '\n') {
        endLine();
        continue;
      }
      const previous = line[line.length - 1];
      const node = doc.type.schema.text(text, marks);
      // Neighbouring characters with the same marks share one text node.
      if (previous && previous.sameMarkup(node)) line[line.length - 1] = doc.type.schema.text(previous.text! + text, marks);
      else line.push(node);
    }
  }
  endLine();
  return new Slice(Fragment.fromArray(lines), 1, 1);
}

// Every code point of the document between two positions, with its marks; a line break between lines is "\n".
function charactersOf(doc: PmNode, from: number, to: number): { text: string; marks: readonly Mark[] }[] {
  const chars: { text: string; marks: readonly Mark[] }[] = [];
  let started = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type === lineType) {
      if (started) chars.push({ text: '\n', marks: [] });
      started = true;
      return true;
    }
    if (!node.isText) return false;
    const text = node.text!.slice(Math.max(0, from - pos), Math.min(node.text!.length, to - pos));
    for (const ch of text) chars.push({ text: ch, marks: node.marks });
    return false;
  });
  return chars;
}
