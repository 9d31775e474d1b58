/// UIMA CAS XMI (XML 1.0), as INCEpTION's "UIMA CAS XMI (XML 1.0)" import reads it: one `<base>.xmi` per page
/// with the corrected text as the sofa, DKPro Core DocumentMetaData, Sentence, Token and NamedEntity annotations,
/// and `TypeSystem.xml` beside them.
///
/// Offsets (`begin`/`end`) count UTF-16 code units: a CAS's document text is a Java String, and UIMA annotation
/// offsets index it (UIMA CAS XMI spec; DKPro Cassis converts them to Python code points on load for the same
/// reason). Stored offsets (code points) are converted here, at the format's edge.
///
/// The file is built as UTF-8 bytes (see ByteOut): a Token element per Han character makes about 230 KB a page.
import { ByteOut, piece, putDigits, putWords, wordPiece } from '../byte-out';
import { pageView } from '../page-view';
import type { ExportContext, ExportedBytes, ExportPage, PerPageExporter } from '../types';
import { codePoints, entityCuts, isTokenCode, sentences, tokenBounds } from './segment';
import { typeSystemXml } from './typesystem';
import { xml10Safe, xmlAttr } from './xml-text';

// Prefixes are the document's own choice: UIMA's XmiCasDeserializer and DKPro Cassis resolve a type by its
// namespace URI, not its prefix. Short ones save bytes on every Token (about 3,000 a page). Two are fixed: `xmi`,
// since UIMA reads the id attribute by its qualified name "xmi:id", and no other prefix may start with "xmi",
// since UIMA skips elements whose qualified name does.
const NAMESPACES = [
  ['xmi', 'http://www.omg.org/XMI'],
  ['cas', 'http:///uima/cas.ecore'],
  ['tcas', 'http:///uima/tcas.ecore'],
  ['metadata', 'http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore'],
  ['s', 'http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore'],
  ['ner', 'http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore'],
] as const;

/// The XMI exporter: `<base>.xmi` per page, `TypeSystem.xml` once.
export const xmiExporter: PerPageExporter<ExportedBytes> = {
  kind: 'per-page',
  exportPage: (page, context) => ({ ok: true, files: [{ path: `${page.base}.xmi`, content: writePage(page, context), transient: true }] }),
  extraFiles: () => [{ path: 'TypeSystem.xml', content: typeSystemXml() }],
};

const decoder = new TextDecoder();

/// The XMI document of one page, as text.
export function pageXmi(page: ExportPage, context: ExportContext): string {
  return decoder.decode(pageXmiBytes(page, context));
}

// The markup every element repeats, encoded once. An element's closing `"/>` and line end are written with the
// start of the next one, as one piece.
const SENTENCE = wordPiece('<s:Sentence xmi:id="');
const CLOSE_SENTENCE = wordPiece('"/>\n<s:Sentence xmi:id="');
const CLOSE_TOKEN = wordPiece('"/>\n<s:Token xmi:id="');
const BEGIN = wordPiece('" sofa="1" begin="');
const END = wordPiece('" end="');
const ENTITY = piece('<ner:NamedEntity xmi:id="');
const ENTITY_BEGIN = piece('" sofa="1" begin="');
const ENTITY_END = piece('" end="');
const CLOSE = piece('"/>\n');
const VALUE = piece('" value="');
// The most bytes one Token element takes (three numbers of up to 10 digits).
const TOKEN_MAX = 4 * (CLOSE_TOKEN.words.length + BEGIN.words.length + END.words.length + 3) + 30;

// The buffer every page of this thread is written into: cheaper than a fresh buffer a page (see ByteOut.reset).
// Pages are made one at a time, synchronously; the exporter hands out a view of it (a transient file).
const scratch = new ByteOut(1 << 18);

/// The XMI document of one page, as UTF-8 bytes.
export function pageXmiBytes(page: ExportPage, context: ExportContext): Uint8Array {
  return writePage(page, context).slice();
}

