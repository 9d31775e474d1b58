import type { LayoutPage } from '../layout/types';
import type { CharConfidence } from './types';

/// Turns the OCR engine's confidences from an imported layout file into ranges for the low-confidence rule.
///
/// Character confidences (ALTO `CC`) are used where the file gives them, one range per code point; otherwise
/// each word's confidence (hOCR `x_wconf`, ALTO `WC`) covers the word. Offsets are code points on the layout
/// page's text.
export function confidencesFromLayout(page: Pick<LayoutPage, 'lines'>): CharConfidence[] {
  const ranges: CharConfidence[] = [];
  for (const line of page.lines) {
    const perChar = line.charConfidences;
    if (perChar !== undefined && perChar.some((c) => c !== null)) {
      perChar.forEach((confidence, k) => {
        if (confidence !== null) ranges.push({ start: line.textStart + k, end: line.textStart + k + 1, confidence });
      });
      continue;
    }
    for (const word of line.words) {
      if (word.confidence !== null && word.end > word.start) {
        ranges.push({ start: word.start, end: word.end, confidence: word.confidence });
      }
    }
  }
  return ranges;
}
