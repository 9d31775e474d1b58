import type { Node as PmNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ruleKind, type ReviewItem } from './review-items';
import { lineAt, lineStarts } from '../editor/line-starts';

/// What each suggestion decoration carries in its `spec`: the id of its review item.
export interface SuggestionDecorationSpec {
  id: number;
}

/// One piece of a suggestion's decoration, inside one line: an inline range, or a widget where the range is empty.
interface Piece {
  line: number;
  from: number;
  to: number;
  attrs: Record<string, string>;
  spec: SuggestionDecorationSpec;
}

/// The decorations of a list of review items on `doc`.
///
/// A character fix gets a wavy underline (`sugg-character`), a spacing or punctuation fix a dotted box
/// (`sugg-typography`), both with the rule in a `sugg-rule-…` class; a layout repair (`sugg-layout`) covers every
/// line it would join and draws a bar in the margin beside them. An empty range (an insertion, or a blank line in
/// a layout repair) is a small widget. The current item also gets `sugg-current`.
///
/// Every piece lies inside one line, and each line's set is built on the line alone and then joined, which is
/// linear in the page: `DecorationSet.create` is quadratic in lines × decorations (seconds on a 14,000-line page).
export function itemDecorations(doc: PmNode, items: readonly ReviewItem[], currentId: number | null): DecorationSet {
  const starts = lineStarts(doc);
  const byLine = new Map<number, Piece[]>();
  for (const item of items) {
    for (const piece of piecesOf(doc, starts, item, item.id === currentId)) {
      let list = byLine.get(piece.line);
      if (!list) byLine.set(piece.line, (list = []));
      list.push(piece);
    }
  }
  if (byLine.size === 0) return DecorationSet.empty;
  const children: (number | DecorationSet)[] = [];
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const offset = starts[line]!;
    const node = doc.child(line);
    // Positions inside the line node's own set start after its opening token.
    const local = byLine.get(line)!.map((piece) => decorationOf(piece, offset + 1));
    children.push(offset, offset + node.nodeSize, DecorationSet.create(node, local));
  }
  return new (DecorationSet as unknown as DecorationSetConstructor)([], children);
}

// The internal constructor of DecorationSet: decorations of this node, and [from, to, set] per child node. The
// confidence underlines (renderer/scan/confidence-plugin.ts) build their set the same way, checked by a test.
type DecorationSetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/// Replaces the decorations of the items with the given ids (for example the old and the new current item).
export function refreshItemDecorations(
  set: DecorationSet,
  doc: PmNode,
  items: readonly ReviewItem[],
  ids: readonly (number | null)[],
  currentId: number | null,
): DecorationSet {
  const wanted = new Set(ids.filter((id): id is number => id !== null));
  if (wanted.size === 0) return set;
  const starts = lineStarts(doc);
  const fresh = items.filter((item) => wanted.has(item.id));
  const stale = fresh.flatMap((item) => set.find(item.from, item.to, (spec) => (spec as SuggestionDecorationSpec).id === item.id));
  const decorations = fresh.flatMap((item) => piecesOf(doc, starts, item, item.id === currentId).map((piece) => decorationOf(piece, 0)));
  return set.remove(stale).add(doc, decorations);
}

/// Removes the decorations of the given items, looking only in their ranges.
export function removeItemDecorations(set: DecorationSet, items: readonly Pick<ReviewItem, 'id' | 'from' | 'to'>[]): DecorationSet {
  if (items.length === 0) return set;
  const ids = new Set(items.map((item) => item.id));
  const stale = items.flatMap((item) => set.find(item.from, item.to, (spec) => ids.has((spec as SuggestionDecorationSpec).id)));
  return stale.length > 0 ? set.remove(stale) : set;
}

/// The text between two positions, lines joined with LF, read from the lines alone.
///
/// `doc.textBetween` walks the document's children from the first to find where to start, which on a
/// 14,000-line page costs more than the text itself.
export function rangeText(doc: PmNode, starts: readonly number[], from: number, to: number): string {
  const first = lineAt(starts, from);
  const last = lineAt(starts, to);
  const parts: string[] = [];
  for (let line = first; line <= last; line++) {
    const node = doc.child(line);
    const contentStart = starts[line]! + 1;
    parts.push(node.textBetween(Math.max(0, from - contentStart), Math.min(node.content.size, to - contentStart)));
  }
  return parts.join('\n');
}


function piecesOf(doc: PmNode, starts: readonly number[], item: ReviewItem, current: boolean): Piece[] {
  const spec: SuggestionDecorationSpec = { id: item.id };
  const kind = ruleKind(item.rule);
  const title = `${clipped(item.text)} → ${clipped(item.replacement) || '∅'}: ${item.explanation}`;
  const attrs = { class: `sugg sugg-${kind} sugg-rule-${item.rule}${current ? ' sugg-current' : ''}`, title, 'data-suggestion': String(item.id) };
  const pieces: Piece[] = [];
  const first = lineAt(starts, item.from);
  const last = lineAt(starts, item.to);
  for (let line = first; line <= last; line++) {
    const contentStart = starts[line]! + 1;
    const contentEnd = contentStart + doc.child(line).content.size;
    const from = Math.max(item.from, contentStart);
    const to = Math.min(item.to, contentEnd);
    if (to > from) pieces.push({ line, from, to, attrs, spec });
    // An empty range, or a blank line inside a layout repair: a widget, so the spot (or the bar) shows.
    else if (item.from === item.to || (kind === 'layout' && contentStart === contentEnd)) pieces.push({ line, from, to: from, attrs, spec });
  }
  return pieces;
}

// A tooltip shows at most this many characters of each side: a reflow of a long page spans hundreds of lines, and
// its whole text on each of its thousands of spans once made the page's DOM 250 MB and crashed the renderer.
const TITLE_CHARS = 40;

function clipped(text: string): string {
  const chars = [...text.replace(/\n/g, '↵')];
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join('')}…` : chars.join('');
}

function decorationOf(piece: Piece, offset: number): Decoration {
  if (piece.to > piece.from) return Decoration.inline(piece.from - offset, piece.to - offset, piece.attrs, piece.spec);
  const { attrs } = piece;
  return Decoration.widget(
    piece.from - offset,
    (view) => {
      const marker = view.dom.ownerDocument.createElement('span');
      marker.className = `${attrs.class} sugg-insert`;
      marker.title = attrs.title!;
      marker.setAttribute('data-suggestion', attrs['data-suggestion']!);
      return marker;
    },
    { ...piece.spec, key: `sugg:${attrs['data-suggestion']}:${attrs.class}`, side: -1, ignoreSelection: true },
  );
}
