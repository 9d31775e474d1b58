/// Plain text: the corrected text (format `text`) or the diplomatic original OCR text (format `original`).
import { withLineEnding } from '../../text/normalize';
import { pageView } from '../page-view';
import { firstCodePoint, lastCodePoint, reflowSeparator } from '../reflow';
import type { ExportContext, ExportPage, PerPageExporter } from '../types';

/// The corrected text of each page, under the page's own path (a layout file page as `<base>.txt`), in UTF-8 with
/// the page's original line ending; with the `paragraphs` option, the lines of a paragraph are joined.
export const correctedTextExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: (page, context) => ({ ok: true, files: [{ path: textPath(page, ''), content: render(page, pageView(page).corrected, context) }] }),
};

/// The original OCR text of each page as it was read (diplomatic), as `<base>.original.txt`.
export const originalTextExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: (page, context) => ({ ok: true, files: [{ path: textPath(page, '.original'), content: render(page, page.originalText, context) }] }),
};

function textPath(page: ExportPage, suffix: string): string {
  if (suffix === '' && page.source.format === 'text') return page.path;
  return `${page.base}${suffix}.txt`;
}

function render(page: ExportPage, text: string, context: ExportContext): string {
  const body = context.options.lineBreaks === 'paragraphs' ? reflow(text) : text;
  return withLineEnding(body, page.source.lineEnding);
}

// Lines of one paragraph (blank-line separated) joined; CJK lines join without a space, others with one. The
// text's own final line breaks stay.
function reflow(text: string): string {
  const body = text.replace(/\n+$/, '');
  return reflowBody(body) + text.slice(body.length);
}

function reflowBody(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').reduce((joined, line) => (joined === '' ? line : joined + reflowSeparator(lastCodePoint(joined), firstCodePoint(line)) + line), ''))
    .join('\n\n');
}
