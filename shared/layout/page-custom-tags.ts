/// Reads the entity tags Transkribus writes into PAGE XML: the `custom` attribute of a `TextLine`, such as
/// `readingOrder {index:0;} person {offset:3; length:5; continued:true;} place {offset:10; length:4;}`.
///
/// `offset` and `length` count UTF-16 code units of the line's `TextEquiv/Unicode` text as written: Transkribus is
/// Java, and TranskribusCore's `CustomTag.getContainedText()` takes `text.substring(offset, offset + length)` of
/// the line's Unicode text, and Java strings index UTF-16 units. They are converted here to code points on the
/// NFC line text, the unit Jiaodui stores. A tag that splits a surrogate pair (such as the two halves of 𠮷) or
/// runs past the line is left out rather than guessed at.
///
/// Tags that mark something other than a named thing (reading order, text style, structure, abbreviations,
/// `sic`, `unclear`, gaps, comments and the like) are not entities and are skipped; every other tag with an
/// offset and a length is one, its type mapped by `entityTypeOfTagName` (person → PER, place → LOC,
/// organization → ORG, date → DATE; other names kept). A tag marked `continued:true` that ends its line and one
/// of the same name marked `continued:true` at the start of the next line are one span (Transkribus splits a
/// name broken across lines that way).
import { cpLength, cpSlice } from '../text/codepoints';
import { entityTypeOfTagName } from './entity-type-names';
import type { LayoutEntity, LayoutLine } from './types';

/// One tag of a `custom` attribute: its name and its properties as written (escapes such as `\u0020` decoded).
export interface CustomTag {
  name: string;
  properties: Record<string, string>;
}

// Transkribus tag names that carry no entity (its predefined non-entity tags, and its structural properties).
const NOT_ENTITIES = new Set([
  'readingorder',
  'structure',
  'textstyle',
  'abbrev',
  'sic',
  'unclear',
  'gap',
  'comment',
  'blackening',
  'add',
  'addition',
  'del',
  'deletion',
  'supplied',
  'speech',
  'div',
  'regiontype',
  'language',
]);

/// Parses a `custom` attribute into its tags, in the order written; text that is not `name {…}` is ignored.
export function parseCustomAttribute(custom: string): CustomTag[] {
  const tags: CustomTag[] = [];
  for (const match of custom.matchAll(/([A-Za-z_][\w.-]*)\s*\{([^}]*)\}/g)) {
    const properties: Record<string, string> = {};
    for (const part of match[2]!.split(';')) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      const key = part.slice(0, colon).trim();
      if (key !== '') properties[key] = unescapeValue(part.slice(colon + 1).trim());
    }
    tags.push({ name: match[1]!, properties });
  }
  return tags;
}

/// Collects entity spans line by line while the importer builds the page text.
export class PageTagCollector {
  private readonly spans: { name: string; start: number; end: number }[] = [];
  // Spans of the previous line marked continued that reach its end, by tag name: they may go on.
  private continuing = new Map<string, number>();

  /// A `TextLine`: its `custom` attribute, the raw text of its main `TextEquiv/Unicode` (the text the offsets
  /// count in; undefined when it has none), and the line as placed in the page text (undefined when skipped).
  addLine(custom: string | undefined, rawText: string | undefined, line: LayoutLine | undefined): void {
    const previous = this.continuing;
    this.continuing = new Map();
    if (custom === undefined || rawText === undefined || !line) return;
    const lineLength = cpLength(line.text);
    for (const tag of parseCustomAttribute(custom)) {
      if (NOT_ENTITIES.has(tag.name.toLowerCase())) continue;
      const range = codePointRange(rawText, tag.properties.offset, tag.properties.length, lineLength);
      if (!range) continue;
      const continued = tag.properties.continued === 'true';
      const carried = continued && range.start === 0 ? previous.get(tag.name) : undefined;
      let index: number;
      if (carried !== undefined) {
        index = carried;
        this.spans[index]!.end = line.textStart + range.end;
        previous.delete(tag.name);
      } else {
        index = this.spans.push({ name: tag.name, start: line.textStart + range.start, end: line.textStart + range.end }) - 1;
      }
      if (continued && range.end === lineLength) this.continuing.set(tag.name, index);
    }
  }

  /// The spans on the finished page text, sorted by start (longer first at the same start).
  finish(text: string): LayoutEntity[] {
    return this.spans
      .filter((span) => span.end > span.start)
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map((span) => ({ start: span.start, end: span.end, type: entityTypeOfTagName(span.name), text: cpSlice(text, span.start, span.end) }));
  }
}

// UTF-16 [offset, offset + length) of the raw line text as code points [start, end) of its NFC form; undefined
// when the numbers are missing or bad, split a surrogate pair, or reach past the line.
function codePointRange(raw: string, offset: string | undefined, length: string | undefined, lineLength: number): { start: number; end: number } | undefined {
  if (offset === undefined || length === undefined || !/^\d+$/.test(offset) || !/^\d+$/.test(length)) return undefined;
  const from = Number(offset);
  const to = from + Number(length);
  if (to <= from || to > raw.length || splitsPair(raw, from) || splitsPair(raw, to)) return undefined;
  const start = cpLength(raw.slice(0, from).normalize('NFC'));
  const end = cpLength(raw.slice(0, to).normalize('NFC'));
  return end > start && end <= lineLength ? { start, end } : undefined;
}

function splitsPair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

// Transkribus escapes characters that would end a value (`;`, `}`…) and spaces as `\uXXXX`.
function unescapeValue(value: string): string {
  return value.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
