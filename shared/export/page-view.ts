/// What exporters read off an `ExportPage`: the corrected text, its entities, the arranged original and the maps
/// between original and corrected offsets. Built once per page; every offset is a code point on NFC text.
import type { Correction, EntitySpan, ReviewStatus } from '../model/sidecar-schema';
import { layoutEntitySpans } from '../layout/layout-entity-spans';
import { CorrectionMap } from '../model/corrections';
import { ArrangementMap, arrangeText } from '../model/moves';
import { cpLength } from '../text/codepoints';
import type { ExportPage } from './types';

/// The derived view of one page.
export interface PageView {
  page: ExportPage;
  /// The sidecar's text, or the original text when the page has no usable sidecar.
  corrected: string;
  /// The original in corrected reading order (the original itself when there are no moves).
  arranged: string;
  /// Corrections against `arranged`, in order.
  corrections: readonly Correction[];
  /// Entity spans on `corrected`, sorted by start, longer spans first at the same start. From the sidecar, or,
  /// for a page without one, the tags its layout file carries.
  entities: readonly EntitySpan[];
  status: ReviewStatus;
  /// Offset in `corrected` of original offset `pos` (through the moves, then the corrections). Inside a replaced
  /// stretch: its start with `assoc` -1, its end with 1.
  originalToCorrected(pos: number, assoc?: -1 | 1): number;
  /// Offset in the original of corrected offset `pos` (the inverse, as far as one exists).
  correctedToOriginal(pos: number, assoc?: -1 | 1): number;
}

/// Builds the view of `page`.
export function pageView(page: ExportPage): PageView {
  const sidecar = page.sidecar;
  const moves = sidecar?.moves ?? [];
  const arrangedResult = moves.length === 0 ? null : arrangeText(page.originalText, moves);
  const arranged = arrangedResult?.ok ? arrangedResult.value : page.originalText;
  const arrangement = ArrangementMap.of(cpLength(page.originalText), moves);
  const corrections = sidecar?.corrections ?? [];
  const correctionMap = new CorrectionMap(corrections);
  return {
    page,
    corrected: sidecar?.text ?? page.originalText,
    arranged,
    corrections,
    entities: sortSpans(sidecar ? sidecar.entities : layoutEntitySpans(page.layout)),
    status: sidecar?.status ?? 'unreviewed',
    originalToCorrected: (pos, assoc = 1) => correctionMap.toCorrected(arrangement.toArranged(pos), assoc),
    correctedToOriginal: (pos, assoc = 1) => arrangement.toOriginal(correctionMap.toOriginal(pos, assoc)),
  };
}

/// Spans sorted by start, then longer first (an enclosing span before the spans inside it), then by id.
export function sortSpans(spans: readonly EntitySpan[]): EntitySpan[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
