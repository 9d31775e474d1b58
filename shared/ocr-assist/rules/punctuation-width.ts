import { isCjk, isCjkPunctuation, isDigit, isHan, isInlineSpace, isLatin } from '../char-class';
import { CodePointIndex } from '../../text/codepoints';
import type { OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';
import { closedLaterInParagraph, continuesQuotation, missingCloseSupported } from '../quote-pairing';

/// Every character this rule reacts to: the half-width marks, the quotes that track open quotations, sentence ends
/// followed by a space (where a closing quote may be lost), and blank
/// lines, which close any quotation left open.
const CANDIDATES = /[,:;?!.()"“”]|[。！？](?=[ \u3000])|\n[ \u3000\t]*\n/g;

/// Half-width marks and their full-width forms in Chinese text.
const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };

/// Proposes full-width punctuation where OCR produced half-width marks inside Chinese text.
///
/// `,` `:` `;` `?` `!` next to Chinese characters, a `.` ending a Chinese sentence, and straight double quotes
/// (opening or closing chosen from the quotes before them) are safe fixes. Times (16:30), numbers (1,000; 3.5)
/// and Latin text keep their marks. Parentheses are only suggested for review: many Chinese papers set
/// half-width brackets by house style. A quotation opened while another is still open, or a space after the
/// sentence that ends an open quotation, gets a suggestion (for review) to put back the closing quote OCR lost, but
/// only where the pairing of the whole paragraph supports it (see `missingCloseSupported`): never in front of an
/// opening quote that a word or a line break leads into (开展⏎“无疫小区”), nor in a paragraph whose quotes pair up.
export function punctuationWidthRule(context: RuleContext): OcrSuggestion[] {
  const chars = context.chars;
  const index = new CodePointIndex(context.text);
  const suggestions: OcrSuggestion[] = [];
  let quoteOpen = false;
  // Where the open quotation began: the pairing from there to the paragraph's end decides a missing close.
  let openAt = -1;
  // A regular expression finds the few candidates far faster than visiting every character of a long page.
  for (const match of context.text.matchAll(CANDIDATES)) {
    const i = index.toCp(match.index);
    const ch = chars[i]!;
    // A blank line ends the paragraph, and with it any quotation OCR failed to close (reading-order cuts),
    // unless the next block closes the quotation first (a column break inside it).
    if (ch === '\n') quoteOpen = quoteOpen && continuesQuotation(chars, i);
    else if (ch === '“') {
      if (quoteOpen && missingCloseSupported(chars, openAt, i)) suggestions.push(missingCloseQuote(chars, i));
      quoteOpen = true;
      openAt = i;
    }
    else if (ch === '”') quoteOpen = false;
    else if (ch === '。' || ch === '！' || ch === '？') {
      const suggestion = quoteOpen && !closedLaterInParagraph(chars, i + 1) && missingCloseSupported(chars, openAt, i + 1) ? spaceForCloseQuote(chars, i) : undefined;
      if (suggestion !== undefined) {
        suggestions.push(suggestion);
        quoteOpen = false;
      }
    }
    else if (ch === '"') {
      const suggestion = straightQuote(chars, i, quoteOpen);
      if (suggestion !== undefined) {
        suggestions.push(suggestion);
        quoteOpen = suggestion.replacement === '“';
        if (quoteOpen) openAt = i;
      }
    } else if (ch in FULL_WIDTH) {
      const suggestion = halfWidthMark(chars, i);
      if (suggestion !== undefined) suggestions.push(suggestion);
    }
  }
  return suggestions;
}

function halfWidthMark(chars: readonly string[], i: number): OcrSuggestion | undefined {
  const ch = chars[i]!;
  const before = chars[i - 1];
  const after = chars[i + 1];
  const prev = chars[skipSpaces(chars, i - 1, -1)];
  const nextIndex = skipSpaces(chars, i + 1, 1);
  const next = chars[nextIndex];
  // Numbers and times keep ASCII marks: 16:30, 1,000, 3.5, 17:\n25.
  if (isDigit(before) && (isDigit(after) || ch === ':' || ch === '.')) return undefined;
  if ((isLatin(before) || isDigit(before)) && (isLatin(after) || isDigit(after))) return undefined;
  const chineseBefore = isHan(prev) || isCjkPunctuation(prev);
  const chineseAfter = isHan(next) || isCjkPunctuation(next);
  let chinese: boolean;
  switch (ch) {
    case '(':
      chinese = isHan(next);
      break;
    case ')':
      chinese = isHan(prev);
      break;
    case '.':
      chinese = isHan(before) && (after === undefined || after === '\n' || isHan(after) || isCjkPunctuation(after));
      break;
    case ',':
      chinese = chineseBefore || (isHan(next) && !isLatin(prev));
      break;
    default:
      chinese = isHan(prev) || (isCjkPunctuation(prev) && ch !== ':');
  }
  if (!chinese) return undefined;
  const bracket = ch === '(' || ch === ')';
  // Take the spaces around the mark along: full-width marks carry their own spacing.
  const start = chineseBefore ? skipSpaces(chars, i - 1, -1) + 1 : i;
  const end = chineseAfter && next !== undefined && next !== '\n' ? nextIndex : i + 1;
  return {
    start,
    end,
    replacement: FULL_WIDTH[ch]!,
    rule: 'punctuation-width',
    confidence: bracket ? 0.5 : 0.85,
    ...explain(bracket ? 'punctuation-width.bracket' : 'punctuation-width.mark', { ch, full: FULL_WIDTH[ch]! }),
    safe: !bracket,
  };
}

function straightQuote(chars: readonly string[], i: number, quoteOpen: boolean): OcrSuggestion | undefined {
  const prev = chars[skipSpaces(chars, i - 1, -1)];
  const next = chars[skipSpaces(chars, i + 1, 1)];
  if (!isCjk(prev) && !isCjk(next)) return undefined;
  const replacement = quoteOpen ? '”' : '“';
  return {
    start: i,
    end: i + 1,
    replacement,
    rule: 'punctuation-width',
    confidence: 0.75,
    ...explain(quoteOpen ? 'punctuation-width.quote-close' : 'punctuation-width.quote-open', { replacement }),
    safe: true,
  };
}

/// An opening quote while a quotation is still open: OCR probably lost the closing quote just before it
/// (`来了。 “我刚` → `来了。”“我刚`). Spaces before the quote are taken along; across a line break the quote is
/// inserted right after the sentence's last mark, and the break stays. Not safe.
function missingCloseQuote(chars: readonly string[], i: number): OcrSuggestion {
  let start = skipSpaces(chars, i - 1, -1) + 1;
  let end = i;
  if (chars[start - 1] === '\n') {
    let mark = start - 1;
    while (mark >= 0 && (chars[mark] === '\n' || isInlineSpace(chars[mark]))) mark--;
    start = mark + 1;
    end = start;
  }
  return {
    start,
    end,
    replacement: '”',
    rule: 'punctuation-width',
    confidence: 0.6,
    ...explain('punctuation-width.missing-close-quote'),
    safe: false,
  };
}

/// A space after the sentence that ends an open quotation (`谢谢你们。 ……`): the closing quote is small and OCR
/// often reads it as a space, so the space becomes `”`. Not when a quote follows (see `missingCloseQuote`) or
/// the line ends. Not safe.
function spaceForCloseQuote(chars: readonly string[], i: number): OcrSuggestion | undefined {
  const end = skipSpaces(chars, i + 1, 1);
  const next = chars[end];
  if (end === i + 1 || next === undefined || next === '\n' || next === '“' || next === '”' || next === '"') return undefined;
  return {
    start: i + 1,
    end,
    replacement: '”',
    rule: 'punctuation-width',
    confidence: 0.55,
    ...explain('punctuation-width.unclosed-at-stop'),
    safe: false,
  };
}

/// Index of the nearest character that is not an inline space, starting at `from` and moving by `step`.
function skipSpaces(chars: readonly string[], from: number, step: -1 | 1): number {
  let i = from;
  while (i >= 0 && i < chars.length && isInlineSpace(chars[i])) i += step;
  return i;
}
