import { isCjkPunctuation, isDigit, isHan, isInlineSpace, isLatin, isSentenceEnd } from '../char-class';
import type { PageLine } from '../lines';
import type { OcrSuggestion, RuleContext } from '../types';
import { explain } from '../explain';

/// A noise line holds at most this many characters (spaces not counted).
const MAX_NOISE = 3;
/// Han characters that are a single stroke: what specks, rules and smudges come out as.
const STROKES = new Set(Array.from('一丨丶丿乙亅'));
/// Glyphs an OCR engine produces for the small circle of the ideographic full stop 。.
const CIRCLES = new Set(Array.from('oO0°º○〇'));

/// Proposes removing a line of OCR noise: a few specks read as strokes, letters or symbols (`一 o`).
///
/// A noise line stands alone between blank lines (or the page's edges), has at most three characters, at least
/// one of them a Latin letter, a small circle or an ASCII symbol, and otherwise only single-stroke Han characters (一 丨 丶 …),
/// punctuation or at most two letters; a line with another digit or any other Han character is text and stays. When
/// the noise holds a small circle (`o`, `0`, `°`) and the paragraph before it does not end a sentence, the circle
/// was that paragraph's full stop, so the replacement appends `。` to it. Safe: only noise goes.
export function ocrNoiseRule(context: RuleContext): OcrSuggestion[] {
  const lines = context.lines;
  const suggestions: OcrSuggestion[] = [];
  lines.forEach((line, k) => {
    if (line.length === 0 || line.length > MAX_NOISE + 2 || !isNoise(line)) return;
    if (!isBlank(lines[k - 1]) || !isBlank(lines[k + 1])) return;
    const previous = previousContentLine(lines, k);
    // The blank lines before the noise go with it, so the paragraphs around keep their one separation; at the
    // top of the page the blank lines after it go instead.
    const start = previous === undefined ? line.start : previous.end;
    const end = previous === undefined ? (nextContentLine(lines, k)?.start ?? line.end) : line.end;
    const fullStop = previous !== undefined && hasCircle(line) && !isSentenceEnd(lastChar(previous)) && isHan(lastChar(previous));
    suggestions.push({
      start,
      end,
      replacement: fullStop ? '。' : '',
      rule: 'ocr-noise',
      confidence: fullStop ? 0.8 : 0.75,
      ...explain(fullStop ? 'ocr-noise.full-stop' : 'ocr-noise.remove', { line: line.trimmed }),
      safe: true,
    });
  });
  return suggestions;
}

/// True when a line's characters are noise as described for `ocrNoiseRule`.
export function isNoise(line: PageLine): boolean {
  const chars = Array.from(line.trimmed).filter((ch) => !isInlineSpace(ch));
  if (chars.length === 0 || chars.length > MAX_NOISE) return false;
  let latin = 0;
  let symbol = 0;
  for (const ch of chars) {
    if (CIRCLES.has(ch)) symbol++;
    else if (isDigit(ch)) return false;
    else if (isLatin(ch)) latin++;
    else if (isAsciiSymbol(ch)) symbol++;
    else if (!STROKES.has(ch) && !isCjkPunctuation(ch)) return false;
  }
  // Two or three letters alone may be an abbreviation (`CT`, `App`); with a stroke or a symbol they are specks.
  if (latin > 2 || (latin === chars.length && latin > 1)) return false;
  return latin + symbol > 0;
}

function isAsciiSymbol(ch: string): boolean {
  return /^[!-/:-@[-`{-~]$/u.test(ch);
}

function hasCircle(line: PageLine): boolean {
  return Array.from(line.trimmed).some((ch) => CIRCLES.has(ch));
}

function isBlank(line: PageLine | undefined): boolean {
  return line === undefined || line.length === 0;
}

function previousContentLine(lines: readonly PageLine[], k: number): PageLine | undefined {
  for (let i = k - 1; i >= 0; i--) if (lines[i]!.length > 0) return lines[i];
  return undefined;
}

function nextContentLine(lines: readonly PageLine[], k: number): PageLine | undefined {
  for (let i = k + 1; i < lines.length; i++) if (lines[i]!.length > 0) return lines[i];
  return undefined;
}

function lastChar(line: PageLine): string | undefined {
  const chars = Array.from(line.trimmed);
  return chars[chars.length - 1];
}
