/// Reads the entity tags an ALTO file carries: `Tags/NamedEntityTag` elements (ID, TYPE, LABEL) that `String`
/// elements point to with `TAGREFS`.
///
/// ALTO has no span element: a name of several words is several `String`s that each list the tag's ID. So
/// consecutive `String`s (in reading order, across line ends but not across text blocks) that list the same tag
/// form one span; a `String` without it ends the span, and a later mention starts a new one (producers often
/// give one tag per distinct entity and point every mention at it). `SP` and `HYP` between them do not break it.
import { cpSlice } from '../text/codepoints';
import { entityTypeOfTagName } from './entity-type-names';
import type { LayoutEntity, LayoutLine } from './types';
import { attr, childElements, findElements, type XmlElement } from './xml-tree';

/// Collects spans line by line while the importer builds the page text.
export class AltoTagCollector {
  // NamedEntityTag ID -> entity type.
  private readonly types = new Map<string, string>();
  // Spans still open: tag ID -> code points [start, end) in the page text.
  private readonly open = new Map<string, { start: number; end: number }>();
  private readonly spans: { tag: string; start: number; end: number }[] = [];

  /// Reads the `NamedEntityTag`s under the file's `Tags` element(s).
  constructor(root: XmlElement) {
    for (const tags of childElements(root, 'Tags')) {
      for (const tag of findElements(tags, (e) => e.name === 'NamedEntityTag')) {
        const id = attr(tag, 'ID');
        if (id === undefined || id.trim() === '') continue;
        this.types.set(id.trim(), entityTypeOfTagName(attr(tag, 'TYPE') ?? attr(tag, 'LABEL') ?? ''));
      }
    }
  }

  /// Whether the file declares any named-entity tag (when not, nothing needs collecting).
  get active(): boolean {
    return this.types.size > 0;
  }

  /// The named-entity tag IDs a `String` element lists in TAGREFS (other kinds of tag are left out).
  refsOf(element: XmlElement): string[] {
    const refs = attr(element, 'TAGREFS');
    if (refs === undefined) return [];
    return refs.split(/\s+/).filter((ref) => ref !== '' && this.types.has(ref));
  }

  /// A new text block: spans do not run on into it.
  startBlock(): void {
    this.closeAll();
  }

  /// A line as placed in the page text (`line`, or undefined when the builder skipped it as empty) and the tag
  /// refs of its non-empty `String`s in order, which are the line's words one for one.
  addLine(refsPerWord: readonly string[][], line: LayoutLine | undefined): void {
    if (!line || line.words.length !== refsPerWord.length) {
      // Nothing of this line is in the text; an open span cannot be said to run across it.
      if (refsPerWord.length > 0) this.closeAll();
      return;
    }
    refsPerWord.forEach((refs, i) => {
      const word = line.words[i]!;
      for (const [tag, span] of [...this.open]) {
        if (!refs.includes(tag)) this.close(tag, span);
      }
      for (const tag of refs) {
        const span = this.open.get(tag);
        if (span) span.end = word.end;
        else this.open.set(tag, { start: word.start, end: word.end });
      }
    });
  }

  /// The spans on the finished page text, sorted by start (longer first at the same start).
  finish(text: string): LayoutEntity[] {
    this.closeAll();
    return this.spans
      .filter((span) => span.end > span.start)
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map((span) => ({ start: span.start, end: span.end, type: this.types.get(span.tag)!, text: cpSlice(text, span.start, span.end) }));
  }

  private close(tag: string, span: { start: number; end: number }): void {
    this.spans.push({ tag, ...span });
    this.open.delete(tag);
  }

  private closeAll(): void {
    for (const [tag, span] of [...this.open]) this.close(tag, span);
  }
}
