/// A JSON syntax error as a reason: the place (line and column, in code points) computed from the parser's
/// "position N" rather than the parser's English sentence.
import { reason, type Reason } from './reasons';

/// Why `text` is not JSON, from the error `JSON.parse(text)` threw.
export function jsonSyntaxReason(text: string, error: unknown): Reason {
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end of JSON input/i.test(message) || text.trim() === '') return reason('json.endsEarly');
  const position = /\bat position (\d+)/.exec(message)?.[1];
  if (position === undefined) return reason('json.invalid');
  // A problem found past the last character that is not white space is the text ending too early.
  if (Number(position) >= text.trimEnd().length) return reason('json.endsEarly');
  return reason('json.syntaxAt', placeOf(text, Number(position)));
}

/// The 1-based line and column (in code points) of UTF-16 offset `offset` in `text`.
export function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  // A CRLF counts as one line break.
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
