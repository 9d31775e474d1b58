import type { OcrSuggestion } from './types';

/// Applies the safe suggestions (layout, spacing, punctuation width) that do not overlap one another.
///
/// Narrow suggestions win over wide ones they overlap: a paragraph reflow that covers a spacing fix waits,
/// and `suggestCorrections` recomputes and applies it in a later round (see `applySafeFixes`). Returns the new
/// text and the suggestions applied, in text order. Offsets are code points on `text`.
export function applySafe(text: string, suggestions: readonly OcrSuggestion[]): { text: string; applied: OcrSuggestion[] } {
  const chars = Array.from(text);
  const chosen = chooseNonOverlapping(
    suggestions.filter((suggestion) => suggestion.safe && suggestion.start >= 0 && suggestion.end <= chars.length),
    chars.length,
  );
  const pieces: string[] = [];
  let position = 0;
  for (const suggestion of chosen) {
    pieces.push(chars.slice(position, suggestion.start).join(''), suggestion.replacement);
    position = suggestion.end;
  }
  pieces.push(chars.slice(position).join(''));
  return { text: pieces.join(''), applied: chosen };
}

/// Picks suggestions narrowest first, skipping any that overlaps one already picked; returns them in text order.
function chooseNonOverlapping(suggestions: readonly OcrSuggestion[], length: number): OcrSuggestion[] {
  const byWidth = [...suggestions].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  // One flag per code point (and per boundary, for insertions) marks what a chosen suggestion already covers.
  const taken = new Uint8Array(length + 1);
  const chosen: OcrSuggestion[] = [];
  for (const candidate of byWidth) {
    const from = candidate.start;
    const to = Math.max(candidate.end, candidate.start + 1);
    let free = true;
    for (let i = from; i < to && free; i++) if (taken[i] === 1) free = false;
    if (!free) continue;
    taken.fill(1, from, to);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}
