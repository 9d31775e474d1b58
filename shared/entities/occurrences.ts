import type { EntitySpan } from '../model/sidecar-schema';
import { CodePointIndex } from '../text/codepoints';

/// One place a searched string occurs, in code points, with context for a preview (keyword in context).
export interface Occurrence {
  start: number;
  end: number;
  /// Up to `contextLength` code points before the match, cut at a line break.
  before: string;
  /// The matched text itself.
  match: string;
  /// Up to `contextLength` code points after the match, cut at a line break.
  after: string;
}

/// Options for `findOccurrences`.
export interface OccurrenceOptions {
  /// Spans already on the text; an occurrence with exactly a span's extent is skipped.
  existing?: readonly Pick<EntitySpan, 'start' | 'end'>[];
  /// Code points of context on each side (default 12).
  contextLength?: number;
}

/// Finds every occurrence of `needle` in `text` by exact substring match, left to right, without overlaps.
///
/// No word segmentation is involved, so it works for Chinese. Offsets are code points, so characters outside
/// the Basic Multilingual Plane (𠮷) count as one. Occurrences that an existing span already covers with the
/// same start and end are skipped (whatever that span's type), which is what "tag all occurrences" needs.
export function findOccurrences(text: string, needle: string, options: OccurrenceOptions = {}): Occurrence[] {
  if (needle.length === 0) return [];
  const contextLength = options.contextLength ?? 12;
  const tagged = new Set((options.existing ?? []).map((s) => `${s.start}:${s.end}`));
  const index = new CodePointIndex(text);
  const needleLength = new CodePointIndex(needle).length;
  const found: Occurrence[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const start = index.toCp(at);
    const end = start + needleLength;
    if (tagged.has(`${start}:${end}`)) continue;
    found.push({
      start,
      end,
      before: contextBefore(text, at, contextLength),
      match: needle,
      after: contextAfter(text, at + needle.length, contextLength),
    });
  }
  return found;
}

/// A page's text and spans, as given to `findOccurrencesInPages`.
export interface PageText {
  page: string;
  text: string;
  spans: readonly Pick<EntitySpan, 'start' | 'end'>[];
}

/// The occurrences found on one page.
export interface PageOccurrences {
  page: string;
  occurrences: Occurrence[];
}

/// Finds the untagged occurrences of `needle` on every page, for corpus-wide propagation; pages without any
/// are left out.
export function findOccurrencesInPages(
  pages: Iterable<PageText>,
  needle: string,
  contextLength?: number,
): PageOccurrences[] {
  const result: PageOccurrences[] = [];
  for (const page of pages) {
    const occurrences = findOccurrences(page.text, needle, { existing: page.spans, contextLength });
    if (occurrences.length > 0) result.push({ page: page.page, occurrences });
  }
  return result;
}

function contextBefore(text: string, at: number, length: number): string {
  let from = at;
  for (let taken = 0; taken < length && from > 0; taken++) {
    if (text[from - 1] === '\n') break;
    from -= isLowSurrogate(text.charCodeAt(from - 1)) && from >= 2 ? 2 : 1;
  }
  return text.slice(from, at);
}

function contextAfter(text: string, at: number, length: number): string {
  let to = at;
  for (let taken = 0; taken < length && to < text.length; taken++) {
    if (text[to] === '\n') break;
    to += isHighSurrogate(text.charCodeAt(to)) && to + 1 < text.length ? 2 : 1;
  }
  return text.slice(at, to);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
