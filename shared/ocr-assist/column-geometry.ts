/// Where each text line stands in its column on the scan: how far it is set in from the column's left edge and how
/// far it falls short of the right edge, in character advances, and how far it sits below the line above it.
///
/// The column's edges are estimated around each line from its neighbours on the scan (the lines nearest in height
/// that overlap it sideways and are set in the same type), not from the text's order, so reading-order damage
/// elsewhere on the page does not move them. An edge is the place most neighbours share: the left edge is where
/// all lines but a paragraph's first start, the right edge where all but a paragraph's last end. Only the nearest
/// few neighbours are asked, so a page turned by a degree (a column edge drifting a pixel every 70) still reads true.
import { isInlineSpace } from './char-class';
import { unionRegions } from '../layout/geometry';
import type { PageLine } from './lines';
import type { LineBox } from './types';

/// One line's place in its column, in advances (the width of one full-width character of the column's type).
export interface LinePlace {
  /// 'alike': characters as wide as those of the lines around it; 'larger': clearly wider and taller (a headline's
  /// type); 'unlike': a region that does not fit the line's text (linked to the wrong line, or holding specks).
  type: 'alike' | 'larger' | 'unlike';
  /// How far the line's first character stands right of the column's left edge; null where the region starts
  /// well left of the edge (a speck read with the line, or a region of another line).
  indent: number | null;
  /// How far the line's last character falls short of the column's right edge; null where the region runs well
  /// past the edge.
  shortBy: number | null;
  /// The vertical distance from the line right above it in the same column to this one, in that column's line
  /// pitches (1 for the next line of a paragraph); null at a column's top or where no such line is known. Computed
  /// when asked: few decisions need it.
  stepFromAbove: () => number | null;
  /// The line's region.
  box: LineBox;
  /// The region of the printed line it belongs to: its own, or its own and that of another text line beside it
  /// (the engine read one printed line as two). Indent and shortfall are measured on it.
  row: LineBox;
  /// The width of one of its characters, from its region and its text.
  advance: number;
}

/// How many neighbours on the scan (nearest in height, same column, same type) estimate a line's column.
const NEIGHBOURS = 10;
/// Two places count as one edge when they are within this many advances.
const EDGE_TOLERANCE = 0.5;
/// A region may stand this many advances beyond the column's edge and still be trusted.
const OVERHANG = 0.6;
/// Lines whose width per character differs from their neighbours' median by more than this factor are set in
/// other type (a headline, a caption) or are linked to the wrong text.
const TYPE_RATIO = 1.3;
/// A line taller than this many times its neighbours' median height is set in larger type.
const HEIGHT_RATIO = 1.6;
/// A line in larger type (a headline) is at least this many times as tall as its neighbours' median.
const LARGER_HEIGHT = 1.25;

interface Measured {
  index: number;
  box: LineBox;
  advance: number;
}

/// Per line of `content` (non-blank lines in text order, `boxes` indexed by line index), its place in its column,
/// or null where the scan says nothing about it (no region, too few neighbours to see the column). Only a line
/// of type 'alike' has edges measured.
export function columnPlaces(content: readonly PageLine[], boxes: readonly (LineBox | null)[]): (LinePlace | null)[] {
  const measured: Measured[] = [];
  content.forEach((line, k) => {
    const box = boxes[line.index];
    const units = widthUnits(line.trimmed);
    // Only lines set across the page are measured: a region taller than wide is a line of vertical text (or a
    // character or two), whose indent would be measured along the wrong axis.
    if (box && units > 0 && box.height > 0 && box.width >= 0.8 * box.height) measured.push({ index: k, box, advance: box.width / units });
  });
  // Sorted by height on the page, so neighbours are found by walking outwards.
  const byY = [...measured].sort((a, b) => centreY(a.box) - centreY(b.box));
  const places: (LinePlace | null)[] = content.map(() => null);
  for (let at = 0; at < byY.length; at++) places[byY[at]!.index] = placeOf(byY, at, neighboursOf(byY, at));
  return places;
}

/// The region of the whole printed line `byY[at]` is part of: the OCR engine sometimes reads one line of a column
/// as two, side by side, and puts the halves apart in its text. Regions beside it in the same row belong to it
/// while together they stay inside the column's edges `left`..`right` (a line of the next column does not).
function rowOf(byY: readonly Measured[], at: number, left: number, right: number): LineBox {
  const line = byY[at]!;
  const slack = EDGE_TOLERANCE * line.advance;
  let row = line.box;
  for (const step of [-1, 1]) {
    for (let i = at + step; i >= 0 && i < byY.length; i += step) {
      const other = byY[i]!;
      if (Math.abs(centreY(other.box) - centreY(line.box)) > line.box.height) break;
      const overlap = Math.min(row.y + row.height, other.box.y + other.box.height) - Math.max(row.y, other.box.y);
      if (overlap < 0.5 * Math.min(row.height, other.box.height) || overlapsSideways(row, other.box)) continue;
      const union = unionRegions([row, other.box])!;
      if (union.x >= left - slack && union.x + union.width <= right + slack) row = union;
    }
  }
  return row;
}

