import { Fragment, type Node as PmNode } from 'prosemirror-model';
import type { EntitySpan } from '../../shared/model/sidecar-schema';
import { spanProblem } from '../../shared/entities/spans';
import { CodePointIndex } from '../../shared/text/codepoints';
import { editorSchema } from '../editor/schema';
import { lineStartCp, pmPosToCp, textFromDoc } from '../editor/text-doc';
import { entityMark } from './entity-commands';
import { entitiesOf } from './entity-index';

/// A document with the sidecar's spans put on it as entity marks, and the spans that could not be placed.
export interface PlacedSpans {
  doc: PmNode;
  /// Spans that do not fit the text (empty, past its end, or quoting other text), with the reason.
  refused: { span: EntitySpan; message: string }[];
}

/// Puts spans (code points on the page text) on a document as entity marks.
///
/// Each span is checked against the text first; one that does not fit is returned in `refused` rather than
/// placed somewhere wrong. Types are kept as they are, known to the tag set or not. The lines are built once
/// with their marks (outer entities first, see `addEntityMark`), so opening a page with thousands of entities
/// costs one pass over its lines instead of one document rebuild per entity.
export function placeSpans(doc: PmNode, spans: readonly EntitySpan[]): PlacedSpans {
  if (spans.length === 0) return { doc, refused: [] };
  const text = textFromDoc(doc);
  const index = new CodePointIndex(text);
  const refused: PlacedSpans['refused'] = [];
  const seen = new Set<string>();
  const good: EntitySpan[] = [];
  for (const span of spans) {
    const problem = seen.has(span.id) ? `The entity id "${span.id}" is used twice.` : spanProblem(span, text, index);
    if (problem !== undefined) refused.push({ span, message: problem });
    else {
      seen.add(span.id);
      good.push(span);
    }
  }
  good.sort((a, b) => a.start - b.start || b.end - a.end);
  const lineStarts: number[] = [];
  doc.forEach((_line, _offset, i) => lineStarts.push(lineStartCp(doc, i)));
  const perLine = new Map<number, EntitySpan[]>();
  for (const span of good) {
    for (let i = lastAtOrBelow(lineStarts, span.start); i < lineStarts.length && lineStarts[i]! < span.end; i++) {
      const list = perLine.get(i);
      if (list) list.push(span);
      else perLine.set(i, [span]);
    }
  }
  const lines: PmNode[] = [];
  doc.forEach((line, _offset, i) => {
    const list = perLine.get(i);
    lines.push(list ? markedLine(line, lineStarts[i]!, list) : line);
  });
  return { doc: doc.copy(Fragment.from(lines)), refused };
}

// One line rebuilt as text nodes cut at every span edge, each carrying the marks of the spans covering it.
function markedLine(line: PmNode, lineStart: number, spans: readonly EntitySpan[]): PmNode {
  const lineText = line.textContent;
  const index = new CodePointIndex(lineText);
  const cuts = new Set<number>([0, index.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, s.start - lineStart));
    cuts.add(Math.min(index.length, s.end - lineStart));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: PmNode[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    if (to <= from) continue;
    const marks = spans.filter((s) => s.start - lineStart <= from && s.end - lineStart >= to).map((s) => entityMark(s.id, s.type));
    nodes.push(editorSchema.text(lineText.slice(index.toUtf16(from), index.toUtf16(to)), marks));
  }
  return line.copy(Fragment.from(nodes));
}

function lastAtOrBelow(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/// The entities of a document as sidecar spans: code points on the page text, with the covered text quoted.
export function spansOf(doc: PmNode): EntitySpan[] {
  const entities = entitiesOf(doc);
  if (entities.length === 0) return [];
  const text = textFromDoc(doc);
  const index = new CodePointIndex(text);
  return entities.map((e) => {
    const start = pmPosToCp(doc, e.from);
    const end = pmPosToCp(doc, e.to);
    return { id: e.id, start, end, type: e.type, text: text.slice(index.toUtf16(start), index.toUtf16(end)) };
  });
}
