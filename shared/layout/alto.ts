/// Imports ALTO XML (versions 2, 3 and 4) into a `LayoutPage`.
///
/// Reads the page size, `sourceImageInformation/fileName`, every `TextBlock` as a paragraph, `TextLine` boxes, and
/// `String` (CONTENT, WC word confidence, CC character confidences), `SP` spaces and `HYP` hyphens, and the
/// named-entity tags `String`s point to (`TAGREFS` to `Tags/NamedEntityTag`) as `entities`.
import type { Result } from '../result';
import { cpLength } from '../text/codepoints';
import { AltoTagCollector } from './alto-tags';
import { toUnitConfidence } from './confidence';
import { PageTextBuilder, piecesFromWords, type LinePiece } from './page-text-builder';
import type { LayoutError, LayoutPage, Region } from './types';
import { reason } from '../errors/reasons';
import { needsSpaceBetween } from './word-spacing';
import { attr, childElements, findElements, firstChild, layoutFail, numberAttr, parseXmlTree, textContent, type XmlElement } from './xml-tree';

/// Reads an ALTO file; `fileName` is used in error messages only.
///
/// Fails with the line and column when the XML is malformed, when the root is not `alto`, when there is not
/// exactly one `Page`, and when coordinates are not in pixels (mm10 and inch1200 cannot be placed on the scan
/// without its resolution, which ALTO does not record). Never throws.
export function importAlto(xml: string, fileName: string): Result<LayoutPage, LayoutError> {
  const parsed = parseXmlTree(xml, fileName);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (root.name !== 'alto') return layoutFail(fileName, reason('layout.wrongRoot', { found: root.name, expected: 'alto' }));

  const description = firstChild(root, 'Description');
  const unitElement = description && firstChild(description, 'MeasurementUnit');
  const unit = unitElement ? textContent(unitElement).trim() : 'pixel';
  if (unit !== 'pixel') {
    return layoutFail(fileName, reason('layout.notPixels', { unit }));
  }
  const pages = findElements(root, (e) => e.name === 'Page');
  if (pages.length !== 1) {
    return layoutFail(fileName, reason('layout.pages', { count: pages.length }));
  }
  const page = pages[0]!;
  const builder = new PageTextBuilder();
  const tags = new AltoTagCollector(root);
  for (const block of findElements(page, (e) => e.name === 'TextBlock')) {
    builder.startBlock();
    tags.startBlock();
    for (const line of childElements(block, 'TextLine')) {
      const linesBefore = builder.lines.length;
      const refs = readLine(line, builder, tags);
      if (tags.active) tags.addLine(refs, builder.lines.length > linesBefore ? builder.lines.at(-1) : undefined);
    }
  }

  const result: LayoutPage = {
    format: 'alto',
    formatVersion: altoVersion(root),
    image: sourceImage(description),
    text: builder.text(),
    lines: builder.lines,
  };
  if (tags.active) {
    const entities = tags.finish(result.text);
    if (entities.length > 0) result.entities = entities;
  }
  const width = numberAttr(page, 'WIDTH');
  const height = numberAttr(page, 'HEIGHT');
  if (width !== undefined && height !== undefined) {
    result.imageWidth = width;
    result.imageHeight = height;
  }
  return { ok: true, value: result };
}

// Adds the line and returns the named-entity tag refs of its non-empty Strings, which become its words in order.
function readLine(line: XmlElement, builder: PageTextBuilder, tags: AltoTagCollector): string[][] {
  const words: LinePiece[] = [];
  const refs: string[][] = [];
  // Strings that an SP element separates from the string before them.
  const spaced = new Set<LinePiece>();
  let sawSpace = false;
  for (const child of childElements(line)) {
    if (child.name === 'SP') {
      sawSpace = true;
    } else if (child.name === 'String') {
      const word = readString(child);
      if (word.text !== '' && tags.active) refs.push(tags.refsOf(child));
      if (sawSpace) spaced.add(word);
      words.push(word);
      sawSpace = false;
    } else if (child.name === 'HYP') {
      // The hyphen printed at the end of a broken word belongs to the original text.
      words.push({ text: attr(child, 'CONTENT') ?? '-' });
      sawSpace = false;
    }
  }
  builder.addLine({
    // ALTO says where spaces are; Chinese needs none even where a producer (Tesseract) writes SP between characters.
    pieces: piecesFromWords(words, (previous, next) => spaced.has(next) && needsSpaceBetween(previous.text, next.text)),
    region: altoRegion(line),
    polygon: null,
    confidence: null,
  });
  return refs;
}

function readString(element: XmlElement): LinePiece {
  const text = (attr(element, 'CONTENT') ?? '').normalize('NFC');
  const piece: LinePiece = { text, word: { region: altoRegion(element), confidence: toUnitConfidence(attr(element, 'WC'), 1) } };
  const charConfidences = parseCharacterConfidences(attr(element, 'CC'), cpLength(text));
  if (charConfidences) piece.charConfidences = charConfidences;
  return piece;
}

/// Parses ALTO's CC attribute: one digit per character, 0 sure to 9 unsure, space-separated (ALTO 3+) or run
/// together (some ALTO 2 producers); undefined when it does not give one value per character.
export function parseCharacterConfidences(cc: string | undefined, length: number): number[] | undefined {
  if (cc === undefined || cc.trim() === '') return undefined;
  const trimmed = cc.trim();
  const tokens = /\s/.test(trimmed) ? trimmed.split(/\s+/) : /^\d+$/.test(trimmed) && trimmed.length === length ? Array.from(trimmed) : [trimmed];
  if (tokens.length !== length) return undefined;
  const confidences = tokens.map((token) => toUnitConfidence(token, 9));
  if (confidences.some((c) => c === null)) return undefined;
  return confidences.map((c) => 1 - c!);
}

function altoRegion(element: XmlElement): Region | null {
  const x = numberAttr(element, 'HPOS');
  const y = numberAttr(element, 'VPOS');
  const width = numberAttr(element, 'WIDTH');
  const height = numberAttr(element, 'HEIGHT');
  if (x === undefined || y === undefined || width === undefined || height === undefined) return null;
  return { x, y, width, height };
}

function sourceImage(description: XmlElement | undefined): string | null {
  const info = description && firstChild(description, 'sourceImageInformation');
  const fileName = info && firstChild(info, 'fileName');
  const name = fileName ? textContent(fileName).trim() : '';
  return name === '' ? null : name;
}

// SCHEMAVERSION (ALTO 3.1+) is the most precise; otherwise the namespace names the major version.
function altoVersion(root: XmlElement): string {
  const declared = attr(root, 'SCHEMAVERSION');
  if (declared) return declared.trim();
  for (const [key, value] of Object.entries(root.attrs)) {
    const match = /\/alto\/ns-v(\d+)#?$/.exec(value);
    if ((key === 'xmlns' || key.startsWith('xmlns:')) && match) return match[1]!;
  }
  return 'unspecified';
}
