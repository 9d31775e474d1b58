/// W3C Web Annotation JSON-LD export (format `web-annotation`): per page `<base>.annotations.jsonld`, a JSON array
/// of annotations, one per entity, each tagging its span with the entity type; and `<base>.annotations.txt`, the
/// corrected text the selectors refer to (UTF-8, LF line breaks, exactly the text the positions count in).
///
/// A plain array because that is what annotation tools load as a file (Recogito's and Annotorious'
/// `loadAnnotations(url)` and `setAnnotations(list)` take an array); it is valid JSON-LD, each annotation
/// carrying the anno.jsonld context. `target.source` is the text file, not the page file: the positions are on the
/// corrected text, which the page file (the original OCR) does not hold.
import { CodePointIndex } from '../../text/codepoints';
import { pageView } from '../page-view';
import type { ExportContext, ExportPage, PageExportResult, PerPageExporter } from '../types';
import { annotationFor, iriPart, type AnnotationFrame } from './annotation';

/// The per-page exporter registered as `web-annotation`.
export const webAnnotationExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: exportWebAnnotations,
};

/// The two files for `page`, or a problem when a span does not quote the corrected text (a sidecar that passed
/// the consistency check never has one; the page is left out rather than exported with wrong anchors).
export function exportWebAnnotations(page: ExportPage, context: ExportContext): PageExportResult {
  const view = pageView(page);
  const index = new CodePointIndex(view.corrected);
  const fileBase = page.base.slice(page.base.lastIndexOf('/') + 1);
  const frame: AnnotationFrame = {
    annotationFile: iriPart(`${fileBase}.annotations.jsonld`),
    source: iriPart(`${fileBase}.annotations.txt`),
    generatorName: `Jiaodui ${context.appVersion}`,
    generated: context.startedAt,
  };
  for (const span of view.entities) {
    if (span.end <= span.start || span.end > index.length || view.corrected.slice(index.toUtf16(span.start), index.toUtf16(span.end)) !== span.text) {
      return {
        ok: false,
        problem: { code: 'invalid-page', message: `The entity "${span.text}" (${span.type}, ${span.start}–${span.end}) does not quote the corrected text of ${page.path}.` },
      };
    }
  }
  const annotations = view.entities.map((span) => annotationFor(span, index, frame));
  return {
    ok: true,
    files: [
      // One annotation a line: readable and diffable, and several times faster to write than indented JSON.
      { path: `${page.base}.annotations.jsonld`, content: annotations.length === 0 ? '[]\n' : `[\n${annotations.map((a) => JSON.stringify(a)).join(',\n')}\n]\n` },
      { path: `${page.base}.annotations.txt`, content: view.corrected },
    ],
  };
}
