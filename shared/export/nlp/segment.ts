/// Sentences and tokens of a page's corrected text, shared by the CoNLL, UIMA CAS XMI and WebAnno TSV exporters so
/// that the three formats cut a page the same way. Every offset here is a code point on the NFC text.
import type { EntitySpan } from '../../model/sidecar-schema';

/// A stretch [start, end) of the text, in code points.
export interface Range {
  start: number;
  end: number;
}

/// The text split into code points, with the UTF-16 offset of each (for formats read by Java or JavaScript tools).
export interface CodePoints {
  chars: string[];
  /// `utf16[i]` is the UTF-16 offset of code point `i`; `utf16[chars.length]` is the text's UTF-16 length.
  utf16: number[];
}

/// Splits `text` into code points and their UTF-16 offsets.
export function codePoints(text: string): CodePoints {
  const chars = Array.from(text);
  const utf16 = new Array<number>(chars.length + 1);
  let unit = 0;
  for (let i = 0; i < chars.length; i++) {
    utf16[i] = unit;
    unit += chars[i]!.length;
  }
  utf16[chars.length] = unit;
  return { chars, utf16 };
}

// Whitespace (JS `\s`: Unicode White_Space, U+3000 included) and control characters are never tokens: column readers
// split lines on whitespace, and a control character in a token column breaks them.
const NON_TOKEN = /^[\s\p{Cc}]$/u;
// Full stops, exclamation and question marks and semicolons, CJK (full-width) and other scripts.
const TERMINATOR = /^[。！？；!?;｡︒﹒﹖﹗]$/u;
// Closing quotes and brackets that stay with the sentence they close (「他说：好。」 ends after 」).
const CLOSER = /^[」』”’）)\]］】》〉〕〗〙〛"'｣]$/u;
// Scripts written without spaces between words: one token per character.
const PER_CHARACTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]$/u;
// Characters that join a run with their neighbours in other scripts (letters, combining marks, digits).
const WORD = /^[\p{L}\p{M}\p{N}]$/u;

/// Whether a code point is a token (not whitespace, not a control character).
export function isTokenChar(char: string): boolean {
  return !NON_TOKEN.test(char);
}

/// The page's sentences: split after 。！？；(and ! ? ; of other scripts, with any closing quotes or brackets that
/// follow) and at every line end, except where an entity spans the break (a name wrapped across two OCR lines stays
/// one sentence, so no format has to cut an entity). Each sentence is trimmed to its first and last token character;
/// sentences with no token are left out.
export function sentences(cp: CodePoints, entities: readonly EntitySpan[]): Range[] {
  const { chars } = cp;
  const inside = entityInteriors(chars.length, entities);
  const result: Range[] = [];
  let start = 0;
  const close = (end: number): void => {
    const trimmed = trim(chars, start, end);
    if (trimmed) result.push(trimmed);
    start = end;
  };
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '\n') {
      if (!inside[i + 1] && !inside[i]) close(i + 1);
      continue;
    }
    if (!TERMINATOR.test(char)) continue;
    let end = i + 1;
    while (end < chars.length && (TERMINATOR.test(chars[end]!) || CLOSER.test(chars[end]!))) end++;
    i = end - 1;
    if (!inside[end]) close(end);
  }
  close(chars.length);
  return result;
}

/// Tokens of one sentence: one per character of scripts written without spaces (Han, kana, bopomofo), runs of
/// letters, marks and digits in other scripts, one per other character (punctuation, symbols); whitespace and control
/// characters are not tokens. A run is also cut at every entity start and end, so an entity always covers whole
/// tokens (WebAnno TSV and INCEpTION then need no sub-tokens).
export function tokens(cp: CodePoints, sentence: Range, cuts: ReadonlySet<number>): Range[] {
  const { chars } = cp;
  const result: Range[] = [];
  let i = sentence.start;
  while (i < sentence.end) {
    const char = chars[i]!;
    if (!isTokenChar(char)) {
      i++;
      continue;
    }
    let end = i + 1;
    if (WORD.test(char) && !PER_CHARACTER.test(char)) {
      while (end < sentence.end && !cuts.has(end) && WORD.test(chars[end]!) && !PER_CHARACTER.test(chars[end]!)) end++;
    }
    result.push({ start: i, end });
    i = end;
  }
  return result;
}

/// Every entity start and end offset: where `tokens` must cut a run.
export function entityCuts(entities: readonly EntitySpan[]): Set<number> {
  const cuts = new Set<number>();
  for (const span of entities) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  return cuts;
}

// inside[k] is true when offset k lies strictly inside some entity (a break at k would cut it).
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

function trim(chars: readonly string[], start: number, end: number): Range | null {
  let from = start;
  let to = end;
  while (from < to && !isTokenChar(chars[from]!)) from++;
  while (to > from && !isTokenChar(chars[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : null;
}
