/// Whether a space belongs between two OCR words.
///
/// Chinese and Japanese are written without spaces, and Tesseract's chi_sim output gives one "word" per character
/// or short run, so CJK neighbours join directly; Latin words, numbers and the like are separated by one space.

// Han (all blocks via the script property), kana, Hangul, bopomofo, CJK symbols and punctuation, full-width forms.
// Curly quotes and dashes are left out: Latin text uses them too, and next to a CJK character the rule already holds.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF\u30FC]/u;

/// True when `char` is a CJK character or CJK-style punctuation, after which no space is written.
export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/// True when a space should separate word `before` from the word `after` that follows it on the same line.
///
/// No space when either side of the boundary is CJK; otherwise one space.
export function needsSpaceBetween(before: string, after: string): boolean {
  const last = Array.from(before).at(-1);
  const first = Array.from(after)[0];
  if (last === undefined || first === undefined) return false;
  return !isCjk(last) && !isCjk(first);
}
