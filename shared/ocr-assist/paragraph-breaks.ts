import { isLatin, isDigit, isSentenceEnd } from './char-class';
import { hasClausePunctuation, isByline, isIndented, opensWithQuote } from './line-roles';
import { columnPlaces, type LinePlace } from './column-geometry';
import type { PageLine } from './lines';
import type { LineBox } from './types';

/// The decision for the break between two consecutive non-blank lines.
export interface LineJoin {
  /// The earlier line.
  before: PageLine;
  /// The later line.
  after: PageLine;
  /// True when the two lines belong to one paragraph that the column edge cut apart.
  join: boolean;
  /// How sure the decision is, 0..1.
  confidence: number;
}

/// Share of the local column width from which a line counts as running to the column edge.
const FULL_LINE = 0.8;
/// How many characters short of the column width a line may be and still count as running to the edge.
const EDGE_TOLERANCE = 1;
/// Below this share of the column width a line without clause punctuation is surely a headline or label.
const SHORT_LINE = 0.6;
/// How many neighbouring lines on each side estimate the local column width.
const WIDTH_WINDOW = 5;
/// A paragraph's last line falls at least this many characters short of the column edge (a column's last line
/// inside a paragraph runs to it, give or take a hanging mark).
const SHORT_BY = 3;
/// Headlines are rarely shorter than this; shorter fragments are left-overs of a wrapped word.
const MIN_HEADLINE = 4;

/// Decides, for each pair of consecutive non-blank lines, whether the break between them is a column wrap.
///
/// `lines` are the page's lines in order (blank ones included); `excluded` holds line indices that belong to
/// something else (vertical headlines) and always keep their breaks. The column width is estimated locally
/// because one page mixes columns of different widths. `boxes` (per line of `lines`, where it is on the scan)
/// show what the OCR text loses: where a line stands in its column (see `scanDecision`). Where the scan says
/// nothing trustworthy about a pair, the text alone decides.
export function decideLineJoins(lines: readonly PageLine[], excluded: ReadonlySet<number>, boxes?: readonly (LineBox | null)[]): LineJoin[] {
  const content = lines.filter((line) => line.length > 0 && !excluded.has(line.index));
  const widths = localWidths(content);
  const places = boxes ? columnPlaces(content, boxes) : null;
  const joins: LineJoin[] = [];
  let previousJoined = false;
  for (let k = 0; k + 1 < content.length; k++) {
    const before = content[k]!;
    const after = content[k + 1]!;
    const decision: { join: boolean; confidence: number } =
      hasExcludedBetween(before, after, excluded) || isByline(before) || isByline(after)
        ? { join: false, confidence: 0.9 }
        : ((places && scanDecision(before, after, places[k]!, places[k + 1]!)) ??
          decide(before, after, widths[k]!, k + 2 < content.length ? content[k + 2] : undefined, previousJoined, flushBelowOnScan(content, k, boxes)));
    joins.push({ before, after, ...decision });
    previousJoined = decision.join;
  }
  return joins;
}

/// Least and most indentation, in advances, that opens a paragraph (newspapers indent two characters; more is a
/// centred or set-off line, not running text).
const MIN_INDENT = 1.2;
const MAX_INDENT = 4;
/// A line falling this many advances short of its column's right edge ends its paragraph: justified lines run to
/// the edge, give or take the white half of a closing mark.
const SHORT_OF_EDGE = 1.6;
/// A paragraph's first line whose region starts this close to the edge is not set in.
const FLUSH = 0.6;
/// A line this many line pitches below the one above it in the same column follows a paragraph space.
const PARAGRAPH_STEP = 1.3;

