/// A JSON syntax error as a reason: the place (line and column, in code points) of the first character that is not
/// JSON, found by a small scanner of its own, rather than the parser's English sentence (which, for an unexpected
/// token, does not even say where it is).
import { reason, type Reason } from './reasons';

/// Why `text` is not JSON (call it when `JSON.parse(text)` threw; `error` is what it threw, kept for the rare case
/// the scanner finds nothing wrong).
export function jsonSyntaxReason(text: string, error: unknown): Reason {
  const offset = jsonErrorOffset(text);
  if (offset === null) {
    const position = /\bat position (\d+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
    return position === undefined ? reason('json.invalid') : reason('json.syntaxAt', placeOf(text, Number(position)));
  }
  // A problem found past the last character that is not white space is the text ending too early.
  if (offset >= text.trimEnd().length) return reason('json.endsEarly');
  return reason('json.syntaxAt', placeOf(text, offset));
}

/// The 1-based line and column (in code points) of UTF-16 offset `offset` in `text`.
export function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  // A CRLF counts as one line break.
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

// Deeper nesting than this is not scanned (the reason then has no place).
const MAX_DEPTH = 1000;

class NotJson {
  constructor(readonly at: number) {}
}

/// The UTF-16 offset of the first character of `text` that cannot continue JSON (`text.length` when it ends too
/// early), or null when it is JSON or nests too deep to scan.
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new NotJson(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail();
      const char = text[i]!;
      if (char === '"') return void i++;
      if (char < ' ') fail();
      if (char !== '\\') {
        i++;
        continue;
      }
      i++;
      if (text[i] === 'u') {
        i++;
        for (let k = 0; k < 4; k++) if (/[0-9a-fA-F]/.test(text[i] ?? '')) i++; else fail();
      } else if ('"\\/bfnrt'.includes(text[i] ?? 'x') && i < text.length) i++;
      else fail();
    }
  };
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? '')) fail();
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new NotJson(-1);
    space();
    const char = text[i];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else return void expect(close);
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || /[0-9]/.test(char ?? '')) return number();
    fail();
  };
  try {
    value(0);
    space();
    if (i < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof NotJson) return error.at < 0 ? null : error.at;
    throw error;
  }
}
