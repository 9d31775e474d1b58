/// JSON that does not parse, as a reason: the line and column where the parser stopped (Node 20's `JSON.parse`
/// says "at position N", a UTF-16 offset, which is turned into a line and column of the text), else the unexpected
/// token or the early end it names, else its own English as a technical reason.
import { reason, technicalReason, type Reason } from './reasons';

/// Why `text` did not parse, from the `error` JSON.parse threw on it.
export function jsonReason(error: unknown, text: string): Reason {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  if (at) return reason('json.syntaxAt', lineAndColumn(text, Number(at[1])));
  if (/Unexpected end of JSON input/.test(message)) return reason('json.unexpectedEnd');
  const token = /^Unexpected token '(.+?)'/u.exec(message);
  if (token) return reason('json.unexpectedToken', { token: token[1]! });
  return technicalReason(message);
}

/// The 1-based line and column (in code points) of UTF-16 offset `position` in `text`.
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(position, text.length));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
