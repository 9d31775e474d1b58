import { linkCorrectedLines, textLineSpans, type OriginalLineSpan } from '../../shared/layout/line-links';
import { ArrangementMap } from '../../shared/model/moves';
import type { Correction, Move } from '../../shared/model/sidecar-schema';
import { cpLength } from '../../shared/text/codepoints';

/// What the linker reads from the editor: the current text, the block moves of the original and the corrections
/// against the original arranged by them.
export interface LinkSource {
  getText(): string;
  getCorrections(): readonly Correction[];
  /// Absent: no moves.
  getMoves?(): readonly Move[];
}

/// Maps lines of the edited text to the original (OCR) lines they came from, and back, so scan links survive edits.
///
/// Scan regions belong to original lines. While the text has not been edited, line n is original line n. After an
/// edit the links are recomputed from the editor's corrections (`linkCorrectedLines`), once per edit and only
/// when a link is asked for, so typing does not pay for it.
export class LineLinker {
  private readonly spans: OriginalLineSpan[];
  // Per current line, its original lines; null while the text is the original.
  private links: number[][] | null = null;
  private stale: boolean;
  private fromStore = false;

  /// `edited`: the text the editor opens with differs from the original (a sidecar's corrected text).
  /// `stored`: that text and the sidecar's `lineOrigins` for it; used as the opening links instead of recomputing
  /// them when they fit (one entry per line of the text, every origin a line of the original).
  constructor(private readonly original: string, edited: boolean, stored?: { text: string; lineOrigins: readonly (readonly number[])[] }) {
    this.spans = textLineSpans(original);
    this.stale = edited;
    if (edited && stored && storedOriginsFit(stored.text, stored.lineOrigins, this.spans.length)) {
      this.links = stored.lineOrigins.map((origins) => [...origins]);
      this.stale = false;
      this.fromStore = true;
    }
  }

  /// Whether the opening links came from the sidecar (and nothing has been edited since).
  get usesStoredOrigins(): boolean {
    return this.fromStore && !this.stale;
  }

  /// Marks the links out of date after the text changed.
  textChanged(): void {
    this.stale = true;
  }

  /// The original lines (sorted) that current line `line` came from; empty for a line typed in by the user.
  originalLinesOf(line: number, source: LinkSource): number[] {
    const links = this.current(source);
    return links === null ? [line] : (links[line] ?? []);
  }

  /// The first current line that came from original line `originalLine`, or the nearest one after it when that
  /// line was deleted (the last line when none follows).
  currentLineOf(originalLine: number, source: LinkSource): number {
    const links = this.current(source);
    if (links === null) return originalLine;
    const exact = links.findIndex((origins) => origins.includes(originalLine));
    if (exact >= 0) return exact;
    const after = links.findIndex((origins) => origins.some((origin) => origin > originalLine));
    return after >= 0 ? after : Math.max(0, links.length - 1);
  }

  private current(source: LinkSource): number[][] | null {
    if (this.stale) {
      const text = source.getText();
      const moves = source.getMoves?.() ?? [];
      // Line n is original line n only while the text is the original and nothing was moved.
      const arrangement = moves.length > 0 ? ArrangementMap.of(cpLength(this.original), moves) : undefined;
      this.links = text === this.original && !arrangement ? null : linkCorrectedLines(this.spans, text, source.getCorrections(), arrangement);
      this.stale = false;
      this.fromStore = false;
    }
    return this.links;
  }
}

// Stored origins fit a text when they list one entry per line of it and name only lines of the original.
function storedOriginsFit(text: string, lineOrigins: readonly (readonly number[])[], originalLines: number): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lineOrigins.length === lines && lineOrigins.every((origins) => origins.every((line) => Number.isInteger(line) && line >= 0 && line < originalLines));
}