/// The break between two lines as their places on the scan show it, or null when the scan cannot tell.
///
/// The later line set in from its column's left edge opens a paragraph; the earlier one falling clearly short of
/// its column's right edge ends one. Both lines of running text, the earlier one full and the later one flush:
/// one paragraph, wherever the sentence ended and across a column break (each line is measured in its own
/// column), unless a paragraph space stands between them and the earlier line ends a sentence (a short bare line
/// after a sentence end may be a title: the text decides). A full line in the
/// middle of a sentence goes on even where the later line's region cannot be trusted (a speck read with it, a
/// region of another line), but not into a line in larger type. Two halves of one printed line join, and so do
/// pieces of a headline side by side.
function scanDecision(before: PageLine, after: PageLine, a: LinePlace | null, b: LinePlace | null): { join: boolean; confidence: number } | null {
  // Two halves of one printed line, which the OCR engine read as two lines.
  if (a && b && a.box !== b.box && sameRegion(a.row, b.row)) return { join: true, confidence: 0.85 };
  if (a?.type === 'larger' && b?.type === 'larger' && sideBySide(a, b)) return { join: true, confidence: 0.75 };
  const runningB = b !== null && b.type === 'alike' && b.indent !== null && b.indent <= MAX_INDENT;
  if (runningB && b.indent! >= MIN_INDENT) return { join: false, confidence: 0.9 };
  const runningA = a !== null && a.type === 'alike' && a.indent !== null && a.indent <= MAX_INDENT && a.shortBy !== null;
  if (!runningA) return null;
  if (a.shortBy! >= SHORT_OF_EDGE) return { join: false, confidence: 0.85 };
  const sentenceEnd = endsSentence(before, lastChar(before));
  if (!runningB) return sentenceEnd || b?.type === 'larger' || (b?.indent ?? 0) > MAX_INDENT ? null : { join: true, confidence: 0.8 };
  if (b.indent! > FLUSH) return null;
  if (sentenceEnd && (b.stepFromAbove() ?? 0) >= PARAGRAPH_STEP) return { join: false, confidence: 0.7 };
  // After a sentence that ended at the edge, a short line without punctuation set flush may be a section title in
  // the text's type: the text rules know titles.
  if (sentenceEnd && (b.shortBy ?? 0) >= SHORT_OF_EDGE && !hasClausePunctuation(after)) return null;
  return { join: true, confidence: 0.9 };
}

function decide(
  before: PageLine,
  after: PageLine,
  width: number,
  next: PageLine | undefined,
  previousJoined: boolean,
  flushBelow: boolean,
): { join: boolean; confidence: number } {
  const gap = after.index - before.index - 1;
  if (isIndented(after)) return { join: false, confidence: 0.8 };
  const full = before.length >= FULL_LINE * width;
  // Characters of a column are set on a grid, so a line that ran to the edge is the column's width, give or take
  // one hanging mark; a paragraph's last line usually falls short of it.
  const toEdge = before.length >= width - EDGE_TOLERANCE;
  const last = lastChar(before);
  if (endsSentence(before, last)) {
    // A sentence that ends exactly at the column edge may or may not end its paragraph; a blank line or a
    // headline after it tips the balance to a paragraph break. So does a short line without any punctuation:
    // a paragraph's last line would end its sentence, a section title does not.
    if (!toEdge || gap > 0 || isHeadline(after, width, next)) return { join: false, confidence: 0.8 };
    if (isBareShortLine(after, width)) return { join: false, confidence: 0.7 };
    return { join: true, confidence: 0.6 };
  }
  // A paragraph's last line whose closing mark the OCR dropped or misread (`令人痛惜`, `一次的机会，`): clearly
  // short of the column and followed by a blank line, as paragraph spacing comes out of the engine. A column that
  // ends inside a paragraph ends with a full line.
  if (gap > 0 && before.length <= width - SHORT_BY && before.length >= MIN_HEADLINE && hasClausePunctuation(before)) {
    return { join: false, confidence: 0.65 };
  }
  if (!hasClausePunctuation(before)) {
    if (before.length < SHORT_LINE * width) return { join: false, confidence: 0.75 };
    // A dash opening the next line after a headline starts a subtitle (`——记…`).
    if (after.trimmed.startsWith('——')) return { join: false, confidence: 0.7 };
    if (!previousJoined && (gap > 0 || opensWithQuote(after))) return { join: false, confidence: 0.6 };
  }
  // A short last line that looks like a headline in the text, but on the scan is set flush in the same column, in
  // the same type, right below: the end of the paragraph whose closing mark the OCR lost.
  if (isHeadline(after, width, next) && !flushBelow) return { join: false, confidence: 0.7 };
  return { join: true, confidence: full ? 0.9 : 0.7 };
}

/// Whether `b` stands right of `a` in the same row, less than one character of their type away: pieces of one
/// headline (the engine split it at a wide space, often beside a quotation mark).
function sideBySide(a: LinePlace, b: LinePlace): boolean {
  const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
  const gap = b.box.x - (a.box.x + a.box.width);
  return overlap >= 0.5 * Math.min(a.box.height, b.box.height) && gap >= 0 && gap <= Math.min(a.advance, b.advance);
}

