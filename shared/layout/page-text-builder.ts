/// Assembles the page text from lines of words and records where each line and word lands in it.
///
/// Every importer feeds lines in reading order; the builder owns the separators ("\n" between lines, a blank line
/// between blocks), NFC normalisation and code-point offsets, so all formats agree on them.
import { cpLength } from '../text/codepoints';
import type { LayoutLine, LayoutWord, Point, Region } from './types';
import { unionRegions } from './geometry';

/// A run of line text: a word the file records, or text the importer adds (a space, a hyphen).
export interface LinePiece {
  text: string;
  /// Present when the piece is a word of the file, with its box and confidence.
  word?: { region: Region | null; confidence: number | null };
  /// Confidence per code point of `text` (0..1), when the file gives character confidences.
  charConfidences?: (number | null)[];
}

/// A line as an importer read it, before it is placed in the page text.
export interface LineInput {
  pieces: LinePiece[];
  /// The line's own box; when null, the union of its words' boxes is used.
  region: Region | null;
  polygon: Point[] | null;
  /// The line's own confidence when the file records one.
  confidence: number | null;
}

/// Builds `LayoutPage.text` and `LayoutPage.lines` line by line.
export class PageTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private blockBreakPending = false;
  readonly lines: LayoutLine[] = [];

  /// Starts a new text block (paragraph, region): the next line is preceded by a blank line.
  startBlock(): void {
    if (this.lines.length > 0) this.blockBreakPending = true;
  }

  /// Appends a line; a line with no visible text is skipped, since there is nothing in it to proofread.
  addLine(input: LineInput): void {
    const pieces = input.pieces.map((piece) => ({ ...piece, text: cleanPieceText(piece.text) }));
    if (pieces.every((piece) => piece.text.trim() === '')) return;
    if (this.lines.length > 0) this.append(this.blockBreakPending ? '\n\n' : '\n');
    this.blockBreakPending = false;

    const textStart = this.length;
    const words: LayoutWord[] = [];
    const charConfidences: (number | null)[] = [];
    let hasCharConfidences = false;
    for (const piece of pieces) {
      const start = this.length;
      this.append(piece.text);
      const pieceLength = this.length - start;
      if (piece.word) {
        words.push({ text: piece.text, start, end: this.length, region: piece.word.region, confidence: piece.word.confidence });
      }
      // Character confidences only line up when normalisation kept the piece's length.
      // Pushed one by one: spreading a long word's list into push() overflows the stack (about 120,000 entries).
      if (piece.charConfidences && piece.charConfidences.length === pieceLength) {
        hasCharConfidences = true;
        for (const confidence of piece.charConfidences) charConfidences.push(confidence);
      } else {
        for (let i = 0; i < pieceLength; i++) charConfidences.push(null);
      }
    }
    const line: LayoutLine = {
      index: this.lines.length,
      text: pieces.map((piece) => piece.text).join(''),
      textStart,
      region: input.region ?? unionRegions(words.map((word) => word.region)),
      polygon: input.polygon,
      confidence: input.confidence ?? weightedConfidence(words),
      words,
    };
    if (hasCharConfidences) line.charConfidences = charConfidences;
    this.lines.push(line);
  }

  /// The page text built so far.
  text(): string {
    return this.parts.join('');
  }

  private append(text: string): void {
    this.parts.push(text);
    this.length += cpLength(text);
  }
}

/// Joins a line's words with the spaces `spaceBefore` asks for, as pieces for `PageTextBuilder.addLine`.
///
/// `spaceBefore(previous, next)` is asked for every pair of neighbouring words.
export function piecesFromWords(
  words: readonly LinePiece[],
  spaceBefore: (previous: LinePiece, next: LinePiece) => boolean,
): LinePiece[] {
  const pieces: LinePiece[] = [];
  let previous: LinePiece | undefined;
  for (const word of words) {
    if (word.text === '') continue;
    if (previous && spaceBefore(previous, word)) pieces.push({ text: ' ' });
    pieces.push(word);
    previous = word;
  }
  return pieces;
}

// A line break inside a line's text would split it in two; OCR text never means one there.
function cleanPieceText(text: string): string {
  return text.normalize('NFC').replace(/[\r\n\t\u2028\u2029]/g, ' ');
}

function weightedConfidence(words: readonly LayoutWord[]): number | null {
  let total = 0;
  let weight = 0;
  for (const word of words) {
    if (word.confidence === null) continue;
    const length = Math.max(1, word.end - word.start);
    total += word.confidence * length;
    weight += length;
  }
  return weight > 0 ? total / weight : null;
}
