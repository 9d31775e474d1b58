import type { ScanLine } from '../../shared/ipc/contract';
import { CorrectionMap } from '../../shared/model/corrections';
import { ArrangementMap, type TextMove } from '../../shared/model/moves';
import type { Correction } from '../../shared/model/sidecar-schema';
import { cpLength } from '../../shared/text/codepoints';

/// One character the OCR engine gave a confidence for.
export interface ConfidenceMark {
  /// Code-point offset of the character in the page text (the original, or the corrected text once mapped).
  offset: number;
  /// The engine's confidence, 0 (unsure) to 1 (sure).
  confidence: number;
}

/// The characters of the original text that have a confidence, sorted by offset.
///
/// Each scan line's `charConfidences` are per code point of its linked text line; several layout lines linked to
/// the same text line give the first one's confidences.
export function originalConfidenceMarks(lines: readonly ScanLine[], originalText: string): ConfidenceMark[] {
  const lineStarts: number[] = [];
  const lineLengths: number[] = [];
  let start = 0;
  for (const line of originalText.split('\n')) {
    const length = cpLength(line);
    lineStarts.push(start);
    lineLengths.push(length);
    start += length + 1;
  }
  const marks: ConfidenceMark[] = [];
  const seen = new Set<number>();
  for (const line of lines) {
    if (line.textLine === null || !line.charConfidences || seen.has(line.textLine)) continue;
    const lineStart = lineStarts[line.textLine];
    if (lineStart === undefined) continue;
    seen.add(line.textLine);
    const count = Math.min(line.charConfidences.length, lineLengths[line.textLine]!);
    for (let i = 0; i < count; i++) {
      const confidence = line.charConfidences[i];
      if (confidence !== null && confidence !== undefined) marks.push({ offset: lineStart + i, confidence });
    }
  }
  return marks.sort((a, b) => a.offset - b.offset);
}

/// Carries marks on the original text to the arranged original (the original with block `moves` applied), each
/// with its character; sorted by offset. `originalLength` is the original's length in code points.
export function arrangedConfidenceMarks(marks: readonly ConfidenceMark[], originalLength: number, moves: readonly TextMove[]): ConfidenceMark[] {
  if (moves.length === 0) return [...marks];
  const map = ArrangementMap.of(originalLength, moves);
  return marks.map((mark) => ({ offset: map.toArranged(mark.offset), confidence: mark.confidence })).sort((a, b) => a.offset - b.offset);
}

/// Moves marks on the (arranged) original text onto the corrected text: characters a correction replaced or deleted lose
/// their mark (the editor's reading replaces the engine's), the others shift by the corrections before them.
export function correctedConfidenceMarks(marks: readonly ConfidenceMark[], corrections: readonly Correction[]): ConfidenceMark[] {
  if (corrections.length === 0) return [...marks];
  const map = new CorrectionMap(corrections);
  const result: ConfidenceMark[] = [];
  let c = 0;
  for (const mark of marks) {
    while (c < corrections.length && corrections[c]!.end <= mark.offset) c++;
    const correction = corrections[c];
    if (correction !== undefined && correction.start <= mark.offset && mark.offset < correction.end) continue;
    result.push({ offset: map.toCorrected(mark.offset, 1), confidence: mark.confidence });
  }
  return result;
}