const sameRegion = (a: LineBox, b: LineBox): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/// Whether two lines' regions fit their texts alike (the width per character within a quarter): a region linked to
/// the wrong text line (the OCR's text and layout files disagree there) says nothing about indentation.
function sameType(a: LineBox, before: PageLine, b: LineBox, after: PageLine): boolean {
  if (before.length === 0 || after.length === 0) return false;
  const ratio = a.width / before.length / (b.width / after.length);
  return ratio > 0.8 && ratio < 1.25;
}

/// Whether, on the scan, line `k + 1` of `content` sits right below line k, flush with its left edge and in type no
/// larger: running text, not a headline. False without the scan.
function flushBelowOnScan(content: readonly PageLine[], k: number, boxes: readonly (LineBox | null)[] | undefined): boolean {
  const a = boxes?.[content[k]!.index];
  const b = boxes?.[content[k + 1]!.index];
  if (!a || !b || content[k]!.length === 0 || !sameType(a, content[k]!, b, content[k + 1]!)) return false;
  const advance = a.width / content[k]!.length;
  const below = b.y - a.y;
  return below > 0 && below <= 2 * a.height && Math.abs(b.x - a.x) < 0.6 * advance && b.height <= 1.2 * a.height;
}

/// A line that stands as a headline: no clause punctuation, clearly shorter than the column, not a fragment,
/// and followed by a break (nothing, a blank line, or an indented line).
function isHeadline(line: PageLine, width: number, next: PageLine | undefined): boolean {
  if (hasClausePunctuation(line) || line.length < MIN_HEADLINE || line.length >= FULL_LINE * width) return false;
  return next === undefined || next.index > line.index + 1 || isIndented(next) || isByline(next);
}

/// A line clearly shorter than the column with no punctuation at all, not even at its end.
function isBareShortLine(line: PageLine, width: number): boolean {
  return line.length >= MIN_HEADLINE && line.length < SHORT_LINE * width && !hasClausePunctuation(line) && !isSentenceEnd(lastChar(line));
}

function hasExcludedBetween(before: PageLine, after: PageLine, excluded: ReadonlySet<number>): boolean {
  for (let i = before.index + 1; i < after.index; i++) if (excluded.has(i)) return true;
  return false;
}

/// Closing marks that end a sentence only when what they close ended one (`。”`), not after a quoted term (`“兼容并包”`).
const CLOSERS = new Set(Array.from('”』」）)'));

function endsSentence(line: PageLine, last: string | undefined): boolean {
  if (!isSentenceEnd(last)) return false;
  if (!CLOSERS.has(last!)) return true;
  const before = Array.from(line.trimmed).at(-2);
  return before === undefined || (isSentenceEnd(before) && !CLOSERS.has(before));
}

function lastChar(line: PageLine): string | undefined {
  const text = line.trimmed;
  if (text.length === 0) return undefined;
  const low = text.charCodeAt(text.length - 1);
  // The last code point may be the second half of a surrogate pair (an Extension B character).
  return low >= 0xdc00 && low <= 0xdfff && text.length >= 2 ? text.slice(-2) : text.slice(-1);
}

/// Typical length of a full line around each line: the upper quartile of its neighbours' lengths.
function localWidths(content: readonly PageLine[]): number[] {
  const lengths = content.map((line) => line.length);
  // One small typed buffer reused for every window: typed arrays sort numerically without a comparator.
  const buffer = new Float64Array(2 * WIDTH_WINDOW + 1);
  return lengths.map((_, k) => {
    const from = Math.max(0, k - WIDTH_WINDOW);
    const to = Math.min(lengths.length, k + WIDTH_WINDOW + 1);
    for (let i = from; i < to; i++) buffer[i - from] = lengths[i]!;
    const window = buffer.subarray(0, to - from).sort();
    return window[Math.floor((window.length - 1) * 0.75)] ?? 1;
  });
}

/// The text joining two wrapped lines: nothing between Chinese characters, one space between Latin words.
export function joinSeparator(before: PageLine, after: PageLine): string {
  const last = lastChar(before);
  const first = after.trimmed[0];
  return (isLatin(last) || isDigit(last)) && isLatin(first) ? ' ' : '';
}
