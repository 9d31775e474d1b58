/// Per-character OCR confidences of a layout line, carried over to the plain-text line it was matched with.

import { squeeze } from './align-text-lines';
import type { LayoutLine } from './types';

/// The confidence of every code point of `line.text`, 0..1, or null where the file gives none.
///
/// Character confidences (ALTO `CC`, hOCR `x_confs`) win; otherwise each character takes the confidence of the
/// word it belongs to (hOCR `x_wconf`, ALTO `WC`). The spaces an importer put between words get null.
export function layoutCharConfidences(line: LayoutLine): (number | null)[] {
  const chars = Array.from(line.text);
  if (line.charConfidences && line.charConfidences.length === chars.length) return [...line.charConfidences];
  const result: (number | null)[] = chars.map(() => null);
  for (const word of line.words) {
    if (word.confidence === null) continue;
    const from = Math.max(0, word.start - line.textStart);
    const to = Math.min(chars.length, word.end - line.textStart);
    for (let i = from; i < to; i++) result[i] = word.confidence;
  }
  return result;
}

/// The confidences of `layoutText`'s characters moved onto the characters of `textLine`, or null when the two
/// lines do not have the same characters once whitespace is removed.
///
/// The plain-text line and the layout line come from the same OCR run and differ only in spacing, so the
/// non-whitespace characters correspond one to one in order; whitespace in `textLine` gets null. Returns null
/// too when no character has a confidence, so a page without confidences sends nothing.
export function textLineConfidences(layoutText: string, layoutConfidences: readonly (number | null)[], textLine: string): (number | null)[] | null {
  if (squeeze(layoutText) !== squeeze(textLine)) return null;
  // Confidences of the layout line's non-whitespace characters, in order.
  const queue: (number | null)[] = [];
  Array.from(layoutText).forEach((char, i) => {
    if (!/\s/u.test(char)) queue.push(layoutConfidences[i] ?? null);
  });
  let next = 0;
  const result = Array.from(textLine).map((char) => (/\s/u.test(char) ? null : (queue[next++] ?? null)));
  return result.some((value) => value !== null) ? result : null;
}
