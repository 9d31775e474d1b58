/// Sentences and tokens of a page's corrected text, shared by the CoNLL, UIMA CAS XMI and WebAnno TSV exporters so
/// that the three formats cut a page the same way. Every offset here is a code point on the NFC text.
import type { EntitySpan } from '../../model/sidecar-schema';

/// A stretch [start, end) of the text, in code points.
export interface Range {
  start: number;
  end: number;
}

/// The text as code points, with the UTF-16 offset of each (for formats read by Java or JavaScript tools).
export interface CodePoints {
  text: string;
  /// Number of code points.
  length: number;
  /// `codes[i]` is code point `i`.
  codes: Uint32Array;
  /// `utf16[i]` is the UTF-16 offset of code point `i`; `utf16[length]` is the text's UTF-16 length.
  utf16: Uint32Array;
}

/// Indexes `text` by code point.
export function codePoints(text: string): CodePoints {
  const codes = new Uint32Array(text.length);
  const utf16 = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    utf16[n] = i;
    const unit = text.charCodeAt(i);
    const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      codes[n++] = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      i++;
    } else codes[n++] = unit;
  }
  utf16[n] = text.length;
  return { text, length: n, codes: codes.subarray(0, n), utf16: utf16.subarray(0, n + 1) };
}

/// The text of code points [start, end).
export function cpText(cp: CodePoints, start: number, end: number): string {
  return cp.text.slice(cp.utf16[start], cp.utf16[end]);
}

// Character classes, as bit flags.
const TOKEN = 1;
const TERMINATOR = 2;
const CLOSER = 4;
const PER_CHARACTER = 8;
const WORD = 16;
const KNOWN = 128;

// Whitespace (JS `\s`: Unicode White_Space, U+3000 included) and control characters are never tokens: column
// readers split lines on whitespace, and a control character in a token column breaks them.
const NON_TOKEN_RE = /^[\s\p{Cc}]$/u;
// Full stops, exclamation and question marks and semicolons, CJK (full-width) and other scripts.
const TERMINATOR_RE = /^[。！？；!?;｡︒﹒﹖﹗]$/u;
// Closing quotes and brackets that stay with the sentence they close (「他说：好。」 ends after 」).
const CLOSER_RE = /^[」』”’）)\]］】》〉〕〗〙〛"'｣]$/u;
// Scripts written without spaces between words: one token per character.
const PER_CHARACTER_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]$/u;
// Characters that join a run with their neighbours in other scripts (letters, combining marks, digits).
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;

// Classes by code point, worked out the first time a character is met (regular expressions per character would
// dominate the export's time on a large corpus).
const classCache = new Uint8Array(0x110000);

function classOf(code: number): number {
  const cached = classCache[code]!;
  if (cached !== 0) return cached;
  const char = String.fromCodePoint(code);
  let flags = KNOWN;
  if (!NON_TOKEN_RE.test(char)) flags |= TOKEN;
  if (TERMINATOR_RE.test(char)) flags |= TERMINATOR;
  if (CLOSER_RE.test(char)) flags |= CLOSER;
  if (PER_CHARACTER_RE.test(char)) flags |= PER_CHARACTER;
  else if (WORD_RE.test(char)) flags |= WORD;
  classCache[code] = flags;
  return flags;
}

/// Whether a code point is a token character (not whitespace, not a control character).
export function isTokenCode(code: number): boolean {
  return (classOf(code) & TOKEN) !== 0;
}

