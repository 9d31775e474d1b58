import type { Node as PmNode } from 'prosemirror-model';
import { DecorationSet, type Decoration } from 'prosemirror-view';
import { lineAt, lineStarts } from './line-starts';

// The internal constructor of DecorationSet (decorations of this node, and [from, to, set] per child node) and
// Decoration's internal copy, as review-decorations.ts and the confidence underlines use them.
type DecorationSetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;
type Copyable = Decoration & { copy(from: number, to: number): Decoration };

/// The set of `decorations` (document positions) on `doc`, built one line at a time when each lies inside one
/// line; otherwise as `DecorationSet.create` builds it.
///
/// `DecorationSet.create` hands each top-level node the decorations not yet placed, which is slow on a page of
/// thousands of lines with thousands of decorations (a third of a second for 10,000 correction highlights on
/// 5,000 lines); this is linear.
export function lineByLineSet(doc: PmNode, decorations: readonly Decoration[]): DecorationSet {
  if (decorations.length === 0) return DecorationSet.empty;
  const starts = lineStarts(doc);
  const byLine = new Map<number, Decoration[]>();
  for (const decoration of decorations) {
    const line = lineAt(starts, decoration.from);
    const contentStart = starts[line]! + 1;
    const contentEnd = contentStart + doc.child(line).content.size;
    if (decoration.from < contentStart || decoration.to > contentEnd) return DecorationSet.create(doc, [...decorations]);
    let list = byLine.get(line);
    if (!list) byLine.set(line, (list = []));
    // Positions inside the line node's own set start after its opening token.
    list.push((decoration as Copyable).copy(decoration.from - contentStart, decoration.to - contentStart));
  }
  const children: (number | DecorationSet)[] = [];
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const node = doc.child(line);
    children.push(starts[line]!, starts[line]! + node.nodeSize, DecorationSet.create(node, byLine.get(line)!));
  }
  return new (DecorationSet as unknown as DecorationSetConstructor)([], children);
}
