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
  const encoded = encodeTokens(splitKeepingNewlines(a), splitKeepingNewlines(b));
  if (encoded === null) return diffCodePoints(a, b);
  const lineRuns = decodeRuns(fastDiff(encoded.a, encoded.b), encoded.symbols);
  const out: DiffRun[] = [];
  let pendingDelete = '';
  let pendingInsert = '';
  const flush = () => {
    if (pendingDelete !== '' || pendingInsert !== '') out.push(...diffCodePoints(pendingDelete, pendingInsert));
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
