import { DIFF_WORK_BUDGET, matchTokens, type DiffBudget, type MatchLimits } from './token-match';

/// One run of a diff: kept, removed from the first text, or added by the second; text in code points.
export interface DiffRun {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/// Diffs two texts by code point, in bounded time and without recursion.
///
/// Short stretches between the common start and end get an exact (shortest) diff; long ones are first cut at
/// characters found once on each side (see `matchTokens`). Works on code points, so a surrogate pair is never split.
export function diffCodePoints(a: string, b: string): DiffRun[] {
  const out = new RunList();
  charDiff(a, b, out);
  return out.runs;
}

/// Diffs two multi-line texts line by line first, then by code point inside changed lines.
///
/// Time about linear in the texts even when every line of a 7-million-character page changed (a corpus-wide batch
/// replace): lines are matched with `matchTokens`; a block of changed lines is diffed as one text when short,
/// otherwise line against line, pairing each line with the most alike one nearby.
export function diffLinesThenChars(a: string, b: string): DiffRun[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const before = splitKeepingNewlines(a);
  const after = splitKeepingNewlines(b);
  const ids = new Map<string, number>();
  const idsOf = (lines: string[]) => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      let id = ids.get(lines[i]!);
      if (id === undefined) ids.set(lines[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const out = new RunList();
  const match = matchTokens(idsOf(before), idsOf(after), LINE_LIMITS, out.budget);
  let j = 0;
  let blockStart = 0;
  for (let i = 0; i < before.length; i++) {
    const partner = match[i]!;
    if (partner < 0) continue;
    changedLines(before.slice(blockStart, i), after.slice(j, partner), out);
    out.push('equal', before[i]!);
    blockStart = i + 1;
    j = partner + 1;
  }
  changedLines(before.slice(blockStart), after.slice(j), out);
  return out.runs;
}

// Lines: an exact diff for stretches of up to 256 lines, or needing up to 128 line edits.
const LINE_LIMITS: MatchLimits = { exactSize: 256, maxEdits: 128 };
// Code points: an exact diff for stretches of up to 256 characters, or needing up to 64 edits.
const CHAR_LIMITS: MatchLimits = { exactSize: 256, maxEdits: 64, windowsFirst: true };
// A block of changed lines up to this many UTF-16 units is diffed as one text (lines joined or split are found).
const BLOCK_AS_TEXT = 2048;

// A block of changed lines (either side may be empty).
function changedLines(deleted: string[], inserted: string[], out: RunList): void {
  if (deleted.length === 0 && inserted.length === 0) return;
  const x = deleted.join('');
  const y = inserted.join('');
  if (deleted.length === 0 || inserted.length === 0 || x.length + y.length <= BLOCK_AS_TEXT) {
    charDiff(x, y, out);
    return;
  }
  // Walk both sides, pairing lines; a line is skipped as deleted (inserted) when the next line on its side fits
  // the other side's line better than the pair does, so one added or removed line does not shift the pairing.
  let i = 0;
  let k = 0;
  while (i < deleted.length && k < inserted.length) {
    const paired = alikeness(deleted[i]!, inserted[k]!);
    const skipDeleted = i + 1 < deleted.length ? alikeness(deleted[i + 1]!, inserted[k]!) : -1;
    const skipInserted = k + 1 < inserted.length ? alikeness(deleted[i]!, inserted[k + 1]!) : -1;
    if (skipDeleted > paired && skipDeleted >= skipInserted) out.push('delete', deleted[i++]!);
    else if (skipInserted > paired) out.push('insert', inserted[k++]!);
    else charDiff(deleted[i++]!, inserted[k++]!, out);
  }
  while (i < deleted.length) out.push('delete', deleted[i++]!);
  while (k < inserted.length) out.push('insert', inserted[k++]!);
}

// How alike two lines are: the length of their common start and end (UTF-16 units).
function alikeness(x: string, y: string): number {
  const limit = Math.min(x.length, y.length);
  let prefix = 0;
  while (prefix < limit && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && x.charCodeAt(x.length - 1 - suffix) === y.charCodeAt(y.length - 1 - suffix)) suffix++;
  return prefix + suffix;
}

function charDiff(x: string, y: string, out: RunList): void {
  if (x === y) {
    out.push('equal', x);
    return;
  }
  // The common start and end first (whole code points): most changed lines differ in a few characters.
  const limit = Math.min(x.length, y.length);
  let prefix = 0;
  while (prefix < limit && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(x.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && x.charCodeAt(x.length - 1 - suffix) === y.charCodeAt(y.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(x.charCodeAt(x.length - suffix))) suffix--;
  out.push('equal', x.slice(0, prefix));
  middleDiff(x.slice(prefix, x.length - suffix), y.slice(prefix, y.length - suffix), out);
  out.push('equal', x.slice(x.length - suffix));
}

// Two texts with different first and last code points.
function middleDiff(x: string, y: string, out: RunList): void {
  if (x === '' || y === '') {
    out.push('delete', x);
    out.push('insert', y);
    return;
  }
  const cx = codePoints(x);
  const cy = codePoints(y);
  const match = matchTokens(cx.points, cy.points, CHAR_LIMITS, out.budget);
  let j = 0;
  let runStart = 0; // first code point of x not yet emitted
  for (let i = 0; i < cx.points.length; i++) {
    const partner = match[i]!;
    if (partner < 0) continue;
    if (i > runStart) out.push('delete', x.slice(cx.offsets[runStart], cx.offsets[i]));
    if (partner > j) out.push('insert', y.slice(cy.offsets[j], cy.offsets[partner]));
    out.push('equal', x.slice(cx.offsets[i], cx.offsets[i + 1]));
    runStart = i + 1;
    j = partner + 1;
  }
  out.push('delete', x.slice(cx.offsets[runStart]));
  out.push('insert', y.slice(cy.offsets[j]));
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

// The code points of a text and the UTF-16 offset of each (plus the length at the end).
function codePoints(text: string): { points: Int32Array; offsets: Int32Array } {
  const points = new Int32Array(text.length);
  const offsets = new Int32Array(text.length + 1);
  let n = 0;
  for (let u = 0; u < text.length; n++) {
    const point = text.codePointAt(u)!;
    points[n] = point;
    offsets[n] = u;
    u += point > 0xffff ? 2 : 1;
  }
  offsets[n] = text.length;
  return { points: points.subarray(0, n), offsets: offsets.subarray(0, n + 1) };
}

function splitKeepingNewlines(text: string): string[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/);
}

// Runs under construction: empty runs dropped, neighbours of the same kind joined (as text pieces, joined once).
class RunList {
  /// The exact-diff work left for this diff (see `matchTokens`).
  readonly budget: DiffBudget = { work: DIFF_WORK_BUDGET };
  private readonly ops: DiffRun['op'][] = [];
  private readonly pieces: string[][] = [];

  push(op: DiffRun['op'], text: string): void {
    if (text === '') return;
    const last = this.ops.length - 1;
    if (last >= 0 && this.ops[last] === op) this.pieces[last]!.push(text);
    else {
      this.ops.push(op);
      this.pieces.push([text]);
    }
  }

  get runs(): DiffRun[] {
    return this.ops.map((op, i) => ({ op, text: this.pieces[i]!.join('') }));
  }
}
