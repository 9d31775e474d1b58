/// Character classes the rules reason about: Han ideographs, full-width punctuation, digits, spaces.
///
/// Each function takes one code point as a string (as produced by `Array.from(text)`).

/// True for a Han ideograph, including the CJK extensions outside the Basic Multilingual Plane.
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007
  );
}

const FULL_WIDTH_PUNCTUATION = new Set(Array.from('，。、；：！？“”‘’（）《》〈〉【】「」『』…—·～'));

/// True for punctuation used in Chinese running text (full-width comma, full stop, quotes, brackets …).
export function isCjkPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && FULL_WIDTH_PUNCTUATION.has(ch);
}

/// True for a Han character or Chinese punctuation: the characters that make a stretch "Chinese text".
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunctuation(ch);
}

/// True for an ASCII or full-width digit.
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9０-９]$/.test(ch);
}

/// True for a Latin letter (ASCII or full-width).
export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-zＡ-Ｚａ-ｚ]$/.test(ch);
}

/// True for a space inside a line: ASCII space, ideographic space, no-break space or tab (never a newline).
export function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\u00a0' || ch === '\t';
}

const SENTENCE_END = new Set(Array.from('。！？!?…”』」）)；;'));

/// True for punctuation that can close a sentence or paragraph (full stop, quote close, ellipsis …).
export function isSentenceEnd(ch: string | undefined): boolean {
  return ch !== undefined && SENTENCE_END.has(ch);
}

const CLAUSE_PUNCTUATION = new Set(Array.from('，。、；！？,;!?'));

/// True for punctuation that separates clauses inside running text; headlines and bylines rarely contain it.
export function isClausePunctuation(ch: string | undefined): boolean {
  return ch !== undefined && CLAUSE_PUNCTUATION.has(ch);
}
