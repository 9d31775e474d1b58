import fastDiff from 'fast-diff';

/// One run of a diff: kept, removed from the first text, or added by the second; text in code points.
export interface DiffRun {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/// Diffs two texts by code point with fast-diff (Myers with prefix/suffix trimming).
///
/// fast-diff works on UTF-16 units and could split a surrogate pair; each distinct code point (and each
/// distinct line, in `diffLinesThenChars`) is therefore first mapped to one BMP unit, the technique
/// diff-match-patch uses for line mode.
export function diffCodePoints(a: string, b: string): DiffRun[] {
  const encoded = encodeTokens(Array.from(a), Array.from(b));
  if (encoded === null) return a === b ? [{ op: 'equal', text: a }] : [{ op: 'delete', text: a }, { op: 'insert', text: b }];
  return decodeRuns(fastDiff(encoded.a, encoded.b), encoded.symbols);
}

/// Diffs two multi-line texts line by line first, then by code point inside changed blocks of lines.
///
/// Keeps a page of 200,000 characters with corrections scattered over it fast: the character diff only
/// runs on the lines that differ.
export function diffLinesThenChars(a: string, b: string): DiffRun[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const inPlace = diffLinesInPlace(a, b);
  if (inPlace !== null) return inPlace;
  const encoded = encodeTokens(splitKeepingNewlines(a), splitKeepingNewlines(b));
  if (encoded === null) return diffCodePoints(a, b);
  const lineRuns = decodeRuns(fastDiff(encoded.a, encoded.b), encoded.symbols);
  const out: DiffRun[] = [];
  let pendingDelete = '';
  let pendingInsert = '';
  const flush = () => {
    if (pendingDelete !== '' || pendingInsert !== '') out.push(...diffChangedLines(pendingDelete, pendingInsert));
    pendingDelete = '';
    pendingInsert = '';
  };
  for (const run of lineRuns) {
    if (run.op === 'equal') {
      flush();
      out.push(run);
    } else if (run.op === 'delete') pendingDelete += run.text;
    else pendingInsert += run.text;
  }
  flush();
  return mergeRuns(out);
}

// Texts with the same number of lines where every changed line is still mostly itself (edited in place, as an
// accept-all of thousands of suggestions leaves a page): diffed line against line, in time linear in the page. A
// line diff over thousands of changed lines costs their number squared. Null when the lines do not pair up so.
function diffLinesInPlace(a: string, b: string): DiffRun[] | null {
  const before = splitKeepingNewlines(a);
  const after = splitKeepingNewlines(b);
  if (before.length !== after.length || before.length < IN_PLACE_MIN_LINES) return null;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i] && !mostlyAlike(before[i]!, after[i]!)) return null;
  const out: DiffRun[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after[i]) out.push({ op: 'equal', text: before[i]! });
    else out.push(...diffCodePoints(before[i]!, after[i]!));
  }
  return mergeRuns(out);
}

// Below this many lines the ordinary line diff is cheap enough.
const IN_PLACE_MIN_LINES = 200;

// True when the common start and end of two lines make up at least half of the longer one.
function mostlyAlike(x: string, y: string): boolean {
  const limit = Math.min(x.length, y.length);
  let prefix = 0;
  while (prefix < limit && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && x.charCodeAt(x.length - 1 - suffix) === y.charCodeAt(y.length - 1 - suffix)) suffix++;
  return 2 * (prefix + suffix) >= Math.max(x.length, y.length);
}

// A block of changed lines: as many lines on both sides (every line edited in place, as after an accept-all that
// touches every line) are diffed line by line; one character diff over the whole block costs time in its size
// times its differences (seconds for 5,000 lines with 10,000 edits). Otherwise the block is diffed as a whole.
function diffChangedLines(deleted: string, inserted: string): DiffRun[] {
  const before = splitKeepingNewlines(deleted);
  const after = splitKeepingNewlines(inserted);
  if (before.length < 2 || before.length !== after.length) return diffCodePoints(deleted, inserted);
  return before.flatMap((line, i) => diffCodePoints(line, after[i]!));
}

function splitKeepingNewlines(text: string): string[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/);
}

// Encodes two token lists (code points or lines) as strings of one BMP unit per token, sharing one alphabet;
// null when there are more distinct tokens than BMP units.
function encodeTokens(tokensA: string[], tokensB: string[]): { a: string; b: string; symbols: string[] } | null {
  const alphabet = new Map<string, string>();
  const symbols: string[] = [];
  const encode = (tokens: string[]): string | null => {
    let out = '';
    for (const token of tokens) {
      let unit = alphabet.get(token);
      if (unit === undefined) {
        const fresh = unitFor(symbols.length);
        if (fresh === null) return null;
        unit = fresh;
        alphabet.set(token, unit);
        symbols.push(token);
      }
      out += unit;
    }
    return out;
  };
  const a = encode(tokensA);
  const b = encode(tokensB);
  return a === null || b === null ? null : { a, b, symbols };
}

// Maps a symbol number to a single BMP code unit, skipping the surrogate range; null when the BMP is exhausted.
function unitFor(n: number): string | null {
  const code = n < 0xd800 ? n : n + 0x800;
  return code > 0xffff ? null : String.fromCharCode(code);
}

function decodeRuns(diff: fastDiff.Diff[], symbols: string[]): DiffRun[] {
  return diff.map(([op, encoded]) => {
    let text = '';
    for (let i = 0; i < encoded.length; i++) {
      const code = encoded.charCodeAt(i);
      text += symbols[code < 0xd800 ? code : code - 0x800]!;
    }
    return { op: op === fastDiff.EQUAL ? 'equal' : op === fastDiff.DELETE ? 'delete' : 'insert', text };
  });
}

function mergeRuns(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === run.op) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}
