import type { Reason } from '../errors/reasons';

/// What a layout importer reads from hOCR, ALTO or PAGE XML: the page text and, per line, where it sits on the scan.
///
/// All offsets are Unicode code points on the NFC page text, like every other offset Jiaodui stores. Regions are
/// image pixels with the origin at the top-left corner of the scan.

/// The layout formats Jiaodui can import.
export type LayoutFormat = 'hocr' | 'alto' | 'page';

/// An axis-aligned rectangle in image pixels.
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// A point `[x, y]` in image pixels.
export type Point = [number, number];

/// One word (or, for Chinese OCR, often one character) of a line.
export interface LayoutWord {
  text: string;
  /// Code-point offset of the word's first character in the page text.
  start: number;
  /// Code-point offset just after the word's last character in the page text.
  end: number;
  /// Where the word is on the scan, or null when the file does not say.
  region: Region | null;
  /// The engine's confidence in the word, 0 (unsure) to 1 (sure), or null when the file does not say.
  confidence: number | null;
}

/// One text line of the page, in reading order.
export interface LayoutLine {
  /// Position of the line among the page's lines, from 0.
  index: number;
  /// The line's text, NFC, without its line break.
  text: string;
  /// Code-point offset of the line's first character in the page text.
  textStart: number;
  /// Bounding box of the line on the scan; null only when the file gives neither the line's nor its words' boxes.
  region: Region | null;
  /// The line's outline when the format records one (PAGE XML), else null.
  polygon: Point[] | null;
  /// 0..1: the file's line confidence, or else the mean of its word confidences weighted by length; null if none.
  confidence: number | null;
  words: LayoutWord[];
  /// Per code point of `text`, 0..1, when the file gives character confidences; null where it gives none
  /// (such as the spaces the importer put between words).
  charConfidences?: (number | null)[];
}

/// A page as read from a layout file.
export interface LayoutPage {
  format: LayoutFormat;
  /// ALTO schema version ("2", "3", "4.2", …), PAGE schema date ("2013-07-15", "2019-07-15"), or "unspecified"
  /// for hOCR, which does not declare one.
  formatVersion: string;
  /// The scan the file refers to, exactly as written in it (often a bare file name), or null when it names none.
  image: string | null;
  /// Size of the scan in pixels when the file says.
  imageWidth?: number;
  imageHeight?: number;
  /// The page text: lines joined with "\n", text blocks (paragraphs, regions) separated by a blank line; NFC.
  text: string;
  lines: LayoutLine[];
  /// Entity tags the file itself carries (ALTO `NamedEntityTag` with `TAGREFS`, Transkribus `custom` attributes
  /// on PAGE text lines), as code-point spans on `text`; absent or empty when it carries none.
  entities?: LayoutEntity[];
}

/// An entity tag read from a layout file: code points [start, end) of the page text, its type in Jiaodui's
/// tagset's ids (`PER`, `LOC`, `ORG`, `DATE`, `MISC` for the usual kinds, else the file's own label), and the text it covers.
export interface LayoutEntity {
  start: number;
  end: number;
  type: string;
  text: string;
}

/// Why a layout file could not be read.
///
/// `line` and `column` are 1-based; both are 0 when the problem is not at one place (an unknown format, say).
/// `reason` is what the screen shows, worded in the UI language (shared/errors/reasons.ts; it names the place);
/// `message` is its English with the file's name in front (logs, the CLI).
export interface LayoutError {
  file?: string;
  line: number;
  column: number;
  reason: Reason;
  message: string;
  /// Set when the file is past one of the limits in shared/limits.ts: which one and the value found
  /// (`xml-depth>256`, say); the page reader then reports 'too-large' instead of a malformed file.
  tooLarge?: string;
}
