/// TEI P5 export: one `<TEI>` document per page (`<base>.tei.xml`), or one `teiCorpus` document for the whole
/// selection (`corpus.tei.xml`) holding each page as a `<TEI>` with its own header, written page by page.
///
/// Each page's body is a `<div type="page">` opened by `<pb/>` (with `@facs` naming the scan when there is one),
/// then the page's paragraphs (see body-tree.ts and body-render.ts for corrections, entities and line breaks).
import { pageView } from '../page-view';
import type { CollectionExporter, ExportContext, ExportPage, ExportPageProblem, PerPageExporter } from '../types';
import { buildBodyTree } from './body-tree';
import { renderBody } from './body-render';
import { corpusHeader, pageHeader } from './header';
import { escapeAttribute, pathToUri } from './xml-text';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/// The `<TEI>` element of one page, every line indented by `indent`; `idPrefix` keeps its `xml:id`s unique in a
/// document holding several pages; `attributes` goes on the `<TEI>` start tag (the namespace, when it stands alone).
export function teiPageElement(page: ExportPage, context: ExportContext, indent: string, idPrefix: string, attributes: string): { ok: true; xml: string } | { ok: false; problem: ExportPageProblem } {
  const view = pageView(page);
  let paragraphs: string[];
  try {
    const built = buildBodyTree(view);
    if (!built.ok) return { ok: false, problem: { code: 'invalid-page', message: `${page.path}: ${built.message}` } };
    paragraphs = renderBody(built.tree, { lineBreaks: context.options.lineBreaks, idPrefix });
  } catch (error) {
    // The tree builder refuses to write elements that would cross (a bug, never seen in the property tests): the
    // page is reported, not written wrong, and the export goes on.
    return { ok: false, problem: { code: 'invalid-page', message: `${page.path}: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const facs = page.scan === null ? '' : ` facs="${escapeAttribute(pathToUri(page.scan))}"`;
  const lines = [
    `<TEI${attributes}>`,
    pageHeader(page, view.status, context, '  '),
    '  <text>',
    '    <body>',
    `      <div type="page" n="${escapeAttribute(page.path)}">`,
    `        <pb${facs} n="${escapeAttribute(page.path)}"/>`,
    ...paragraphs.map((p) => `        ${p}`),
    '      </div>',
    '    </body>',
    '  </text>',
    '</TEI>',
  ];
  return { ok: true, xml: lines.map((line) => indent + line).join('\n') };
}

/// One TEI document per page, as `<base>.tei.xml`.
export const teiPerPageExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage(page, context) {
    const element = teiPageElement(page, context, '', '', ` xmlns="${TEI_NS}"`);
    if (!element.ok) return element;
    return { ok: true, files: [{ path: `${page.base}.tei.xml`, content: `${XML_DECLARATION}\n${element.xml}\n` }] };
  },
};

/// One `teiCorpus` document for the selection, as `corpus.tei.xml`: a header for the export, then each page as a
/// `<TEI>` with its own header. (TEI requires at least one page in a `teiCorpus`: an export of no pages gives a file
/// the schema rejects, so the caller should not start one.)
export const teiCorpusExporter: CollectionExporter = {
  kind: 'collection',
  fileName: () => 'corpus.tei.xml',
  start: (context) => `${XML_DECLARATION}\n<teiCorpus xmlns="${TEI_NS}">\n${corpusHeader(context, '  ')}\n`,
  page(page, index, context) {
    const element = teiPageElement(page, context, '  ', `p${index + 1}.`, ` n="${escapeAttribute(page.path)}"`);
    return element.ok ? { ok: true, chunk: `${element.xml}\n` } : element;
  },
  end: () => '</teiCorpus>\n',
};
