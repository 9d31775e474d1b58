/// Aligns the lines of a layout file (hOCR, ALTO, PAGE) with the lines of the plain-text file of the same page.
///
/// Both usually come from the same OCR run, so the same lines appear in the same order; they differ in blank lines
/// (paragraph breaks) and in whitespace (one puts a space between words, the other does not). The alignment keeps
/// the order: it matches lines whose text is equal once whitespace is removed (a longest common subsequence), then
/// pairs the lines left over between two matches one to one when both sides left the same number.

// Above this many cells the quadratic alignment would be slow; then lines are matched greedily in order.
const MAX_TABLE_CELLS = 4_000_000;

/// For each layout line, the 0-based index of the text line it belongs to, or null when none fits.
///
/// `textLines` are the page text's lines (split on "\n", blank ones included, so the indexes are editor line
/// numbers); `layoutLines` are the layout lines' texts in reading order. Blank text lines are never matched.
/// Indexes increase along the layout lines (no line is matched twice).
export function alignTextLines(textLines: readonly string[], layoutLines: readonly string[]): (number | null)[] {
  const text = textLines.map((line, index) => ({ index, key: squeeze(line) })).filter((line) => line.key !== '');
  const layout = layoutLines.map(squeeze);
  const pairs = text.length * layout.length <= MAX_TABLE_CELLS ? commonSubsequence(layout, text.map((t) => t.key)) : greedyMatches(layout, text.map((t) => t.key));
  const result: (number | null)[] = layout.map(() => null);
  for (const [l, t] of pairs) result[l] = text[t]!.index;
  pairGaps(result, pairs, layout, text);
  return result;
}

/// A line's text without any whitespace, NFC, for comparing lines that differ only in spacing.
export function squeeze(line: string): string {
  return line.normalize('NFC').replace(/\s+/gu, '');
}

// Index pairs [layout, text] of a longest common subsequence of equal keys, in increasing order.
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const here = i * width + j;
      table[here] = a[i] !== '' && a[i] === b[j] ? table[here + width + 1]! + 1 : Math.max(table[here + width]!, table[here + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] !== '' && a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

// For very long pages: each layout line takes the next equal text line, if there is one not yet passed.
function greedyMatches(a: readonly string[], b: readonly string[]): [number, number][] {
  const positions = new Map<string, number[]>();
  b.forEach((key, j) => positions.set(key, [...(positions.get(key) ?? []), j]));
  const pairs: [number, number][] = [];
  let next = 0;
  a.forEach((key, i) => {
    const found = positions.get(key)?.find((j) => j >= next);
    if (key === '' || found === undefined) return;
    pairs.push([i, found]);
    next = found + 1;
  });
  return pairs;
}

// Between consecutive matches, unmatched layout lines and non-blank text lines of the same count are paired in
// order: the same OCR line with a few characters read differently.
function pairGaps(
  result: (number | null)[],
  pairs: readonly [number, number][],
  layout: readonly string[],
  text: readonly { index: number; key: string }[],
): void {
  const anchors: [number, number][] = [[-1, -1], ...pairs, [layout.length, text.length]];
  for (let k = 1; k < anchors.length; k++) {
    const [l0, t0] = anchors[k - 1]!;
    const [l1, t1] = anchors[k]!;
    const layoutGap: number[] = [];
    for (let l = l0 + 1; l < l1; l++) if (layout[l] !== '') layoutGap.push(l);
    if (layoutGap.length === 0 || layoutGap.length !== t1 - t0 - 1) continue;
    layoutGap.forEach((l, offset) => {
      result[l] = text[t0 + 1 + offset]!.index;
    });
  }
}
