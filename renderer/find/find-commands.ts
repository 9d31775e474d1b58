import { closeHistory } from 'prosemirror-history';
import type { Mark, Node as PmNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { replaceableMatches } from './find-engine';
import { findKey, findStateOf, type FindMeta, type FindState } from './find-plugin';
import type { CompiledFind } from './find-query';

/// The part of an editor view the find commands use (a view, or a state holder in tests).
export interface FindEditor {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/// Sets (or with null clears) the query whose hits are highlighted; the first hit at or after the caret becomes
/// current.
export function setFindQuery(editor: FindEditor, query: CompiledFind | null): void {
  editor.dispatch(editor.state.tr.setMeta(findKey, { type: 'set', query } satisfies FindMeta));
}

/// Selects the next (`direction` 1) or previous (-1) hit, wrapping round the page; the first step from elsewhere
/// selects the current hit (forward) or the one before it (backward). False when there is no hit.
export function stepFind(editor: FindEditor, direction: 1 | -1): boolean {
  const find = fresh(editor);
  if (find.matches.length === 0) return false;
  const { selection } = editor.state;
  const current = find.matches[find.current];
  const onCurrent = current !== undefined && selection.from === current.from && selection.to === current.to;
  const index = onCurrent || direction < 0 ? find.current + direction : find.current;
  const n = find.matches.length;
  const target = (index + n) % n;
  const match = find.matches[target]!;
  editor.dispatch(
    editor.state.tr
      .setSelection(TextSelection.create(editor.state.doc, match.from, match.to))
      .setMeta(findKey, { type: 'current', index: target } satisfies FindMeta),
  );
  return true;
}

/// Replaces the current hit (the one selected, or else the one highlighted as current) and selects the next.
///
/// The replacement goes through an ordinary text transaction, so corrections, entity spans and OCR review items
/// move with it as with typing. A hit the replacement would leave unchanged is only stepped over. False when
/// there is no hit.
export function replaceCurrent(editor: FindEditor): boolean {
  const find = fresh(editor);
  const current = find.matches[find.current];
  if (find.query === null || current === undefined) return false;
  const match = replaceableMatches(editor.state.doc, find.query).find((m) => m.from === current.from && m.to === current.to);
  if (match && match.replacement !== match.matched) {
    const tr = replaceIn(editor.state.tr, match.from, match.to, match.replacement);
    tr.setSelection(TextSelection.create(tr.doc, match.from + match.replacement.length));
    editor.dispatch(tr.setMeta(findKey, { type: 'set', query: find.query } satisfies FindMeta));
  } else {
    editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, current.to)).setMeta(findKey, { type: 'current', index: find.current + 1 } satisfies FindMeta));
  }
  stepFind(editor, 1);
  return true;
}

/// Replaces every hit on the page in one transaction, a step of its own in the undo history (one Ctrl+Z undoes it
/// all). Hits the replacement would leave unchanged are not touched. Returns how many hits were replaced.
export function replaceAll(editor: FindEditor): number {
  const find = fresh(editor);
  if (find.query === null) return 0;
  const matches = replaceableMatches(editor.state.doc, find.query).filter((m) => m.replacement !== m.matched);
  if (matches.length === 0) return 0;
  const tr = editor.state.tr;
  // From the last hit back, so the positions of the hits before stay valid.
  for (let i = matches.length - 1; i >= 0; i--) replaceIn(tr, matches[i]!.from, matches[i]!.to, matches[i]!.replacement);
  editor.dispatch(closeHistory(tr).setMeta(findKey, { type: 'set', query: find.query } satisfies FindMeta));
  return matches.length;
}

// Replaces [from, to) by `text` as typing over a selection does (renderer/entities/entity-commands.ts): the entity
// tags covering the whole range cover the new text, a range reaching outside a name does not join it. An empty
// replacement deletes only the characters (never the line around them).
function replaceIn(tr: Transaction, from: number, to: number, text: string): Transaction {
  if (text === '') return tr.delete(from, to);
  return tr.replaceWith(from, to, tr.doc.type.schema.text(text, marksOnWholeRange(tr.doc, from, to)));
}

function marksOnWholeRange(doc: PmNode, from: number, to: number): readonly Mark[] {
  let common: readonly Mark[] | null = null;
  doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    common = common === null ? node.marks : common.filter((m) => m.isInSet(node.marks));
    return false;
  });
  return common ?? [];
}

// The find state with hits searched on the current text (an edit waiting for its debounced search is searched now).
function fresh(editor: FindEditor): FindState {
  const find = findStateOf(editor.state);
  if (!find.stale) return find;
  editor.dispatch(editor.state.tr.setMeta(findKey, { type: 'refresh' } satisfies FindMeta));
  return findStateOf(editor.state);
}
