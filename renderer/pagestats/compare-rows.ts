import { diffLinesThenChars, type DiffRun } from '../../shared/model/diff-codepoints';

/// A piece of a line in the original-vs-corrected view: kept, removed from the original, or added.
export interface Segment {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

/// One row of the side-by-side view: a line of the original and the line of the corrected text beside it (null:
/// no line there), with their 1-based numbers.
export interface SideRow {
  original: Segment[] | null;
  corrected: Segment[] | null;
  originalNo: number | null;
  correctedNo: number | null;
  changed: boolean;
}

/// The whole comparison of a page: both layouts and what changed, in code points.
export interface PageComparison {
  rows: SideRow[];
  /// One line per line of the corrected text, with the original's removed text in place.
  unified: Segment[][];
  /// Code points removed from the original and added, line breaks included.
  removed: number;
  added: number;
  /// Rows with a difference.
  changedLines: number;
}

/// A removed or added line break, shown as this mark so joining and splitting lines is visible.
export const LINE_BREAK_MARK = '↵';

/// Compares the original text with the corrected one: lines first, then code points inside changed lines
/// (diffLinesThenChars), so a surrogate pair such as 𠮷 is never split and each CJK character is marked alone.
export function comparePage(original: string, corrected: string): PageComparison {
  return comparisonOf(diffLinesThenChars(original, corrected));
}

/// Builds both layouts from diff runs (exported for tests).
///
/// Side by side: lines are collected on each side between line breaks both texts share, then paired in order,
/// the shorter side padded, so kept lines always stand on one row and the two columns scroll together.
export function comparisonOf(runs: readonly DiffRun[]): PageComparison {
  const rows: SideRow[] = [];
  const unified: Segment[][] = [];
  let left: Segment[] = [];
  let right: Segment[] = [];
  let both: Segment[] = [];
  let leftBlock: Segment[][] = [];
  let rightBlock: Segment[][] = [];
  let originalNo = 1;
  let correctedNo = 1;
  let removed = 0;
  let added = 0;

  const flush = () => {
    const count = Math.max(leftBlock.length, rightBlock.length);
    for (let i = 0; i < count; i++) {
      const a = leftBlock[i] ?? null;
      const b = rightBlock[i] ?? null;
      const changed = a === null || b === null || a.some((s) => s.kind !== 'same') || b.some((s) => s.kind !== 'same') || lineText(a) !== lineText(b);
      rows.push({ original: a, corrected: b, originalNo: a === null ? null : originalNo++, correctedNo: b === null ? null : correctedNo++, changed });
    }
    leftBlock = [];
    rightBlock = [];
  };

  for (const run of runs) {
    const pieces = run.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        // A line break of this run.
        if (run.op === 'equal') {
          leftBlock.push(left);
          rightBlock.push(right);
          unified.push(both);
          left = [];
          right = [];
          both = [];
          flush();
        } else if (run.op === 'delete') {
          removed++;
          push(left, 'del', LINE_BREAK_MARK);
          push(both, 'del', LINE_BREAK_MARK);
          leftBlock.push(left);
          left = [];
        } else {
          added++;
          push(right, 'ins', LINE_BREAK_MARK);
          push(both, 'ins', LINE_BREAK_MARK);
          rightBlock.push(right);
          unified.push(both);
          right = [];
          both = [];
        }
      }
      if (piece === '') return;
      if (run.op === 'equal') {
        push(left, 'same', piece);
        push(right, 'same', piece);
        push(both, 'same', piece);
      } else if (run.op === 'delete') {
        removed += codePoints(piece);
        push(left, 'del', piece);
        push(both, 'del', piece);
      } else {
        added += codePoints(piece);
        push(right, 'ins', piece);
        push(both, 'ins', piece);
      }
    });
  }
  leftBlock.push(left);
  rightBlock.push(right);
  unified.push(both);
  flush();
  return { rows, unified, removed, added, changedLines: rows.filter((row) => row.changed).length };
}

// Appends text to a line, joining it to the last segment of the same kind.
function push(line: Segment[], kind: Segment['kind'], text: string): void {
  const last = line[line.length - 1];
  if (last && last.kind === kind) last.text += text;
  else line.push({ kind, text });
}

function lineText(line: readonly Segment[]): string {
  return line.map((s) => s.text).join('');
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
