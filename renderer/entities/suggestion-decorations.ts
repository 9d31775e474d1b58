import type { Node as PmNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { EntitySuggestion } from '../../shared/entities/suggest';
import { cpToPmPos, pmPosToCp } from '../editor/text-doc';
import type { Language } from '../../shared/ipc/contract';
import { translate } from '../i18n/messages';

// The suggestion underlines (inline decorations) of the suggestions plugin: placing a list of suggestions on the
// document while keeping the decorations that did not change, and the ranges a whole-page answer is shown in.

/// What each suggestion decoration carries in its spec.
export interface SuggestionSpec {
  suggestion: EntitySuggestion;
}

/// A range of document positions.
export interface PmRange {
  from: number;
  to: number;
}

/// Swaps in the new suggestions while keeping the decoration objects of those that did not change.
///
/// The view redraws only what changed, and a small change costs a small update even with thousands of
/// suggestions (building a whole set again would also cost lines × suggestions in ProseMirror).
export function updatedDecorations(current: DecorationSet, doc: PmNode, suggestions: readonly EntitySuggestion[]): DecorationSet {
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

/// `updatedDecorations` for a change that can only have changed suggestions inside `window`.
///
/// The decorations outside it are the old ones mapped through the edits, so only the window is compared.
export function updatedInWindow(current: DecorationSet, doc: PmNode, suggestions: readonly EntitySuggestion[], window: PmRange): DecorationSet {
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
    // As `find` above: touching the window counts, by position (the end of a line and the start of the next
    // are one code point but two positions).
    if (to < window.from || from > window.to) continue;
    const key = placeKey(from, to, s);
    if (old.has(key)) old.delete(key);
    else added.push(suggestionDecoration(from, to, s));
  }
  return current.remove([...old.values()]).add(doc, added);
}

// The confidence is part of it: a suggestion lowered by a corpus-wide rejection gets a new tooltip.
// The UI language too: its tooltip is worded in it.
function placeKey(from: number, to: number, s: EntitySuggestion): string {
  return `${from}:${to}:${s.type}:${s.source}:${s.confidence}:${uiLanguage()}`;
}

// The UI language the app set on <html lang> (App.tsx); English where there is no document (unit tests in Node).
function uiLanguage(): Language {
  return typeof document !== 'undefined' && document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
}

// The tooltip of a suggestion: its type, where it comes from and how sure it is, in the UI language.
function suggestionTitle(s: EntitySuggestion): string {
  const language = uiLanguage();
  const source = translate(language, `ent.source.${s.source}`);
  return translate(language, 'ent.suggestionTitle', { type: s.type, source, percent: Math.round(s.confidence * 100) });
}

function suggestionDecoration(from: number, to: number, s: EntitySuggestion): Decoration {
  return Decoration.inline(
    from,
    to,
    { class: 'ent-suggestion', 'data-suggestion-type': s.type, title: suggestionTitle(s) },
    { suggestion: s } satisfies SuggestionSpec,
  );
}

/// Ranges mapped through a transaction's edits; ranges whose text was deleted are dropped.
export function mappedRanges(ranges: readonly PmRange[], tr: Transaction): readonly PmRange[] {
  if (ranges.length === 0) return ranges;
  return ranges.map((r) => ({ from: tr.mapping.map(r.from, -1), to: tr.mapping.map(r.to, 1) })).filter((r) => r.to > r.from);
}

// Lines per range when a whole-page result is shown a range at a time: each step redraws about this many lines.
const SHOW_LINES = 30;

/// The document cut into ranges of SHOW_LINES lines: the one holding `at` first, then those after it, then
/// those before it, so the part the editor is at is underlined first.
export function showRanges(doc: PmNode, at: number): PmRange[] {
  const ranges: PmRange[] = [];
  let pos = 0;
  for (let line = 0; line < doc.childCount; line += SHOW_LINES) {
    let end = pos;
    for (let k = line; k < Math.min(doc.childCount, line + SHOW_LINES); k++) end += doc.child(k).nodeSize;
    ranges.push({ from: pos, to: end });
    pos = end;
  }
  const first = Math.max(0, ranges.findIndex((r) => r.from <= at && at <= r.to));
  return [...ranges.slice(first), ...ranges.slice(0, first)];
}

