import type { PageScan } from '../ipc/contract';
import type { Correction } from '../model/sidecar-schema';
import type { CharConfidence } from './types';
import { cpLength } from '../text/codepoints';

/// The OCR engine's per-character confidences of a page's scan, as code-point ranges on the original text.
///
/// Each linked scan line carries one confidence per code point of its text line (see page-scan.ts); characters
/// without one are left out. Ranges come out sorted by start.
export function scanConfidencesOnOriginal(originalText: string, scan: PageScan): CharConfidence[] {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of originalText.split('\n')) {
    lineStarts.push(offset);
    offset += cpLength(line) + 1;
  }
  const ranges: CharConfidence[] = [];
  for (const line of scan.lines) {
    if (line.textLine === null || line.charConfidences === undefined) continue;
    const start = lineStarts[line.textLine];
    if (start === undefined) continue;
    line.charConfidences.forEach((confidence, k) => {
      if (confidence !== null) ranges.push({ start: start + k, end: start + k + 1, confidence });
    });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/// Moves confidences from the original text onto the corrected text through the corrections between them.
///
/// A range that a correction touches is dropped: the editor replaced those characters, so the engine's doubt no
/// longer applies to them. Others shift by the length change of the corrections before them. Both inputs must be
/// sorted by start (corrections as `computeCorrections` returns them); linear in their total length.
export function confidencesOnCorrectedText(confidences: readonly CharConfidence[], corrections: readonly Correction[]): CharConfidence[] {
  const mapped: CharConfidence[] = [];
  let next = 0;
  let delta = 0;
  for (const range of confidences) {
    // Take in every correction that ends at or before this range starts (an insertion at its start included).
    while (next < corrections.length && correctionEndsBefore(corrections[next]!, range.start)) {
      const c = corrections[next++]!;
      delta += cpLength(c.corrected) - (c.end - c.start);
    }
    const c = corrections[next];
    if (c !== undefined && c.start < range.end && (c.end > range.start || (c.start === c.end && c.start > range.start))) continue;
    mapped.push({ start: range.start + delta, end: range.end + delta, confidence: range.confidence });
  }
  return mapped;
}

function correctionEndsBefore(c: Correction, position: number): boolean {
  return c.start === c.end ? c.start <= position : c.end <= position;
}
