/// Re-aligns a layout line's words with the corrected text, for the three layout exporters.
///
/// Each piece of the original line (the text before the first word, each word, each gap between words, the text
/// after the last word) is mapped through `PageView.originalToCorrected` on its own, so text a reading-order move
/// carried to another line still belongs to its original word's box. The corrected pieces are then cut into
/// tokens, the words of the corrected file:
/// - a space the editor typed inside a word splits it; the parts share the word's box in proportion to their
///   characters along the line;
/// - where the editor removed the space between two words, they join into one token with the union of their boxes;
/// - words the OCR wrote without a space between them (Chinese, one word per character) stay separate tokens.
/// A token identical to one original word is "unchanged" and keeps everything the file said about it.
import { CodePointIndex, cpLength } from '../../text/codepoints';
import { unionRegions } from '../../layout/geometry';
import { between, isVertical, share } from './word-boxes';
import type { Region } from '../../layout/types';
import type { PageView } from '../page-view';

/// One original word of a line: code points [start, end) of the original text, and what the file says of it.
export interface SourceWord {
  start: number;
  end: number;
  text: string;
  region: Region | null;
}

/// One original line: its code points [start, end) of the original text and its words in order.
export interface SourceLine {
  start: number;
  end: number;
  region: Region | null;
  words: readonly SourceWord[];
}

/// A word of the corrected line.
export interface Token {
  text: string;
  /// The original words whose text (or box) it took, ascending; empty for text typed between words.
  words: number[];
  /// True unless the token is exactly one original word, text unchanged.
  changed: boolean;
  /// Its box: a proportional share of its words' boxes, or the room between its neighbours for typed text.
  region: Region | null;
  /// Code-point ranges of the corrected page text it covers.
  ranges: { start: number; end: number }[];
  /// Whether whitespace separates it from the token before it (false for the first token and for CJK neighbours).
  spaceBefore: boolean;
}

/// A line of the corrected file.
export interface RealignedLine {
  /// The corrected line text: every piece of the line, mapped.
  text: string;
  /// Whether `text` differs from the original line text.
  changed: boolean;
  tokens: Token[];
  /// The corrected text after the last word (an ALTO HYP's hyphen, PAGE text outside words).
  trailing: string;
  /// Where each piece of `text` lies in the corrected page text: `text` offset `lineOffset` is corrected offset `start`.
  pieces: { start: number; end: number; lineOffset: number }[];
}

interface Segment {
  /// `typed`: corrected text no line piece maps to (a line typed between blocks), given to the line before it.
  kind: 'word' | 'gap' | 'edge' | 'typed';
  word: number;
  originalText: string;
  start: number;
  end: number;
  text: string;
}

/// Realigns every line of a page (in the file's order); `original` and `corrected` index the page's original and
/// corrected text. Lines are done together because a reading-order move can bring text of one line next to
/// another's: each piece of corrected text is given to one piece of one line only.
export function realignLines(lines: readonly SourceLine[], view: PageView, original: CodePointIndex, corrected: CodePointIndex): RealignedLine[] {
  const all = lines.map((line) => mapSegments(line, view, original));
  resolveOverlaps(all.flat());
  placeUncovered(all, corrected);
  return lines.map((line, i) => {
    const segments: Segment[] = all[i]!.map((s) => Object.assign(s, { text: slice(corrected, s.start, s.end) }));
    const pieces: RealignedLine['pieces'] = [];
    let lineOffset = 0;
    for (const s of segments) {
      pieces.push({ start: s.start, end: s.end, lineOffset });
      lineOffset += s.end - s.start;
    }
    const text = segments.map((s) => s.text).join('');
    const originalText = segments.map((s) => s.originalText).join('');
    const trailing = segments.find((s) => s.kind === 'edge' && s.word === line.words.length && line.words.length > 0)?.text ?? '';
    return { text, changed: text !== originalText, tokens: tokenize(line, segments), trailing, pieces };
  });
}

