import { unionRegions } from '../../layout/geometry';
import type { PageLine } from '../lines';
import type { LineBox, OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';
import { pushAll } from '../../push-all';
import { movesFromRanges } from '../../model/moves';

/// A text block of the page: a run of non-blank lines between blank lines, with the scan region they cover.
interface Block {
  first: PageLine;
  last: PageLine;
  box: LineBox;
  /// The heights of its lines' regions, and their median.
  heights: number[];
  lineHeight: number;
}

/// Puts blocks in reading order by a recursive XY-cut that prefers columns.
///
/// Where a vertical band of the page holds no block, the blocks are split there into columns, read left to right
/// (right to left with `rightToLeft`: Arabic, Hebrew), each ordered the same way. Else they are split into rows
/// where a horizontal band holds none, top first; but neighbouring rows whose blocks stand in the same columns are
/// joined again, because paragraphs of two columns often end at the same height, and a plain XY-cut (like the OCR
/// engine) would then read across the columns row by row. A headline across the columns stays a row of its own,
/// above them, and so does one the OCR engine read as pieces, one above each column (`splitHeadline`). Blocks that
/// no band separates keep their order.
export function xyCutOrder<T extends { box: LineBox; lineHeight?: number }>(blocks: readonly T[], rightToLeft = false): T[] {
  if (blocks.length <= 1) return [...blocks];
  const columns = cutAlong(blocks, 'x');
  if (columns.length > 1) {
    const headline = splitHeadline(blocks, columns);
    if (headline) {
      const pieces = [...headline].sort((a, b) => (rightToLeft ? b.box.x - a.box.x : a.box.x - b.box.x));
      return [...pieces, ...xyCutOrder(blocks.filter((block) => !headline.includes(block)), rightToLeft)];
    }
    if (rightToLeft) columns.reverse();
    return columns.flatMap((column) => xyCutOrder(column, rightToLeft));
  }
  const rows = cutAlong(blocks, 'y');
  if (rows.length === 1) return [...blocks];
  const sections: T[][] = [rows[0]!];
  for (const row of rows.slice(1)) {
    const last = sections[sections.length - 1]!;
    if (cutAlong([...last, ...row], 'x').length > 1) pushAll(last, row);
    else sections.push(row);
  }
  return sections.flatMap((section) => xyCutOrder(section, rightToLeft));
}

/// A headline is set at least this many times as tall as the lines of the text under it.
const HEADLINE_SIZE = 1.25;

/// The blocks of a headline read as pieces where the gutter runs under it: the top row of the page (above a band
/// with no block) when it has pieces above two or more `columns`, and every piece is set in larger type than the
/// rest of the page (its lines at least HEADLINE_SIZE times as tall as the median line of the other blocks).
/// Null when there is no such row.
function splitHeadline<T extends { box: LineBox; lineHeight?: number }>(blocks: readonly T[], columns: readonly T[][]): T[] | null {
  const rows = cutAlong(blocks, 'y');
  const top = rows[0]!;
  if (rows.length < 2 || top.length < 2) return null;
  if (new Set(top.map((block) => columns.findIndex((column) => column.includes(block)))).size < 2) return null;
  const lineHeight = (block: T): number => block.lineHeight ?? block.box.height;
  const rest = blocks.filter((block) => !top.includes(block)).map(lineHeight).sort((a, b) => a - b);
  const typical = rest[Math.floor(rest.length / 2)]!;
  return top.every((block) => lineHeight(block) >= HEADLINE_SIZE * typical) ? top : null;
}

// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu;
// Letters of any script.
const LETTER = /\p{L}/gu;

/// Whether most letters of `text` belong to right-to-left scripts.
function isMostlyRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTER)?.length ?? 0;
  return rtl > 0 && rtl * 2 > (text.match(LETTER)?.length ?? 0);
}

