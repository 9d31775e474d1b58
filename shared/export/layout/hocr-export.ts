/// Corrected hOCR: the page's own hOCR file with the corrected words, written by editing the original text in place.
///
/// Each `ocrx_word` takes its corrected token as text; a corrected word's `title` gets `x_wconf 100` and loses
/// `x_confs` (confidences of characters that are gone); split and joined words get their share or union of the
/// `bbox`. hOCR has no markup for named entities (the hOCR 1.2 specification defines layout and OCR properties
/// only), so entities are not written; they travel in the other export formats.
import { CodePointIndex } from '../../text/codepoints';
import { pageView } from '../page-view';
import type { ExportContext, ExportPage, PageExportResult, PerPageExporter } from '../types';
import { declareUtf8, guarded, indentBefore, layoutSource, mismatch, pairLines, regionMoved, sourceLine, type WalkedLine } from './layout-common';
import { emitWords, type TokenWriter } from './line-emit';
import { realignLines } from './word-realign';
import { applyEdits, attributeEdits, cloneStartTag, IdAllocator, type Edit } from './xml-edit';
import { escapeXml, posChildren, posFind, scanXml, type PosElement } from './xml-scan';
import { hocrBbox, parseHocrTitle, splitStatements } from '../../layout/hocr-title';
import { textContent } from '../../layout/xml-tree';
import type { Region } from '../../layout/types';

// As the importer reads them (shared/layout/hocr.ts).
const LINE_CLASSES = ['ocr_line', 'ocrx_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat'];

/// The `hocr` format: one corrected hOCR file per page read from hOCR, under the page's own path.
export const hocrExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: guarded(exportHocr),
};

function exportHocr(page: ExportPage, _context: ExportContext): PageExportResult {
  const source = layoutSource(page, 'hocr');
  if (!source.ok) return source;
  const { xml, layout } = source;
  const root = scanXml(xml, { html: true });
  const pageElement = root && posFind(root, (e) => hasClass(e, 'ocr_page'))[0];
  if (!root || !pageElement) return mismatch(page, 'no ocr_page element was found');
  const walked: WalkedLine[] = [];
  walkLines(pageElement, walked);
  const pairs = pairLines(walked, layout.lines);
  if (!pairs) return mismatch(page, 'its lines and words are not the ones the page was read from');

  const view = pageView(page);
  const original = new CodePointIndex(page.originalText);
  const corrected = new CodePointIndex(view.corrected);
  const ids = new IdAllocator(xml);
  const edits: Edit[] = [...charsetEdits(xml)];
  const realignedLines = realignLines(pairs.map((pair) => sourceLine(pair.line)), view, original, corrected);
  for (const [index, { walked: w }] of pairs.entries()) {
    const realigned = realignedLines[index]!;
    const words = w.words.map((word) => word.element);
    if (words.length === 0) {
      // A line the producer wrote without word elements: its text is all there is.
      if (realigned.changed) edits.push({ start: w.element.startTagEnd, end: w.element.contentEnd, text: escapeXml(realigned.text) });
      continue;
    }
    const tokens = realigned.tokens.length > 0 ? realigned.tokens : [{ text: '', words: [0], changed: true, region: null, ranges: [], spaceBefore: false }];
    edits.push({ start: words[0]!.start, end: words.at(-1)!.end, text: emitWords(xml, words, tokens, hocrWriter(xml, ids)) });
  }
  return { ok: true, files: [{ path: page.path, content: declareUtf8(applyEdits(xml, edits)) }] };
}

function walkLines(parent: PosElement, lines: WalkedLine[]): void {
  for (const child of posChildren(parent)) {
    if (LINE_CLASSES.some((name) => hasClass(child, name))) {
      const words = posFind(child, (e) => hasClass(e, 'ocrx_word')).map((element) => ({ element, text: collapse(textContent(element)) }));
      lines.push({ element: child, words, otherText: words.length === 0 ? collapse(textContent(child)) : '' });
    } else {
      walkLines(child, lines);
    }
  }
}

function hocrWriter(xml: string, ids: IdAllocator): TokenWriter {
  let lastModel: PosElement | null = null;
  return {
    render(token, model, reuse) {
      lastModel = model;
      const original = hocrBbox(parseHocrTitle(model.attrs.title));
      const moved = token.region !== null && (!reuse || regionMoved(token.region, original));
      const changes: Record<string, string | null> = {};
      if (token.changed || moved) changes.title = editTitle(model.attrs.title ?? '', token.changed, moved ? token.region : null);
      if (!reuse) {
        changes.id = model.attrs.id !== undefined ? ids.next(model.attrs.id) : null;
        return `${cloneStartTag(xml, model, changes, false)}${escapeXml(token.text)}</${model.qname}>`;
      }
      const edits = attributeEdits(xml, model, changes);
      if (token.changed) edits.push(contentEdit(xml, model, token.text));
      return applyEdits(xml, edits, model.start, model.end);
    },
    newSeparator() {
      return indentBefore(xml, lastModel!.start) || ' ';
    },
    fitSeparator(raw) {
      return raw;
    },
  };
}

// The word's text replaced: inside the one run of text it has when it wraps it in markup (`<strong>…</strong>`),
// else the whole content (character boxes of `ocrx_cinfo` no longer match the corrected word).
function contentEdit(xml: string, word: PosElement, text: string): Edit {
  const inner = xml.slice(word.startTagEnd, word.contentEnd);
  const single = /^((?:\s*<[^>]*>)*\s*)([^<\s][^<]*?)(\s*(?:<[^>]*>\s*)*)$/.exec(inner);
  if (single && !inner.includes('ocrx_cinfo') && single[2]!.trim() !== '') {
    const start = word.startTagEnd + single[1]!.length;
    return { start, end: start + single[2]!.length, text: escapeXml(text) };
  }
  return { start: word.startTagEnd, end: word.contentEnd, text: escapeXml(text) };
}

/// The title with `x_wconf 100` and no `x_confs` for a corrected word, and `bbox` set to `region` when given;
/// the other properties kept as written.
export function editTitle(title: string, corrected: boolean, region: Region | null): string {
  const statements = splitStatements(title);
  const out: string[] = [];
  const set = new Map<string, string>();
  if (region) set.set('bbox', `bbox ${Math.round(region.x)} ${Math.round(region.y)} ${Math.round(region.x + region.width)} ${Math.round(region.y + region.height)}`);
  if (corrected) set.set('x_wconf', 'x_wconf 100');
  for (const statement of statements) {
    const name = statement.split(/\s+/)[0] ?? '';
    if (corrected && name === 'x_confs') continue;
    const replacement = set.get(name);
    out.push(replacement ?? statement);
    set.delete(name);
  }
  return [...out, ...set.values()].join('; ');
}

// A `<meta>` naming another charset is made to name UTF-8, the encoding the file is written in.
function charsetEdits(xml: string): Edit[] {
  const edits: Edit[] = [];
  for (const match of xml.matchAll(/<meta\b[^>]*?charset\s*=\s*([A-Za-z0-9._-]+)/gi)) {
    if (/^utf-?8$/i.test(match[1]!)) continue;
    const end = match.index + match[0].length;
    edits.push({ start: end - match[1]!.length, end, text: 'utf-8' });
  }
  return edits;
}

function hasClass(element: PosElement, name: string): boolean {
  const classes = element.attrs.class;
  return classes !== undefined && classes.split(/\s+/).includes(name);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
