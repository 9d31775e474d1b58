import { Slice } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { computeCorrections } from '../../shared/model/corrections';
import type { Correction } from '../../shared/model/sidecar-schema';
import type { RuleId } from '../../shared/ocr-assist/types';
import { cpLength, cpToUtf16 } from '../../shared/text/codepoints';
import { ACCEPTED_META, type AcceptedChange } from './accepted-changes';
import { acceptMoves, isMovingItem } from './accept-moves';
import { ReplaceEachStep, type ReplacePart } from './replace-each-step';
import { sliceFromText } from '../editor/text-doc';
import { disjointItems, itemAt, stepItem, type ReviewItem } from './review-items';
import { currentItems, reviewItems, reviewKey, type ReviewAction } from './review-plugin';

/// Replaces the text of `item` by its replacement in `tr`, changing only what differs.
///
/// The replacement is diffed against the text on code points and each differing stretch is replaced on its own,
/// from the last to the first, so a reflow removes just the line breaks and leaves every character (and any other
/// suggestion on those characters) where it was. `tr` must hold the document the item's positions refer to.
export function replaceMinimally(tr: Transaction, item: Pick<ReviewItem, 'from' | 'text' | 'replacement'>): Transaction {
  const changes = computeCorrections(item.text, item.replacement);
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]!;
    const from = item.from + pmOffset(item.text, change.start);
    const to = item.from + pmOffset(item.text, change.end);
    tr.replace(from, to, change.corrected === '' ? Slice.empty : sliceFromText(change.corrected));
  }
  return tr;
}

/// The stretches `replaceMinimally` changes for `item`, as accepted changes of its rule: ProseMirror positions in
/// the document right after the replacement (where the replacement starts at `item.from`).
export function changedStretches(
  item: Pick<ReviewItem, 'from' | 'text' | 'replacement' | 'rule'>,
  changes: readonly Correction[] = computeCorrections(item.text, item.replacement),
): AcceptedChange[] {
  const stretches: AcceptedChange[] = [];
  let shift = 0; // code points the changes before this one added to the text
  for (const change of changes) {
    const start = change.start + shift;
    const end = start + cpLength(change.corrected);
    stretches.push({ from: item.from + pmOffset(item.replacement, start), to: item.from + pmOffset(item.replacement, end), rule: item.rule, before: change.original });
    shift += end - start - (change.end - change.start);
  }
  return stretches;
}

// The ProseMirror size of `text` as it sits in the document: a UTF-16 unit each, and two per line break.
function pmSize(text: string): number {
  return pmOffset(text, cpLength(text));
}

// The ProseMirror distance from the start of `text` (as it sits in the document) to its code point `cp`: one
// per UTF-16 unit, and one more per line break, which closes one line node and opens the next.
function pmOffset(text: string, cp: number): number {
  const units = cpToUtf16(text, cp);
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < units; at = text.indexOf('\n', at + 1)) breaks++;
  return units + breaks;
}

/// The item a keyboard action means: the current one, else the one under the caret; null when there is none.
export function targetItem(state: EditorState): ReviewItem | null {
  const value = reviewKey.getState(state);
  if (!value) return null;
  const current = currentItems(value).find((item) => item.id === value.currentId);
  return current ?? itemAt(currentItems(value), state.selection.head);
}

// The item to make current after `item` leaves the list: the next one in the text, if any.
function successor(state: EditorState, item: ReviewItem): number | null {
  const value = reviewKey.getState(state);
  if (!value) return null;
  const others = currentItems(value).filter((candidate) => candidate.id !== item.id);
  return (others.find((candidate) => candidate.from >= item.to) ?? others.find((candidate) => candidate.from >= item.from) ?? null)?.id ?? null;
}