// Splits blocks into groups separated by gaps along `axis` ('y': horizontal bands, 'x': vertical ones), in order
// of position; one group when there is no gap.
function cutAlong<T extends { box: LineBox }>(blocks: readonly T[], axis: 'x' | 'y'): T[][] {
  const start = (b: T) => (axis === 'y' ? b.box.y : b.box.x);
  const end = (b: T) => (axis === 'y' ? b.box.y + b.box.height : b.box.x + b.box.width);
  const sorted = [...blocks].sort((a, b) => start(a) - start(b));
  const groups: T[][] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const block of sorted) {
    // Lines of neighbouring columns may overlap by a few pixels at their ends; a gap must be a real one.
    if (groups.length === 0 || start(block) >= reach) groups.push([block]);
    else groups[groups.length - 1]!.push(block);
    reach = Math.max(reach, end(block));
  }
  // Within a group the page's own order stands until a deeper cut decides otherwise.
  return groups.map((group) => group.sort((a, b) => blocks.indexOf(a) - blocks.indexOf(b)));
}

/// The page's blocks with their regions, or null when some non-blank line has no region (the order of such a
/// page cannot be judged from the scan). A block ends at a blank line, and where the next line does not continue
/// it on the scan (it is not below the previous line in the same column), for OCR output without blank lines.
function blocksOf(lines: readonly PageLine[], boxes: readonly (LineBox | null)[]): Block[] | null {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let previous: LineBox | null = null;
  for (const line of lines) {
    if (line.length === 0) {
      current = null;
      continue;
    }
    const box = boxes[line.index];
    if (!box) return null;
    if (current !== null && previous !== null && !continues(previous, box)) current = null;
    previous = box;
    if (current === null) {
      current = { first: line, last: line, box, heights: [box.height], lineHeight: box.height };
      blocks.push(current);
    } else {
      current.last = line;
      current.heights.push(box.height);
      current.lineHeight = [...current.heights].sort((a, b) => a - b)[Math.floor(current.heights.length / 2)]!;
      current.box = unionRegions([current.box, box])!;
    }
  }
  return blocks;
}

// Whether a line at `next` continues the line at `prev` in one column: below it, and overlapping it sideways.
function continues(prev: LineBox, next: LineBox): boolean {
  const below = next.y >= prev.y + prev.height / 2;
  const overlap = Math.min(prev.x + prev.width, next.x + next.width) - Math.max(prev.x, next.x);
  return below && overlap > 0;
}

/// Proposes putting text blocks the OCR engine read out of order back in the order of the scan's columns.
///
/// Needs the region of every line on the scan (`context.lineBoxes`, given while the text keeps the original
/// lines). One suggestion spans from the first block out of place to the last; its replacement is the same blocks
/// in reading order, with the blank lines between them where they were. Not safe: moving text is for the editor to
/// confirm (the review panel shows it before and after).
export function readingOrderRule(context: RuleContext): OcrSuggestion[] {
  if (!context.lineBoxes) return [];
  const blocks = blocksOf(context.lines, context.lineBoxes);
  if (blocks === null || blocks.length < 3) return [];
  const rightToLeft = isMostlyRightToLeft(context.text);
  const ordered = xyCutOrder(blocks, rightToLeft);
  let from = 0;
  while (from < blocks.length && ordered[from] === blocks[from]) from++;
  if (from === blocks.length) return [];
  let to = blocks.length - 1;
  while (ordered[to] === blocks[to]) to--;
  const chars = context.chars;
  const textOf = (block: Block) => chars.slice(block.first.start, block.last.end).join('');
  let replacement = '';
  // The replacement as ranges of the suggestion's text, for its moves: blocks in the new order, the breaks between
  // them where they were.
  const base = blocks[from]!.first.start;
  const ranges: { from: number; to: number }[] = [];
  for (let i = from; i <= to; i++) {
    replacement += textOf(ordered[i]!);
    ranges.push({ from: ordered[i]!.first.start - base, to: ordered[i]!.last.end - base });
    if (i < to) {
      replacement += chars.slice(blocks[i]!.last.end, blocks[i + 1]!.first.start).join('');
      ranges.push({ from: blocks[i]!.last.end - base, to: blocks[i + 1]!.first.start - base });
    }
  }
  const moved = ordered.slice(from, to + 1).filter((block, i) => block !== blocks[from + i]).length;
  return [
    {
      start: blocks[from]!.first.start,
      end: blocks[to]!.last.end,
      replacement,
      rule: 'reading-order',
      confidence: 0.7,
      ...explain(rightToLeft ? 'reading-order.rtl' : 'reading-order', { moved, blocks: to - from + 1 }),
      safe: false,
      moves: movesFromRanges(ranges),
    },
  ];
}
