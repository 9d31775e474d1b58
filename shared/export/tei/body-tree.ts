/// The structure of a page's TEI body before it is written: paragraphs, each holding corrections (`<choice>`) and
/// entity elements nested as XML needs them.
///
/// Offsets here are UTF-16 indexes into the corrected text (for a `<sic>`, into the arranged original): the
/// code-point offsets the sidecar stores are converted once, on the way in, so astral characters (𠮷) are never
/// cut. The rules that make any set of spans well-formed:
/// - Paragraphs are split at each blank line ("\n\n") of unchanged text; a span across a paragraph break is cut
///   there (the break's characters belong to no paragraph).
/// - A correction is never cut. An entity that covers a whole correction holds its `<choice>`; an entity inside a
///   correction's corrected text goes inside `<corr>`; an entity with one edge inside a correction is cut at the
///   correction's edge, so the part inside the correction sits in `<corr>` and the entity keeps exactly its
///   characters in the corrected reading. A deletion (empty `<corr>`) at an entity's edge stays outside it.
/// - Entities that overlap without nesting: the later one (by start, longer first at the same start) is cut at the
///   earlier one's edge. Pieces of one entity are linked with `@xml:id`, `@next` and `@prev` by the renderer.
import { CodePointIndex, cpLength } from '../../text/codepoints';
import type { PageView } from '../page-view';

/// One piece of an entity span (the whole span when it did not need cutting).
export interface EntityPiece {
  kind: 'entity';
  start: number;
  end: number;
  type: string;
  /// The entity's position among the page's sorted entities.
  entity: number;
  children: BodyNode[];
}

/// One correction: corrected text [start, end) of the page, original text [sicStart, sicEnd) of the arranged original.
export interface ChoiceNode {
  kind: 'choice';
  start: number;
  end: number;
  sicStart: number;
  sicEnd: number;
  rule: string | undefined;
  /// The entities (or pieces) inside the corrected text.
  children: BodyNode[];
}

/// An element of the body inside a paragraph.
export type BodyNode = EntityPiece | ChoiceNode;

/// One paragraph: corrected text [start, end) and the elements in it, in order.
export interface Paragraph {
  start: number;
  end: number;
  children: BodyNode[];
}

/// The page's body, ready to be written.
export interface BodyTree {
  corrected: string;
  arranged: string;
  paragraphs: Paragraph[];
  /// For each entity (by position in the view's sorted list), the number of pieces it was cut into.
  pieceCounts: number[];
}

/// The body of `view`, or why it cannot be built (corrections or entities that do not fit the text).
export function buildBodyTree(view: PageView): { ok: true; tree: BodyTree } | { ok: false; message: string } {
  const choices = choiceNodes(view);
  if (typeof choices === 'string') return { ok: false, message: choices };
  const corrected = view.corrected;
  const text = new CodePointIndex(corrected);
  const ranges: [number, number][] = [];
  for (const [entity, span] of view.entities.entries()) {
    if (!(span.start < span.end && span.end <= text.length)) {
      return { ok: false, message: `entity ${entity + 1} (${span.start}–${span.end}, ${span.type}) lies outside the corrected text` };
    }
    ranges.push([text.toUtf16(span.start), text.toUtf16(span.end)]);
  }
  // An entity made of line breaks only could fall inside a blank line and so in no paragraph: that blank line
  // stays inside its paragraph (as two <lb/>) instead.
  const breaksOnly = ranges.filter(([start, end]) => /^\n+$/.test(corrected.slice(start, end)));
  const paragraphs = paragraphRanges(corrected, choices, (at) => breaksOnly.some(([start, end]) => start >= at && end <= at + 2));
  const pieceCounts: number[] = [];
  const accepted: EntityPiece[][] = paragraphs.map(() => []);
  for (const [entity, span] of view.entities.entries()) {
    const [start, end] = ranges[entity]!;
    let count = 0;
    // From the first paragraph that ends after the span starts (a binary search: pages can have thousands).
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid]!.end < start) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < paragraphs.length && paragraphs[p]!.start < end; p++) {
      const paragraph = paragraphs[p]!;
      const from = Math.max(start, paragraph.start);
      const to = Math.min(end, paragraph.end);
      if (from >= to) continue;
      for (const piece of cutAtChoices(from, to, choices)) {
        for (const part of cutAtCrossings({ kind: 'entity', start: piece[0], end: piece[1], type: span.type, entity, children: [] }, accepted[p]!)) {
          accepted[p]!.push(part);
          count++;
        }
      }
    }
    pieceCounts.push(count);
  }
  // Paragraphs are disjoint with a two-character gap, so each correction falls in exactly one, in order.
  let next = 0;
  for (const [p, paragraph] of paragraphs.entries()) {
    const inside: ChoiceNode[] = [];
    while (next < choices.length && choices[next]!.end <= paragraph.end) inside.push(choices[next++]!);
    paragraph.children = nest([...inside, ...accepted[p]!]);
  }
  return { ok: true, tree: { corrected, arranged: view.arranged, paragraphs, pieceCounts } };
}

