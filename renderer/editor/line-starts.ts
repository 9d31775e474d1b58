import type { Node as PmNode } from 'prosemirror-model';

/// The document position of each top-level line node (before its opening token).
export function lineStarts(doc: PmNode): number[] {
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset));
  return starts;
}

/// The index of the line that holds position `pos` (the last line starting before it), by binary search on
/// `lineStarts`.
export function lineAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
