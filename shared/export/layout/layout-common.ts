/// What the three layout exporters share: which pages they apply to, matching the file's elements with the
/// imported lines and words, and the bits every corrected file gets (UTF-8 declaration, entity lookup).
import type { LayoutFormat, LayoutLine, LayoutPage } from '../../layout/types';
import { cpLength } from '../../text/codepoints';
import type { EntitySpan } from '../../model/sidecar-schema';
import type { ExportContext, ExportPage, ExportPageProblem, PageExportResult } from '../types';
import type { SourceLine } from './word-realign';
import { decodeXmlText, type PosElement } from './xml-scan';

const SOURCE_FORMAT: Record<LayoutFormat, ExportPage['source']['format']> = { alto: 'alto', hocr: 'hocr', page: 'page-xml' };
const FORMAT_NAME: Record<LayoutFormat, string> = { alto: 'ALTO', hocr: 'hOCR', page: 'PAGE XML' };

/// The page's layout file and its import, or why the page has no `format` file to correct.
export function layoutSource(page: ExportPage, format: LayoutFormat): { ok: true; xml: string; layout: LayoutPage } | { ok: false; problem: ExportPageProblem } {
  if (page.layoutXml === null || page.layout === null) {
    return notApplicable(`${page.path} is a text page; only pages read from a layout file get a corrected ${FORMAT_NAME[format]} file`);
  }
  if (page.source.format !== SOURCE_FORMAT[format] || page.layout.format !== format) {
    return notApplicable(`${page.path} was read from ${page.layout.format === 'page' ? 'PAGE XML' : FORMAT_NAME[page.layout.format]}, not ${FORMAT_NAME[format]}; Jiaodui corrects a page's own layout file and does not convert between layout formats`);
  }
  if (page.layout.text !== page.originalText) {
    return mismatch(page, 'its text no longer matches the text the layout file gives');
  }
  return { ok: true, xml: page.layoutXml.replace(/^\uFEFF/, ''), layout: page.layout };
}

function notApplicable(message: string): { ok: false; problem: ExportPageProblem } {
  return { ok: false, problem: { code: 'not-applicable', message } };
}

/// The problem for a layout file whose elements do not match what the importer read from it.
export function mismatch(page: ExportPage, why: string): { ok: false; problem: ExportPageProblem } {
  return { ok: false, problem: { code: 'layout-mismatch', message: `${page.path}: the layout file cannot be corrected: ${why}` } };
}

/// A line of the file as an exporter walks it: its element, the elements of its words with their text as the
/// importer reads it, and the text of pieces that are no word (an ALTO hyphen, PAGE text outside words).
export interface WalkedLine<W = PosElement> {
  element: PosElement;
  words: { element: W; text: string }[];
  otherText: string;
}

/// Pairs the walked lines with the imported ones, dropping what the importer drops (empty words, blank lines);
/// null when they do not agree, word for word.
export function pairLines<W>(walked: readonly WalkedLine<W>[], lines: readonly LayoutLine[]): { walked: WalkedLine<W>; line: LayoutLine }[] | null {
  const kept = walked
    .map((w) => ({ ...w, words: w.words.map((word) => ({ ...word, text: cleanText(word.text) })).filter((word) => word.text !== '') }))
    .filter((w) => (w.words.map((word) => word.text).join('') + cleanText(w.otherText)).trim() !== '');
  if (kept.length !== lines.length) return null;
  const pairs = kept.map((w, i) => ({ walked: w, line: lines[i]! }));
  for (const { walked: w, line } of pairs) {
    if (w.words.length !== line.words.length) return null;
    // The importer leaves numeric character references in attributes undecoded (`caf&#233;`); both sides are
    // compared decoded, so such a word still pairs with its element.
    if (w.words.some((word, i) => decodeXmlText(word.text) !== decodeXmlText(line.words[i]!.text))) return null;
  }
  return pairs;
}

// As the importer's page text builder cleans a piece: NFC, and no line breaks or tabs inside a line.
function cleanText(text: string): string {
  return text.normalize('NFC').replace(/[\r\n\t\u2028\u2029]/g, ' ');
}

/// The imported line as the realigner takes it.
export function sourceLine(line: LayoutLine): SourceLine {
  return { start: line.textStart, end: line.textStart + cpLength(line.text), region: line.region, words: line.words };
}

/// The entities overlapping any of `ranges` (code points of the corrected text).
export function entitiesOver(entities: readonly EntitySpan[], ranges: readonly { start: number; end: number }[]): EntitySpan[] {
  return entities.filter((e) => ranges.some((r) => e.start < r.end && r.start < e.end));
}

/// `xml` with its XML declaration naming UTF-8 (the encoding every corrected file is written in).
export function declareUtf8(xml: string): string {
  return xml.replace(/^(<\?xml[^>]*?\bencoding\s*=\s*)(["'])([^"']*)\2/, (whole, head: string, quote: string, name: string) =>
    /^utf-?8$/i.test(name) ? whole : `${head}${quote}UTF-8${quote}`,
  );
}

/// The namespace prefix of `element` with its colon (`pc:`), or '' when it has none.
export function prefixOf(element: PosElement): string {
  const colon = element.qname.indexOf(':');
  return colon < 0 ? '' : element.qname.slice(0, colon + 1);
}

/// The newline and indentation before `position` in `xml` ('' when something else precedes it on its line).
export function indentBefore(xml: string, position: number): string {
  const match = /\r?\n[ \t]*$/.exec(xml.slice(Math.max(0, position - 200), position));
  return match ? match[0] : '';
}

/// Whether two regions differ by more than rounding.
export function regionMoved(a: { x: number; y: number; width: number; height: number } | null, b: typeof a): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a.x - b.x) > 0.005 || Math.abs(a.y - b.y) > 0.005 || Math.abs(a.width - b.width) > 0.005 || Math.abs(a.height - b.height) > 0.005;
}

/// The processing note every corrected file records.
export function processingNote(appVersion: string): string {
  return `Jiaodui ${appVersion}: proofread text (corrections by an editor) and named-entity tags`;
}

/// `exportPage` made safe: an unexpected error on one page becomes that page's problem instead of ending the export
/// (the file is then not written, never written half-corrected).
export function guarded(exportPage: (page: ExportPage, context: ExportContext) => PageExportResult): (page: ExportPage, context: ExportContext) => PageExportResult {
  return (page, context) => {
    try {
      return exportPage(page, context);
    } catch (error) {
      return mismatch(page, `it could not be rewritten (${error instanceof Error ? error.message : String(error)})`);
    }
  };
}
