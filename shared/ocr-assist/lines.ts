/// A page split into lines, with code-point offsets, for the layout rules.

/// One line of the page: its text without the newline and its code-point range.
export interface PageLine {
  /// Index of the line in the page (0-based).
  index: number;
  /// Code-point offset of the line's first character.
  start: number;
  /// Code-point offset just past the line's last character (the newline itself is not included).
  end: number;
  /// The line as written, without its newline.
  text: string;
  /// The line with surrounding spaces removed.
  trimmed: string;
  /// Length of `trimmed` in code points.
  length: number;
}

/// Splits LF-normalised text into lines with code-point offsets.
///
/// Works on the string rather than on code-point arrays because it runs on every page, often several times.
export function splitLines(text: string): PageLine[] {
  const lines: PageLine[] = [];
  let start = 0;
  for (const lineText of text.split('\n')) {
    const trimmed = lineText.trim();
    const end = start + codePointCount(lineText);
    lines.push({ index: lines.length, start, end, text: lineText, trimmed, length: codePointCount(trimmed) });
    start = end + 1;
  }
  return lines;
}

/// Number of code points in `text`: UTF-16 length minus one per surrogate pair.
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
