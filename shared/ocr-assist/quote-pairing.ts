import { isInlineSpace } from './char-class';

/// Marks after which a quotation may end: OCR loses the closing quote after them, so a missing one goes there.
const QUOTATION_END = new Set(Array.from('。！？…!?'));

/// Where the paragraph that holds `at` ends (code-point index of its first blank line after `at`, or the text's end).
///
/// A blank line after which the text closes a quotation before it opens one is a column break inside a
/// quotation, not the end of the paragraph: the paragraph then goes on to the next blank line.
export function paragraphEnd(chars: readonly string[], at: number): number {
  let i = at;
  for (;;) {
    const blank = nextBlankLine(chars, i);
    if (blank >= chars.length) return chars.length;
    if (!continuesQuotation(chars, blank)) return blank;
    i = blank + 1;
  }
}

/// True when, after a quotation opened at `openAt` and still open at `at` (where another opening quote or a
/// sentence end stands), the pairing of the whole paragraph supports a closing quote right before `at`:
///
/// - the mark before `at` (spaces and line breaks skipped) can end a quotation (。！？…), and
/// - from `openAt` to the end of the paragraph there are more opening quotes than closing ones, so that the
///   added quote pairs one of them rather than unbalancing a paragraph whose quotes already pair up. A closing
///   quote for the open quotation later in the paragraph (a quotation of several sentences) means none is lost.
export function missingCloseSupported(chars: readonly string[], openAt: number, at: number): boolean {
  if (!QUOTATION_END.has(chars[previousVisible(chars, at - 1)] ?? '')) return false;
  const end = paragraphEnd(chars, at);
  let opens = 0;
  let closes = 0;
  for (let k = openAt; k < end; k++) {
    if (chars[k] === '“') opens++;
    else if (chars[k] === '”') closes++;
  }
  return opens > closes;
}

/// True when the next quotation mark after `from`, in the same paragraph, closes a quotation.
export function closedLaterInParagraph(chars: readonly string[], from: number): boolean {
  for (let k = from; k < chars.length; k++) {
    if (chars[k] === '“') return false;
    if (chars[k] === '”') return true;
    if (chars[k] === '\n' && nextBlankLine(chars, k) === k && !continuesQuotation(chars, k)) return false;
  }
  return false;
}

/// True when the text after the blank line at `blank` closes a quotation before opening one (in the next
/// block): a quotation cut by a column break goes on there.
export function continuesQuotation(chars: readonly string[], blank: number): boolean {
  const end = nextBlankLine(chars, blank + 1);
  for (let k = blank + 1; k < end; k++) {
    if (chars[k] === '“') return false;
    if (chars[k] === '”') return true;
  }
  return false;
}

/// Index of the first character of the next blank line at or after `from` (a line break followed, after
/// spaces only, by another), or the text's length.
function nextBlankLine(chars: readonly string[], from: number): number {
  for (let k = Math.max(0, from); k < chars.length; k++) {
    if (chars[k] !== '\n') continue;
    let j = k + 1;
    while (j < chars.length && isInlineSpace(chars[j])) j++;
    if (chars[j] === '\n') return k;
  }
  return chars.length;
}

/// Index of the nearest character at or before `from` that is neither a space nor a line break (-1 if none).
function previousVisible(chars: readonly string[], from: number): number {
  let i = from;
  while (i >= 0 && (isInlineSpace(chars[i]) || chars[i] === '\n')) i--;
  return i;
}
