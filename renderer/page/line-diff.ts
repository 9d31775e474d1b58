/// One row of a side-by-side comparison: a line of mine and the line of theirs beside it (null: no line there).
export interface DiffRow {
  mine: string | null;
  theirs: string | null;
  same: boolean;
}

/// Pairs the lines of two versions for a side-by-side view in linear time: the common lines at the start and
/// the end are matched, the lines between are paired in order (proofreading rarely adds or removes lines).
export function diffLines(mine: string, theirs: string): DiffRow[] {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows: DiffRow[] = [];
  for (let i = 0; i < start; i++) rows.push({ mine: a[i]!, theirs: b[i]!, same: true });
  for (let i = 0; i < Math.max(endA - start, endB - start); i++) {
    const m = start + i < endA ? a[start + i]! : null;
    const t = start + i < endB ? b[start + i]! : null;
    rows.push({ mine: m, theirs: t, same: m === t });
  }
  for (let i = endA; i < a.length; i++) rows.push({ mine: a[i]!, theirs: b[i - endA + endB]!, same: true });
  return rows;
}

/// The text of "mine" after taking theirs on the rows in `taken` (a taken row without a line of theirs drops mine).
export function mergedText(rows: readonly DiffRow[], taken: ReadonlySet<number>): string {
  const lines: string[] = [];
  rows.forEach((row, i) => {
    const line = taken.has(i) ? row.theirs : row.mine;
    if (line !== null) lines.push(line);
  });
  return lines.join('\n');
}
