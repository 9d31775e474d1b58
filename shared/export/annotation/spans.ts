/// The entity spans the annotation-tool exporters write (doccano, Label Studio, brat): each span of a page's view
/// with the text it covers cut from the corrected text, checked to lie inside it.
import { CodePointIndex } from '../../text/codepoints';
import type { PageView } from '../page-view';
import type { ExportPageProblem } from '../types';

/// One span to write: code points [start, end) of the corrected text, its type and the text it covers there.
export interface SpanOut {
  start: number;
  end: number;
  type: string;
  text: string;
}

/// The page's spans in the view's order (by start, longer first), or a problem when one lies outside the text
/// (a sidecar that passed its schema but disagrees with itself; the page is then left out of the format).
export function spansOf(view: PageView, index: CodePointIndex): { ok: true; spans: SpanOut[] } | { ok: false; problem: ExportPageProblem } {
  const spans: SpanOut[] = [];
  for (const entity of view.entities) {
    if (entity.start < 0 || entity.end <= entity.start || entity.end > index.length) {
      return {
        ok: false,
        problem: { code: 'invalid-page', message: `Entity ${entity.id} (${entity.start}–${entity.end}) lies outside the page's text of ${index.length} characters.` },
      };
    }
    const text = index.text.slice(index.toUtf16(entity.start), index.toUtf16(entity.end));
    spans.push({ start: entity.start, end: entity.end, type: entity.type, text });
  }
  return { ok: true, spans };
}