function mapSegments(line: SourceLine, view: PageView, original: CodePointIndex): Omit<Segment, 'text'>[] {
  const segments: Omit<Segment, 'text'>[] = [];
  const push = (kind: Segment['kind'], word: number, start: number, end: number): void => {
    segments.push({ kind, word, originalText: slice(original, start, end), start, end });
  };
  let at = line.start;
  line.words.forEach((word, i) => {
    if (i > 0 || word.start > at) push(i === 0 ? 'edge' : 'gap', i - 1, at, word.start);
    push('word', i, word.start, word.end);
    at = word.end;
  });
  if (at < line.end || line.words.length === 0) push('edge', line.words.length, at, line.end);
  // Both ends map with assoc -1, so a replacement starting at a boundary belongs to the piece after it and
  // pieces meet; only the line's last end takes text inserted at the end of the line (assoc 1).
  const last = segments.length - 1;
  segments.forEach((segment, i) => {
    const start = view.originalToCorrected(segment.start, -1);
    segment.end = Math.max(start, view.originalToCorrected(segment.end, i === last ? 1 : -1));
    segment.start = start;
  });
  return segments;
}

// Corrected text between the pieces of all lines that is more than whitespace (the editor typed a line of its
// own between two blocks, or text where a line break was) would be in no word: it becomes typed text after the
// piece before it (of the first piece when it comes before every piece), so no corrected character is lost.
function placeUncovered(lines: Omit<Segment, 'text'>[][], corrected: CodePointIndex): void {
  const ordered = lines
    .flatMap((segments, line) => segments.map((segment, at) => ({ segment, line, at })))
    .filter(({ segment }) => segment.end > segment.start)
    .sort((a, b) => a.segment.start - b.segment.start);
  const inserts: { line: number; after: number; start: number; end: number }[] = [];
  let reached = 0;
  let previous: (typeof ordered)[number] | undefined;
  const gap = (until: number, owner: (typeof ordered)[number] | undefined, before: boolean): void => {
    if (!owner || until <= reached || !/\S/u.test(slice(corrected, reached, until))) return;
    inserts.push({ line: owner.line, after: before ? owner.at - 1 : owner.at, start: reached, end: until });
  };
  for (const item of ordered) {
    gap(item.segment.start, previous ?? item, previous === undefined);
    reached = Math.max(reached, item.segment.end);
    previous = item;
  }
  gap(corrected.length, previous, false);
  // Inserted back to front so the positions of earlier inserts in the same line stay right.
  inserts.sort((a, b) => b.line - a.line || b.after - a.after);
  for (const insert of inserts) {
    lines[insert.line]!.splice(insert.after + 1, 0, { kind: 'typed', word: -1, originalText: '', start: insert.start, end: insert.end });
  }
}

// Pieces whose corrected ranges overlap (a move put text of one line beside another's, a replacement crosses a
// boundary): in corrected order, a later piece starts where the earlier ones end, so no text is counted twice.
function resolveOverlaps(segments: { start: number; end: number }[]): void {
  const ordered = segments.map((segment, order) => ({ segment, order })).sort((a, b) => a.segment.start - b.segment.start || a.order - b.order);
  let reached = 0;
  for (const { segment } of ordered) {
    if (segment.start < reached) segment.start = reached;
    if (segment.end < segment.start) segment.end = segment.start;
    reached = Math.max(reached, segment.end);
  }
}

function slice(index: CodePointIndex, start: number, end: number): string {
  return index.text.slice(index.toUtf16(start), index.toUtf16(end));
}

interface Building {
  chars: string[];
  parts: Map<number, [number, number]>;
  ranges: { start: number; end: number }[];
  spaceBefore: boolean;
}

const SPACE = /\s/u;

