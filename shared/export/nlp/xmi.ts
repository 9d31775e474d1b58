/// UIMA CAS XMI (XML 1.0), as INCEpTION's "UIMA CAS XMI (XML 1.0)" import reads it: one `<base>.xmi` per page
/// with the corrected text as the sofa, DKPro Core DocumentMetaData, Sentence, Token and NamedEntity annotations,
/// and `TypeSystem.xml` beside them.
///
/// Offsets (`begin`/`end`) count UTF-16 code units: a CAS's document text is a Java String, and UIMA annotation
/// offsets index it (UIMA CAS XMI spec; DKPro Cassis converts them to Python code points on load for the same
/// reason). Stored offsets (code points) are converted here, at the format's edge.
import { pageView } from '../page-view';
import type { ExportContext, ExportPage, PerPageExporter } from '../types';
import { codePoints, entityCuts, isTokenCode, sentences, tokens } from './segment';
import { typeSystemXml } from './typesystem';
import { xml10Safe, xmlAttr } from './xml-text';

const NAMESPACES = [
  ['xmi', 'http://www.omg.org/XMI'],
  ['cas', 'http:///uima/cas.ecore'],
  ['tcas', 'http:///uima/tcas.ecore'],
  ['metadata', 'http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore'],
  ['segmentation', 'http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore'],
  ['ner', 'http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore'],
] as const;

/// The XMI exporter: `<base>.xmi` per page, `TypeSystem.xml` once.
export const xmiExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: (page, context) => ({ ok: true, files: [{ path: `${page.base}.xmi`, content: pageXmi(page, context) }] }),
  extraFiles: () => [{ path: 'TypeSystem.xml', content: typeSystemXml() }],
};

/// The XMI document of one page.
export function pageXmi(page: ExportPage, context: ExportContext): string {
  const view = pageView(page);
  const cp = codePoints(view.corrected);
  const u = cp.utf16;
  const safe = xml10Safe(view.corrected);
  // xmi:id 1 is the sofa; annotation ids follow from 2 in document order, so the view's members are 2 … last.
  // The elements are built by appending to one string: V8 keeps it as a rope until it is written, which costs
  // less than an array of 3,000 lines and its join.
  let nextId = 2;
  const fileName = page.path.slice(page.path.lastIndexOf('/') + 1);
  let body =
    `  <metadata:DocumentMetaData xmi:id="${nextId++}" sofa="1" begin="0" end="${u[cp.length]!}" language="x-unspecified" ` +
    `documentTitle="${xmlAttr(fileName)}" documentId="${xmlAttr(page.path)}" isLastSegment="false"/>\n`;
  const cuts = entityCuts(view.entities);
  for (const sentence of sentences(cp, view.entities)) {
    body += `  <segmentation:Sentence xmi:id="${nextId++}" sofa="1" begin="${u[sentence.start]!}" end="${u[sentence.end]!}"/>\n`;
    // Tokens are most of the file: one template each, no closure call.
    for (const token of tokens(cp, sentence, cuts)) {
      body += `  <segmentation:Token xmi:id="${nextId++}" sofa="1" begin="${u[token.start]!}" end="${u[token.end]!}"/>\n`;
    }
  }
  // An entity is trimmed to its first and last token character, as WebAnno TSV must: INCEpTION anchors named
  // entities to tokens and flags annotations that start or end on whitespace. One over whitespace only is left out.
  for (const span of view.entities) {
    let start = span.start;
    let end = Math.min(span.end, cp.length);
    while (start < end && !isTokenCode(cp.codes[start]!)) start++;
    while (end > start && !isTokenCode(cp.codes[end - 1]!)) end--;
    if (start >= end) continue;
    body += `  <ner:NamedEntity xmi:id="${nextId++}" sofa="1" begin="${u[start]!}" end="${u[end]!}" value="${xmlAttr(span.type)}"/>\n`;
  }
  let members = '2';
  for (let id = 3; id < nextId; id++) members += ` ${id}`;
  const namespaces = NAMESPACES.map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(' ');
  const note =
    safe.replaced > 0
      ? `  <!-- Jiaodui: ${safe.replaced} character(s) XML 1.0 cannot hold were written as U+FFFD (offsets unchanged) -->\n`
      : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<!-- Exported by Jiaodui ${xmlComment(context.appVersion)} at ${xmlComment(context.startedAt)} from ${xmlComment(page.path)} -->\n` +
    `<xmi:XMI ${namespaces} xmi:version="2.0">\n` +
    note +
    '  <cas:NULL xmi:id="0"/>\n' +
    body +
    `  <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="${xmlAttr(safe.text)}"/>\n` +
    `  <cas:View sofa="1" members="${members}"/>\n` +
    '</xmi:XMI>\n'
  );
}

// A comment must not contain "--" nor end in "-".
function xmlComment(text: string): string {
  return xml10Safe(text).text.replace(/-(?=-)/gu, '- ').replace(/-$/u, '- ');
}
