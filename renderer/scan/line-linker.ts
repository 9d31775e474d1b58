import { linkCorrectedLines, textLineSpans, type OriginalLineSpan } from '../../shared/layout/line-links';
import type { Correction } from '../../shared/model/sidecar-schema';

/// What the linker reads from the editor: the current text and its corrections against the original.
export interface LinkSource {
  getText(): string;
  getCorrections(): readonly Correction[];
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

  /// `edited`: the text the editor opens with differs from the original (a sidecar's corrected text).
  constructor(private readonly original: string, edited: boolean) {
    this.spans = textLineSpans(original);
    this.stale = edited;
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
      this.links = text === this.original ? null : linkCorrectedLines(this.spans, text, source.getCorrections());
      this.stale = false;
    }
    return this.links;
  }
}