/// The line's own place against the neighbours that share its column and type.
function placeOf(byY: readonly Measured[], at: number, candidates: readonly Measured[]): LinePlace | null {
  const line = byY[at]!;
  const advance = medianOf(candidates, 'advance');
  const height = medianOf(candidates, 'height');
  // The edges are read from regions of the usual height only: a taller one may hold a speck or a second line.
  const alike = candidates.filter((c) => sameAdvance(c, advance) && c.box.height < HEIGHT_RATIO * height);
  if (alike.length < 3) return null;
  // Larger type is wider and taller; a region only wider holds more than its text (specks, another line's end).
  const larger = line.advance > advance && line.box.height >= LARGER_HEIGHT * height;
  if (!sameAdvance(line, advance)) return { type: larger ? 'larger' : 'unlike', indent: null, shortBy: null, stepFromAbove: () => null, box: line.box, row: line.box, advance: line.advance };
  const left = modeEdge(alike, 'left', EDGE_TOLERANCE * advance);
  const right = modeEdge(alike, 'right', EDGE_TOLERANCE * advance);
  const row = rowOf(byY, at, left, right);
  const indent = (row.x - left) / advance;
  const shortBy = (right - row.x - row.width) / advance;
  return {
    type: 'alike',
    indent: indent < -OVERHANG ? null : indent,
    shortBy: shortBy < -OVERHANG ? null : shortBy,
    stepFromAbove: () => (line.box.height < HEIGHT_RATIO * height ? stepFromAbove(line, alike) : null),
    box: line.box,
    row,
    advance: line.advance,
  };
}

/// The distance from the nearest line above in the same column, in the column's line pitch (the median distance
/// between neighbouring rows there; regions closer than half a line height are one row).
function stepFromAbove(line: Measured, alike: readonly Measured[]): number | null {
  // Typed arrays sort numerically without a comparator; the neighbours are a handful, so this runs per line.
  const ys = Float64Array.from(alike, (c) => centreY(c.box)).sort();
  const half = line.box.height / 2;
  const steps: number[] = [];
  for (let i = 1; i < ys.length; i++) if (ys[i]! - ys[i - 1]! > half) steps.push(ys[i]! - ys[i - 1]!);
  if (steps.length < 2) return null;
  const pitch = Float64Array.from(steps).sort()[Math.floor((steps.length - 1) / 2)]!;
  const y = centreY(line.box);
  let above = Number.NEGATIVE_INFINITY;
  for (const other of ys) if (other < y - half) above = other;
  if (above === Number.NEGATIVE_INFINITY) return null;
  const step = (y - above) / pitch;
  return step > 3 ? null : step;
}

/// Up to NEIGHBOURS lines nearest in height to `byY[at]` (itself included) that overlap it sideways by at least
/// half the narrower of the two.
function neighboursOf(byY: readonly Measured[], at: number): Measured[] {
  const line = byY[at]!;
  const found: Measured[] = [line];
  let up = at - 1;
  let down = at + 1;
  // Far enough for a column of short paragraphs; beyond it lines are of other parts of the page.
  const reach = 2 * NEIGHBOURS * line.box.height;
  while (found.length < NEIGHBOURS && (up >= 0 || down < byY.length)) {
    const upGap = up >= 0 ? centreY(line.box) - centreY(byY[up]!.box) : Number.POSITIVE_INFINITY;
    const downGap = down < byY.length ? centreY(byY[down]!.box) - centreY(line.box) : Number.POSITIVE_INFINITY;
    if (Math.min(upGap, downGap) > reach) break;
    const next = upGap <= downGap ? byY[up--]! : byY[down++]!;
    if (overlapsSideways(line.box, next.box)) found.push(next);
  }
  return found;
}

function overlapsSideways(a: LineBox, b: LineBox): boolean {
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return overlap >= 0.5 * Math.min(a.width, b.width);
}

const sameAdvance = (c: Measured, advance: number): boolean => c.advance / advance < TYPE_RATIO && advance / c.advance < TYPE_RATIO;

// One buffer for the few numbers sorted per line (typed arrays sort numerically without a comparator): this runs
// for every line of the page at every refresh, so it allocates nothing.
const scratch = new Float64Array(NEIGHBOURS);

/// The place most of the lines' left or right ends share (the median of the largest group within `tolerance`);
/// among groups of equal size, the leftmost for the left edge, the rightmost for the right one.
function modeEdge(lines: readonly Measured[], side: 'left' | 'right', tolerance: number): number {
  for (let i = 0; i < lines.length; i++) scratch[i] = side === 'left' ? lines[i]!.box.x : lines[i]!.box.x + lines[i]!.box.width;
  const sorted = scratch.subarray(0, lines.length).sort();
  let bestFrom = 0;
  let bestSize = 0;
  let to = 0;
  for (let from = 0; from < sorted.length; from++) {
    while (to < sorted.length && sorted[to]! <= sorted[from]! + tolerance) to++;
    const size = to - from;
    if (size > bestSize || (size === bestSize && side === 'right')) {
      bestFrom = from;
      bestSize = size;
    }
  }
  return sorted[bestFrom + Math.floor(bestSize / 2)]!;
}

/// The median advance or region height of the lines.
function medianOf(lines: readonly Measured[], what: 'advance' | 'height'): number {
  for (let i = 0; i < lines.length; i++) scratch[i] = what === 'advance' ? lines[i]!.advance : lines[i]!.box.height;
  return scratch.subarray(0, lines.length).sort()[Math.floor(lines.length / 2)]!;
}

/// Full-width marks whose ink fills only the left half of their square; ending a line, they end its region early.
const CLOSING_MARKS = new Set(Array.from('，。、；：！？”’）》」』'));

/// A line's inked width in full-width characters: Latin letters, digits and ASCII marks count half, spaces
/// nothing, and a closing mark at the end half.
export function widthUnits(text: string): number {
  let units = 0;
  let last = '';
  for (const ch of text) {
    if (isInlineSpace(ch)) continue;
    units += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
    last = ch;
  }
  return CLOSING_MARKS.has(last) ? units - 0.5 : units;
}

const centreY = (box: LineBox): number => box.y + box.height / 2;
