/// Writes a line's corrected words back over its original word elements, for all three layout formats.
///
/// The text from the first word element's start to the last one's end is rebuilt: each token is rendered from the
/// element of its first original word (that element reused for the first such token, copied for the parts of a
/// split), and between tokens that begin new original words the original text between those words' elements is
/// copied as it was (whitespace, an ALTO `SP`, anything else). Elements of words joined into another, or deleted,
/// are dropped with the separator before them.
import { maxOf } from '../../push-all';
import type { Token } from './word-realign';
import type { PosElement } from './xml-scan';

/// The format-specific parts of writing a line.
export interface TokenWriter {
  /// A token, from `model` (the element of its first original word, or its nearest neighbour's for typed text):
  /// `reuse` true when `model` itself becomes this token, false for a new element made after it.
  render(token: Token, model: PosElement, reuse: boolean): string;
  /// What goes between two tokens where no original separator exists (a split word's parts, typed text).
  newSeparator(previous: Token, next: Token): string;
  /// The original separator between two words, fitted to the corrected tokens on each side.
  fitSeparator(raw: string, previous: Token, next: Token): string;
}

/// The replacement text for [words[0].start, words[last].end) of `xml`; `words` are the line's word elements in
/// order, `tokens` the realigned line's tokens (their `words` index `words`).
export function emitWords(xml: string, words: readonly PosElement[], tokens: readonly Token[], writer: TokenWriter): string {
  const out: string[] = [];
  const reused = new Set<number>();
  let passed = -1;
  tokens.forEach((token, t) => {
    const first = token.words[0];
    const modelIndex = first ?? Math.max(0, Math.min(passed, words.length - 1));
    const model = words[modelIndex]!;
    if (t > 0) {
      const previous = tokens[t - 1]!;
      if (first !== undefined && first > passed && first > 0) {
        out.push(writer.fitSeparator(xml.slice(words[first - 1]!.end, words[first]!.start), previous, token));
      } else {
        out.push(writer.newSeparator(previous, token));
      }
    }
    const reuse = first !== undefined && !reused.has(first);
    if (reuse) reused.add(first);
    out.push(writer.render(token, model, reuse));
    passed = Math.max(passed, maxOf(token.words));
  });
  return out.join('');
}