// The XMI document of one page, as a view of the scratch buffer (valid until the next page is written).
function writePage(page: ExportPage, context: ExportContext): Uint8Array {
  const view = pageView(page);
  const cp = codePoints(view.corrected);
  const u = cp.utf16;
  const safe = xml10Safe(view.corrected);
  const namespaces = NAMESPACES.map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(' ');
  const note =
    safe.replaced > 0
      ? `<!-- Jiaodui: ${safe.replaced} character(s) XML 1.0 cannot hold were written as U+FFFD (offsets unchanged) -->\n`
      : '';
  const fileName = page.path.slice(page.path.lastIndexOf('/') + 1);
  const out = scratch;
  out.reset();
  out.text(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<!-- Exported by Jiaodui ${xmlComment(context.appVersion)} at ${xmlComment(context.startedAt)} from ${xmlComment(page.path)} -->\n` +
      `<xmi:XMI ${namespaces} xmi:version="2.0">\n` +
      note +
      '<cas:NULL xmi:id="0"/>\n',
  );
  // xmi:id 1 is the sofa; annotation ids follow from 2 in document order, so the view's members are 2 … last.
  let nextId = 2;
  out.text(
    `<metadata:DocumentMetaData xmi:id="${nextId++}" sofa="1" begin="0" end="${u[cp.length]!}" language="x-unspecified" ` +
      `documentTitle="${xmlAttr(fileName)}" documentId="${xmlAttr(page.path)}" isLastSegment="false"/>\n`,
  );
  const cuts = entityCuts(view.entities);
  let first = true;
  for (const sentence of sentences(cp, view.entities)) {
    const { at: bounds, count } = tokenBounds(cp, sentence, cuts);
    // Written straight into the buffer: one check of the room for the sentence and its tokens.
    const buf = out.reserve(TOKEN_MAX * (count + 1));
    const memory = out.view();
    let at = putWords(memory, buf, out.size, first ? SENTENCE : CLOSE_SENTENCE);
    first = false;
    at = putDigits(memory, buf, at, nextId++);
    at = putWords(memory, buf, at, BEGIN);
    at = putDigits(memory, buf, at, u[sentence.start]!);
    at = putWords(memory, buf, at, END);
    at = putDigits(memory, buf, at, u[sentence.end]!);
    for (let k = 0; k < 2 * count; k += 2) {
      at = putWords(memory, buf, at, CLOSE_TOKEN);
      at = putDigits(memory, buf, at, nextId++);
      at = putWords(memory, buf, at, BEGIN);
      at = putDigits(memory, buf, at, u[bounds[k]!]!);
      at = putWords(memory, buf, at, END);
      at = putDigits(memory, buf, at, u[bounds[k + 1]!]!);
    }
    out.advance(at);
  }
  if (!first) out.piece(CLOSE);
  // An entity is trimmed to its first and last token character, as WebAnno TSV must: INCEpTION anchors named
  // entities to tokens and flags annotations that start or end on whitespace. One over whitespace only is left out.
  for (const span of view.entities) {
    let start = span.start;
    let end = Math.min(span.end, cp.length);
    while (start < end && !isTokenCode(cp.codes[start]!)) start++;
    while (end > start && !isTokenCode(cp.codes[end - 1]!)) end--;
    if (start >= end) continue;
    out.piece(ENTITY);
    out.int(nextId++);
    out.piece(ENTITY_BEGIN);
    out.int(u[start]!);
    out.piece(ENTITY_END);
    out.int(u[end]!);
    out.piece(VALUE);
    out.text(xmlAttr(span.type));
    out.piece(CLOSE);
  }
  out.text(`<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="${xmlAttr(safe.text)}"/>\n<cas:View sofa="1" members="2`);
  // The members 3 … last, each after a space: up to 11 bytes each, and room for putDigits' last store.
  const buf = out.reserve(12 * nextId);
  const memory = out.view();
  let at = out.size;
  for (let id = 3; id < nextId; id++) {
    buf[at++] = 0x20;
    at = putDigits(memory, buf, at, id);
  }
  out.advance(at);
  out.text('"/>\n</xmi:XMI>\n');
  return out.bytes();
}

// A comment must not contain "--" nor end in "-".
function xmlComment(text: string): string {
  return xml10Safe(text).text.replace(/-(?=-)/gu, '- ').replace(/-$/u, '- ');
}