// The corrections as choice nodes on UTF-16 indexes, checked against both texts; or what does not match.
function choiceNodes(view: PageView): ChoiceNode[] | string {
  const arranged = new CodePointIndex(view.arranged);
  const corrected = new CodePointIndex(view.corrected);
  const nodes: ChoiceNode[] = [];
  let shift = 0;
  let previousEnd = 0;
  let previousCorrectedEnd = 0;
  for (const [i, c] of view.corrections.entries()) {
    if (c.start < previousEnd || c.end < c.start || c.end > arranged.length) return `correction ${i + 1} (${c.start}–${c.end}) overlaps another or lies outside the original text`;
    const sicStart = arranged.toUtf16(c.start);
    const sicEnd = arranged.toUtf16(c.end);
    const correctedStart = c.start + shift;
    const correctedLength = cpLength(c.corrected);
    if (correctedStart + correctedLength > corrected.length) return `correction ${i + 1} reaches past the end of the corrected text`;
    const start = corrected.toUtf16(correctedStart);
    const end = corrected.toUtf16(correctedStart + correctedLength);
    const unchangedBefore = view.arranged.slice(arranged.toUtf16(previousEnd), sicStart) === view.corrected.slice(previousCorrectedEnd, start);
    if (!unchangedBefore || view.arranged.slice(sicStart, sicEnd) !== c.original || view.corrected.slice(start, end) !== c.corrected) {
      return `correction ${i + 1} (${c.start}–${c.end}) does not match the page's original and corrected text`;
    }
    nodes.push({ kind: 'choice', start, end, sicStart, sicEnd, rule: c.rule, children: [] });
    shift += correctedLength - (c.end - c.start);
    previousEnd = c.end;
    previousCorrectedEnd = end;
  }
  if (view.arranged.slice(arranged.toUtf16(previousEnd)) !== view.corrected.slice(previousCorrectedEnd)) {
    return 'the corrections do not turn the original text into the corrected text';
  }
  return nodes;
}

// Paragraph ranges: the corrected text split at each "\n\n" that lies in unchanged text, left to right, except
// where `keep` says the blank line must stay.
function paragraphRanges(text: string, choices: readonly ChoiceNode[], keep: (at: number) => boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  let plainFrom = 0;
  for (const [plainTo, next] of [...choices.map((c) => [c.start, c.end] as const), [text.length, text.length] as const]) {
    // Searched in a slice of its own, so the work stays linear however many corrections the page has.
    const plain = text.slice(plainFrom, plainTo);
    for (let at = plain.indexOf('\n\n'); at !== -1; at = plain.indexOf('\n\n', at + 2)) {
      if (keep(plainFrom + at)) continue;
      paragraphs.push({ start, end: plainFrom + at, children: [] });
      start = plainFrom + at + 2;
    }
    plainFrom = next;
  }
  paragraphs.push({ start, end: text.length, children: [] });
  return paragraphs;
}

// [from, to) cut where one of its edges falls strictly inside a correction it only partly covers.
function cutAtChoices(from: number, to: number, choices: readonly ChoiceNode[]): [number, number][] {
  const cuts: number[] = [];
  let lo = 0;
  let hi = choices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (choices[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < choices.length && choices[i]!.start < to; i++) {
    const c = choices[i]!;
    const contains = from <= c.start && c.end <= to;
    const inside = c.start <= from && to <= c.end;
    if (contains || inside) continue;
    if (from < c.start) cuts.push(c.start);
    if (c.end < to) cuts.push(c.end);
  }
  const edges = [from, ...cuts, to];
  return edges.slice(1).map((end, i) => [edges[i]!, end]);
}

// `piece` cut at the edges of every accepted piece it crosses (overlaps without either holding the other).
function cutAtCrossings(piece: EntityPiece, accepted: readonly EntityPiece[]): EntityPiece[] {
  const pending = [piece];
  const done: EntityPiece[] = [];
  while (pending.length > 0) {
    const p = pending.pop()!;
    const crossing = accepted.find((q) => (q.start < p.start && p.start < q.end && q.end < p.end) || (p.start < q.start && q.start < p.end && p.end < q.end));
    if (!crossing) {
      done.push(p);
      continue;
    }
    const at = crossing.start < p.start ? crossing.end : crossing.start;
    pending.push({ ...p, start: at, children: [] }, { ...p, end: at, children: [] });
  }
  return done.sort((a, b) => a.start - b.start);
}

// The nodes of one paragraph as a forest: sorted so that an enclosing node comes before what it holds (a
// deletion, which has no width, before a span starting at the same place, so it stays outside it; an entity
// before a correction with the same range, so it holds it), then nested with a stack.
function nest(nodes: BodyNode[]): BodyNode[] {
  const rank = (n: BodyNode): number => (n.kind === 'entity' ? 0 : 1);
  const order = (n: BodyNode): number => (n.kind === 'entity' ? n.entity : 0);
  nodes.sort((a, b) => a.start - b.start || Number(b.start === b.end) - Number(a.start === a.end) || b.end - a.end || rank(a) - rank(b) || order(a) - order(b));
  const roots: BodyNode[] = [];
  const stack: BodyNode[] = [];
  for (const node of nodes) {
    while (stack.length > 0 && stack.at(-1)!.end <= node.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && node.end > parent.end) throw new Error(`TEI body: ${node.kind} ${node.start}–${node.end} crosses ${parent.kind} ${parent.start}–${parent.end}`);
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}