/// Accepts one suggestion: an ordinary, undoable edit of its text, then the next suggestion becomes current.
///
/// Returns null when the item is not (or no longer) under review.
export function acceptItem(state: EditorState, id: number): Transaction | null {
  const item = reviewItems(state).find((candidate) => candidate.id === id);
  if (!item) return null;
  const next = successor(state, item);
  // A reading-order repair is recorded as moves, not as characters replaced by others.
  const moved = isMovingItem(item) ? acceptMoves(closeHistory(state.tr), state, [item]) : null;
  if (moved) return moved.setMeta(reviewKey, { type: 'current', id: next } satisfies ReviewAction).scrollIntoView();
  const tr = replaceMinimally(closeHistory(state.tr), item);
  return tr
    .setMeta(reviewKey, { type: 'current', id: next } satisfies ReviewAction)
    .setMeta(ACCEPTED_META, changedStretches(item))
    .scrollIntoView();
}

/// Accepts every suggestion of `rule` on the page in one transaction, which one undo takes back.
///
/// Overlapping suggestions of the rule are skipped (the later of each pair); they stay under review.
export function acceptRule(state: EditorState, rule: RuleId): Transaction | null {
  const items = disjointItems(reviewItems(state).filter((item) => item.rule === rule));
  if (items.length === 0) return null;
  const moving = items.filter(isMovingItem);
  const moved = moving.length === items.length ? acceptMoves(closeHistory(state.tr), state, moving) : null;
  if (moved) return moved;
  // One step for all of them (see ReplaceEachStep): each item's differing stretches, in document order.
  const parts: ReplacePart[] = [];
  const changesOf = items.map((item) => computeCorrections(item.text, item.replacement));
  for (const [i, item] of items.entries()) {
    for (const change of changesOf[i]!) {
      parts.push({
        from: item.from + pmOffset(item.text, change.start),
        to: item.from + pmOffset(item.text, change.end),
        slice: change.corrected === '' ? Slice.empty : sliceFromText(change.corrected),
      });
    }
  }
  const tr = closeHistory(state.tr).step(new ReplaceEachStep(parts));
  // Each item's stretches, shifted by how much the items before it grew or shrank (a sum, not a mapping per item:
  // that would be quadratic in a page's thousands of suggestions).
  const accepted: AcceptedChange[] = [];
  let shift = 0;
  for (const [i, item] of items.entries()) {
    for (const stretch of changedStretches(item, changesOf[i])) accepted.push({ ...stretch, from: stretch.from + shift, to: stretch.to + shift });
    shift += pmSize(item.replacement) - pmSize(item.text);
  }
  return tr.setMeta(ACCEPTED_META, accepted);
}

/// Rejects one suggestion: it leaves the list and is remembered (and saved) so it is not suggested again.
///
/// Not an edit of the text, so it is not in the undo history.
export function rejectItem(state: EditorState, id: number): Transaction | null {
  const item = reviewItems(state).find((candidate) => candidate.id === id);
  if (!item) return null;
  const action: ReviewAction = { type: 'reject', id, nextId: successor(state, item) };
  return state.tr.setMeta(reviewKey, action).setMeta('addToHistory', false);
}

/// Makes the next (1) or previous (-1) suggestion current and selects its text; null when there are none.
export function stepToItem(state: EditorState, direction: 1 | -1): Transaction | null {
  const value = reviewKey.getState(state);
  if (!value) return null;
  const item = stepItem(currentItems(value), state.selection.head, direction, value.currentId);
  return item ? focusItem(state, item.id) : null;
}

/// Makes an item current, selects its text and scrolls it into view.
export function focusItem(state: EditorState, id: number): Transaction | null {
  const item = reviewItems(state).find((candidate) => candidate.id === id);
  if (!item) return null;
  // A layout repair spans many lines: put the caret at its start rather than selecting them all.
  const selection = item.to > item.from && !item.text.includes('\n') ? TextSelection.create(state.doc, item.from, item.to) : TextSelection.create(state.doc, item.from);
  return state.tr
    .setSelection(selection)
    .setMeta(reviewKey, { type: 'current', id } satisfies ReviewAction)
    .setMeta('addToHistory', false)
    .scrollIntoView();
}
