/// How lines are joined when an export reflows them into paragraphs (plain text and TEI with the `paragraphs`
/// option), so both exports join the same lines the same way.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/// What replaces the line break between `before` (the last character of a line, a whole code point) and `after`
/// (the first of the next): nothing between CJK characters, after a hyphen, or at a paragraph's edge (either is
/// empty or a line break); a space between words of other scripts.
export function reflowSeparator(before: string, after: string): '' | ' ' {
  if (before === '' || after === '' || before === '\n' || after === '\n' || before === '-') return '';
  return CJK.test(before) || CJK.test(after) ? '' : ' ';
}

/// The last code point of `text` ('' when empty); an Extension B character such as 𠮷 is one code point.
export function lastCodePoint(text: string): string {
  const unit = text.charCodeAt(text.length - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text.slice(-1);
}

/// The first code point of `text` ('' when empty).
export function firstCodePoint(text: string): string {
  const code = text.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}
