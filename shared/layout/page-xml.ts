/// Imports PAGE XML (the 2013-07-15 and 2019-07-15 schemas, and the older Point-list coordinates) into a `LayoutPage`.
///
/// Reads `Page` (imageFilename, imageWidth, imageHeight), orders `TextRegion`s by the `ReadingOrder` (regions it
/// leaves out follow in document order), and per `TextLine` its `Coords` polygon, `TextEquiv/Unicode` text and
/// `conf`, plus `Word` boxes and `Glyph` confidences where present, and the entity tags Transkribus writes in a
/// line's `custom` attribute as `entities`.
import type { Result } from '../result';
import { cpLength } from '../text/codepoints';
import { toUnitConfidence } from './confidence';
import { parsePoints, polygonBounds } from './geometry';
import { PageTextBuilder, piecesFromWords, type LinePiece } from './page-text-builder';
import { readingOrderIds } from './page-reading-order';
import { PageTagCollector } from './page-custom-tags';
import type { LayoutError, LayoutPage, Point } from './types';
import { reason } from '../errors/reasons';
import { needsSpaceBetween } from './word-spacing';
import { attr, childElements, firstChild, layoutFail, numberAttr, parseXmlTree, textContent, type XmlElement } from './xml-tree';

/// Reads a PAGE XML file; `fileName` is used in error messages only.
///
/// Fails with the line and column when the XML is malformed, and when the root is not `PcGts` or has no `Page`.
/// Never throws.
export function importPageXml(xml: string, fileName: string): Result<LayoutPage, LayoutError> {
  const parsed = parseXmlTree(xml, fileName);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (root.name !== 'PcGts') return layoutFail(fileName, reason('layout.wrongRoot', { found: root.name, expected: 'PcGts' }));
  const page = firstChild(root, 'Page');
  if (!page) return layoutFail(fileName, reason('layout.noPageElement'));

  const builder = new PageTextBuilder();
  const tags = new PageTagCollector();
  for (const region of orderedTextRegions(page)) {
    builder.startBlock();
    for (const line of childElements(region, 'TextLine')) {
      const linesBefore = builder.lines.length;
      const rawText = readLine(line, builder);
      tags.addLine(attr(line, 'custom'), rawText, builder.lines.length > linesBefore ? builder.lines.at(-1) : undefined);
    }
  }
  const result: LayoutPage = {
    format: 'page',
    formatVersion: pageVersion(root),
    image: attr(page, 'imageFilename')?.trim() || null,
    text: builder.text(),
    lines: builder.lines,
  };
  const entities = tags.finish(result.text);
  if (entities.length > 0) result.entities = entities;
  const width = numberAttr(page, 'imageWidth');
  const height = numberAttr(page, 'imageHeight');
  if (width !== undefined && height !== undefined) {
    result.imageWidth = width;
    result.imageHeight = height;
  }
  return { ok: true, value: result };
}

// Every TextRegion, nested ones included, in reading order first and then in the order they are written.
function orderedTextRegions(page: XmlElement): XmlElement[] {
  const all: XmlElement[] = [];
  const collect = (parent: XmlElement): void => {
    for (const child of childElements(parent)) {
      if (child.name === 'TextRegion') all.push(child);
      // Regions nest in PAGE 2019 (a TextRegion inside a TableRegion or another TextRegion).
      if (child.name.endsWith('Region')) collect(child);
    }
  };
  collect(page);
  const byId = new Map(all.filter((r) => attr(r, 'id')).map((r) => [attr(r, 'id')!, r]));
  const ordered = readingOrderIds(page).flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(ordered);
  return [...ordered, ...all.filter((region) => !placed.has(region))];
}

// Adds the line; returns the raw text of its main TextEquiv (what Transkribus tag offsets count in), if it has one.
function readLine(line: XmlElement, builder: PageTextBuilder): string | undefined {
  const polygon = coordsOf(line);
  const equiv = mainTextEquiv(line);
  const words = childElements(line, 'Word').map(readWord);
  const pieces =
    equiv !== undefined
      ? placeWords(equiv.text, words)
      : piecesFromWords(words, (previous, next) => needsSpaceBetween(previous.text, next.text));
  builder.addLine({
    pieces,
    region: polygon ? polygonBounds(polygon) : null,
    polygon,
    confidence: equiv?.confidence ?? null,
  });
  return equiv?.text;
}

function readWord(word: XmlElement): LinePiece {
  const polygon = coordsOf(word);
  const equiv = mainTextEquiv(word);
  const text = (equiv?.text ?? '').normalize('NFC');
  const piece: LinePiece = { text, word: { region: polygon ? polygonBounds(polygon) : null, confidence: equiv?.confidence ?? null } };
  // Glyph confidences count only when the glyphs spell the word exactly.
  const glyphs = childElements(word, 'Glyph').map(mainTextEquiv);
  const glyphText = glyphs.map((g) => (g?.text ?? '').normalize('NFC')).join('');
  if (glyphs.length > 0 && glyphText === text) {
    piece.charConfidences = glyphs.flatMap((g) => new Array<number | null>(cpLength((g?.text ?? '').normalize('NFC'))).fill(g?.confidence ?? null));
  }
  return piece;
}

// The line's own text is authoritative; its words are found in it left to right, and text between them stays.
function placeWords(lineText: string, words: LinePiece[]): LinePiece[] {
  const text = lineText.normalize('NFC');
  const pieces: LinePiece[] = [];
  let cursor = 0;
  for (const word of words) {
    if (word.text === '') continue;
    const at = text.indexOf(word.text, cursor);
    if (at < 0) continue;
    if (at > cursor) pieces.push({ text: text.slice(cursor, at) });
    pieces.push(word);
    cursor = at + word.text.length;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor) });
  return pieces;
}

// PAGE says the TextEquiv with the lowest index is the main one; one written without an index comes first.
function mainTextEquiv(element: XmlElement): { text: string; confidence: number | null } | undefined {
  const candidates = childElements(element, 'TextEquiv').map((equiv, position) => {
    const index = Number(attr(equiv, 'index'));
    return { equiv, position, index: Number.isFinite(index) ? index : Number.NEGATIVE_INFINITY };
  });
  candidates.sort((a, b) => (a.index === b.index ? a.position - b.position : a.index < b.index ? -1 : 1));
  const chosen = candidates[0]?.equiv;
  if (!chosen) return undefined;
  const unicode = firstChild(chosen, 'Unicode');
  return { text: unicode ? textContent(unicode) : '', confidence: toUnitConfidence(attr(chosen, 'conf'), 1) };
}

function coordsOf(element: XmlElement): Point[] | null {
  const coords = firstChild(element, 'Coords');
  if (!coords) return null;
  const points = attr(coords, 'points');
  if (points !== undefined) return parsePoints(points);
  // PAGE 2010 and earlier wrote one Point element per vertex.
  const vertices: Point[] = [];
  for (const point of childElements(coords, 'Point')) {
    const x = numberAttr(point, 'x');
    const y = numberAttr(point, 'y');
    if (x === undefined || y === undefined) return null;
    vertices.push([x, y]);
  }
  return vertices.length > 0 ? vertices : null;
}

function pageVersion(root: XmlElement): string {
  for (const [key, value] of Object.entries(root.attrs)) {
    const match = /\/pagecontent\/(\d{4}-\d{2}-\d{2})/.exec(value);
    if ((key === 'xmlns' || key.startsWith('xmlns:')) && match) return match[1]!;
  }
  return 'unspecified';
}
