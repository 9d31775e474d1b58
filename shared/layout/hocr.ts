/// Imports hOCR (the XHTML that Tesseract, OCRopus and kraken write) into a `LayoutPage`.
///
/// Reads `ocr_page` (image and size), blocks (`ocr_carea`, `ocr_par`, `ocrx_block`) as paragraphs, lines
/// (`ocr_line` and its kin such as `ocr_header`), `ocrx_word` with `bbox` and `x_wconf`, and per-character
/// confidences from `x_confs` or `ocrx_cinfo`.
import type { Result } from '../result';
import { cpLength } from '../text/codepoints';
import { toUnitConfidence } from './confidence';
import { hocrBbox, hocrValue, parseHocrTitle } from './hocr-title';
import { PageTextBuilder, piecesFromWords, type LinePiece } from './page-text-builder';
import type { LayoutError, LayoutPage } from './types';
import { reason } from '../errors/reasons';
import { needsSpaceBetween } from './word-spacing';
import { childElements, findElements, layoutFail, parseXmlTree, textContent, type XmlElement } from './xml-tree';

// hOCR classes that hold one line of text (hOCR 1.2 "typesetting" elements).
const LINE_CLASSES = ['ocr_line', 'ocrx_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat'];
// Classes whose start begins a new paragraph in the page text.
const BLOCK_CLASSES = ['ocr_carea', 'ocr_par', 'ocrx_block', 'ocr_chapter', 'ocr_section', 'ocr_table'];

/// Reads an hOCR file; `fileName` is used in error messages only.
///
/// Fails with the line and column when the XHTML is malformed, and when it has no page or several pages
/// (Jiaodui reads one page per layout file). Never throws.
export function importHocr(xml: string, fileName: string): Result<LayoutPage, LayoutError> {
  const parsed = parseXmlTree(xml, fileName, { html: true });
  if (!parsed.ok) return parsed;
  const pages = findElements(parsed.value, (e) => hasClass(e, 'ocr_page'));
  if (pages.length === 0) return layoutFail(fileName, reason('layout.noOcrPage'));
  if (pages.length > 1) {
    return layoutFail(fileName, reason('layout.pages', { count: pages.length }));
  }
  const page = pages[0]!;
  const properties = parseHocrTitle(page.attrs.title);
  const builder = new PageTextBuilder();
  readChildren(page, builder);

  const result: LayoutPage = {
    format: 'hocr',
    formatVersion: 'unspecified',
    image: hocrValue(properties, 'image') ?? null,
    text: builder.text(),
    lines: builder.lines,
  };
  const pageBox = hocrBbox(properties);
  if (pageBox) {
    result.imageWidth = pageBox.x + pageBox.width;
    result.imageHeight = pageBox.y + pageBox.height;
  }
  return { ok: true, value: result };
}

function readChildren(parent: XmlElement, builder: PageTextBuilder): void {
  for (const child of childElements(parent)) {
    if (LINE_CLASSES.some((name) => hasClass(child, name))) {
      readLine(child, builder);
    } else {
      if (BLOCK_CLASSES.some((name) => hasClass(child, name))) builder.startBlock();
      readChildren(child, builder);
    }
  }
}

function readLine(line: XmlElement, builder: PageTextBuilder): void {
  const properties = parseHocrTitle(line.attrs.title);
  const wordElements = findElements(line, (e) => hasClass(e, 'ocrx_word'));
  const words: LinePiece[] =
    wordElements.length > 0
      ? wordElements.map(readWord)
      : // Some producers write lines without word elements; the line's text is then all there is.
        [{ text: collapseSpaces(textContent(line)) }];
  builder.addLine({
    pieces: piecesFromWords(words, (previous, next) => needsSpaceBetween(previous.text, next.text)),
    region: hocrBbox(properties),
    polygon: null,
    confidence: toUnitConfidence(hocrValue(properties, 'x_wconf'), 100),
  });
}

function readWord(word: XmlElement): LinePiece {
  const properties = parseHocrTitle(word.attrs.title);
  const text = collapseSpaces(textContent(word)).normalize('NFC');
  const piece: LinePiece = {
    text,
    word: { region: hocrBbox(properties), confidence: toUnitConfidence(hocrValue(properties, 'x_wconf'), 100) },
  };
  const charConfidences = characterConfidences(word, properties.get('x_confs'), cpLength(text));
  if (charConfidences) piece.charConfidences = charConfidences;
  return piece;
}

// Per-character confidences come either as the word's `x_confs` list or as `x_conf` on `ocrx_cinfo` children.
function characterConfidences(word: XmlElement, xConfs: string[] | undefined, length: number): (number | null)[] | undefined {
  if (xConfs && xConfs.length === length) return xConfs.map((value) => toUnitConfidence(value, 100));
  const cinfos = findElements(word, (e) => hasClass(e, 'ocrx_cinfo'));
  if (cinfos.length === 0) return undefined;
  const confidences: (number | null)[] = [];
  for (const cinfo of cinfos) {
    const confidence = toUnitConfidence(hocrValue(parseHocrTitle(cinfo.attrs.title), 'x_conf'), 100);
    const charCount = cpLength(collapseSpaces(textContent(cinfo)).normalize('NFC'));
    for (let i = 0; i < charCount; i++) confidences.push(confidence);
  }
  return confidences.length === length ? confidences : undefined;
}

function hasClass(element: XmlElement, name: string): boolean {
  const classes = element.attrs.class;
  return classes !== undefined && classes.split(/\s+/).includes(name);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