function tokenize(line: SourceLine, segments: readonly Segment[]): Token[] {
  const built: Building[] = [];
  let current: Building | null = null;
  let pendingSpace = false;
  const close = (): void => {
    if (current) built.push(current);
    current = null;
  };
  const add = (char: string, position: number, word: number | null, offset: number): void => {
    current ??= { chars: [], parts: new Map(), ranges: [], spaceBefore: pendingSpace && built.length > 0 };
    pendingSpace = false;
    current.chars.push(char);
    const lastRange = current.ranges[current.ranges.length - 1];
    if (lastRange && lastRange.end === position) lastRange.end = position + 1;
    else current.ranges.push({ start: position, end: position + 1 });
    if (word !== null) {
      const part = current.parts.get(word);
      current.parts.set(word, part ? [part[0], offset + 1] : [offset, offset + 1]);
    }
  };
  for (const segment of segments) {
    const chars = Array.from(segment.text);
    if (segment.kind === 'edge') {
      close();
      continue;
    }
    if (segment.kind === 'typed') {
      // Text of its own: apart from the word before it even where no space separates them.
      close();
      pendingSpace = true;
    } else if (segment.kind === 'gap' && !SPACE.test(segment.originalText)) {
      // Words the OCR wrote side by side (CJK) stay apart; text between them that is no word stays out of tokens.
      close();
      continue;
    }
    chars.forEach((char, k) => {
      if (SPACE.test(char)) {
        close();
        pendingSpace = true;
      } else {
        add(char, segment.start + k, segment.kind === 'word' ? segment.word : null, k);
      }
    });
  }
  close();
  const wordTexts = segments.filter((s) => s.kind === 'word').map((s) => s.text);
  const lengths = wordTexts.map(cpLength);
  const tokens = built.map((b) => toToken(b, line, wordTexts, lengths));
  absorbSwallowedWords(tokens, line, segments);
  fillTypedRegions(tokens, line);
  return tokens;
}

function toToken(b: Building, line: SourceLine, wordTexts: readonly string[], lengths: readonly number[]): Token {
  const words = [...b.parts.keys()].sort((x, y) => x - y);
  const text = b.chars.join('');
  const only = words.length === 1 ? words[0]! : -1;
  const whole = only >= 0 && b.parts.get(only)![0] === 0 && b.parts.get(only)![1] === lengths[only] && text.length > 0;
  const changed = !(whole && cpLength(text) === lengths[only] && text === line.words[only]!.text);
  const vertical = isVertical(line.region);
  const region = unionRegions(words.map((w) => share(line.words[w]!.region, b.parts.get(w)!, wordTexts[w]!, vertical)));
  return { text, words, changed, region, ranges: b.ranges, spaceBefore: b.spaceBefore };
}

// A word whose text went entirely into its neighbour (a correction replacing "New York" with one word) gives
// that neighbour its box, as a join does; a word deleted where it stood apart just disappears.
function absorbSwallowedWords(tokens: Token[], line: SourceLine, segments: readonly Segment[]): void {
  const wordSegment = (i: number): Segment | undefined => segments.find((s) => s.kind === 'word' && s.word === i);
  const gapAfter = (i: number): Segment | undefined => segments.find((s) => s.kind === 'gap' && s.word === i);
  line.words.forEach((word, i) => {
    if (wordSegment(i)?.text !== '') return;
    const before = gapAfter(i - 1);
    const after = gapAfter(i);
    const joinedTo = (gap: Segment | undefined): boolean => gap !== undefined && SPACE.test(gap.originalText) && !SPACE.test(gap.text);
    const host = joinedTo(before)
      ? tokens.find((t) => t.words.includes(i - 1))
      : joinedTo(after)
        ? tokens.find((t) => t.words.includes(i + 1))
        : undefined;
    if (!host) return;
    host.words = [...host.words, i].sort((x, y) => x - y);
    host.region = unionRegions([host.region, word.region]);
    host.changed = true;
  });
}

// Text typed between words has no box of its own: it gets the room between its neighbours' boxes.
function fillTypedRegions(tokens: Token[], line: SourceLine): void {
  const vertical = isVertical(line.region);
  tokens.forEach((token, i) => {
    if (token.words.length > 0 || !line.region) return;
    const before = tokens.slice(0, i).reverse().find((t) => t.region)?.region ?? null;
    const after = tokens.slice(i + 1).find((t) => t.region)?.region ?? null;
    token.region = between(before, after, line.region, vertical);
  });
}
