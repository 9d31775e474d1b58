/// BIO labels over a model's entity types: 0 is O (outside), 1 + 2k is B-type k, 2 + 2k is I-type k.

/// The number of labels for `typeCount` types.
export function labelCount(typeCount: number): number {
  return 1 + 2 * typeCount;
}

/// True when `label` is an I (inside) label.
export function isInside(label: number): boolean {
  return label > 0 && label % 2 === 0;
}

/// True when the label `to` may follow `from` (-1: the start of a sentence): an I only continues a B or I of its
/// own type.
export function allowed(from: number, to: number): boolean {
  if (!isInside(to)) return true;
  return from > 0 && Math.ceil(from / 2) === to / 2;
}

/// One entity span on a sentence: code-point offsets [start, end) and the index of its type.
export interface LabelSpan {
  start: number;
  end: number;
  type: number;
}

/// The BIO labels of a sentence of `length` code points with the given spans (overlapping spans: the first kept).
export function encodeSpans(length: number, spans: readonly LabelSpan[]): Uint8Array {
  const labels = new Uint8Array(length);
  for (const s of spans) {
    if (s.start < 0 || s.end > length || s.end <= s.start) continue;
    let free = true;
    for (let i = s.start; i < s.end; i++) if (labels[i] !== 0) free = false;
    if (!free) continue;
    labels[s.start] = 1 + 2 * s.type;
    for (let i = s.start + 1; i < s.end; i++) labels[i] = 2 + 2 * s.type;
  }
  return labels;
}

/// The spans a label sequence marks (an I without its B starts a span, as a lenient reader would).
export function decodeSpans(labels: ArrayLike<number>): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let open: LabelSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const type = label === 0 ? -1 : Math.ceil(label / 2) - 1;
    if (open && (label === 0 || !isInside(label) || type !== open.type)) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (label !== 0 && open === null) open = { start: i, end: i + 1, type };
  }
  if (open) {
    open.end = labels.length;
    spans.push(open);
  }
  return spans;
}