/// The page's sentences: split after 。！？；(and ! ? ; of other scripts, with any closing quotes or brackets that
/// follow) and at every line end, except where an entity spans the break (a name wrapped across two OCR lines stays
/// one sentence, so no format has to cut an entity). Each sentence is trimmed to its first and last token character;
/// sentences with no token are left out.
export function sentences(cp: CodePoints, entities: readonly EntitySpan[]): Range[] {
  const { codes, length } = cp;
  const inside = entityInteriors(length, entities);
  const result: Range[] = [];
  let start = 0;
  const close = (end: number): void => {
    const trimmed = trim(codes, start, end);
    if (trimmed) result.push(trimmed);
    start = end;
  };
  for (let i = 0; i < length; i++) {
    const code = codes[i]!;
    if (code === 0x0a) {
      if (!inside[i + 1] && !inside[i]) close(i + 1);
      continue;
    }
    if ((classOf(code) & TERMINATOR) === 0) continue;
    let end = i + 1;
    while (end < length && (classOf(codes[end]!) & (TERMINATOR | CLOSER)) !== 0) end++;
    i = end - 1;
    if (!inside[end]) close(end);
  }
  close(length);
  return result;
}

/// Tokens of one sentence: one per character of scripts written without spaces (Han, kana, bopomofo), runs of
/// letters, marks and digits in other scripts, one per other character (punctuation, symbols); whitespace and control
/// characters are not tokens. A run is also cut at every entity start and end, so an entity always covers whole
/// tokens (WebAnno TSV and INCEpTION then need no sub-tokens).
export function tokens(cp: CodePoints, sentence: Range, cuts: ReadonlySet<number>): Range[] {
  const bounds = tokenBounds(cp, sentence, cuts);
  const result: Range[] = [];
  for (let k = 0; k < bounds.count; k++) result.push({ start: bounds.at[2 * k]!, end: bounds.at[2 * k + 1]! });
  return result;
}

/// The tokens of `tokens`, as flat bounds: token k is [at[2k], at[2k + 1]) for k below count. For exporters that
/// write an element per token (UIMA CAS XMI: about 3,000 a page), where an object per token costs more than the
/// element's bytes. `at` is reused by the next call: read it before calling again.
export function tokenBounds(cp: CodePoints, sentence: Range, cuts: ReadonlySet<number>): { at: Uint32Array; count: number } {
  const { codes } = cp;
  const need = 2 * (sentence.end - sentence.start);
  if (boundsBuffer.length < need) boundsBuffer = new Uint32Array(Math.max(need, 2 * boundsBuffer.length));
  const at = boundsBuffer;
  let count = 0;
  let i = sentence.start;
  while (i < sentence.end) {
    const flags = classOf(codes[i]!);
    if ((flags & TOKEN) === 0) {
      i++;
      continue;
    }
    let end = i + 1;
    if ((flags & WORD) !== 0) {
      while (end < sentence.end && !cuts.has(end) && (classOf(codes[end]!) & WORD) !== 0) end++;
    }
    at[2 * count] = i;
    at[2 * count + 1] = end;
    count++;
    i = end;
  }
  return { at, count };
}

// The bounds tokenBounds hands out, grown as needed (a sentence has at most one token per code point).
let boundsBuffer = new Uint32Array(1024);

/// Every entity start and end offset: where `tokens` must cut a run.
export function entityCuts(entities: readonly EntitySpan[]): Set<number> {
  const cuts = new Set<number>();
  for (const span of entities) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  return cuts;
}

// inside[k] is 1 when offset k lies strictly inside some entity (a break at k would cut it).
function entityInteriors(length: number, entities: readonly EntitySpan[]): Uint8Array {
  const diff = new Int32Array(length + 2);
  for (const span of entities) {
    const from = Math.max(0, span.start + 1);
    const to = Math.min(length + 1, span.end);
    if (from >= to) continue;
    diff[from]! += 1;
    diff[to]! -= 1;
  }
  const inside = new Uint8Array(length + 1);
  let depth = 0;
  for (let k = 0; k <= length; k++) {
    depth += diff[k]!;
    inside[k] = depth > 0 ? 1 : 0;
  }
  return inside;
}

function trim(codes: Uint32Array, start: number, end: number): Range | null {
  let from = start;
  let to = end;
  while (from < to && !isTokenCode(codes[from]!)) from++;
  while (to > from && !isTokenCode(codes[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : null;
}
