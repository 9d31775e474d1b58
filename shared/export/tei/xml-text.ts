/// XML text helpers for the TEI exporter: escaping, characters XML 1.0 cannot carry, names and URIs.
///
/// Text is written exactly as stored (NFC, Extension B characters such as 𠮷 untouched); only `&`, `<`, `>` (and `"`
/// in attributes) become entity references, a carriage return becomes `&#13;` (a parser would turn a literal one
/// into a line feed), and a character XML 1.0 forbids even as a reference (C0 controls other than tab, line feed
/// and carriage return; U+FFFE, U+FFFF; an unpaired surrogate) becomes an empty `<g type="forbidden-char"
/// n="U+000C"/>`, so it is named and nothing is lost.

// One pass finds everything that may need care in text content: markup characters, CR, forbidden characters and
// any surrogate (a paired one, as in 𠮷, is kept; only an unpaired one is forbidden). No lookaround: this runs over
// every character exported.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const SPECIAL_IN_TEXT = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;
// The same and the line feed, for text whose line breaks are written as elements.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const SPECIAL_OR_LINE_BREAK = /[\n&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/// `text` as XML character data.
export function escapeText(text: string): string {
  return text.replace(SPECIAL_IN_TEXT, (ch: string, at: number, all: string) => escapeAt(ch, at, all));
}

/// `source[from, to)` as XML character data, each line feed replaced by `lineBreak(indexInSource)`.
export function escapeTextWithBreaks(source: string, from: number, to: number, lineBreak: (at: number) => string): string {
  return source.slice(from, to).replace(SPECIAL_OR_LINE_BREAK, (ch: string, at: number, all: string) => (ch === '\n' ? lineBreak(from + at) : escapeAt(ch, at, all)));
}

/// `value` as the content of a double-quoted attribute. Attribute values never hold forbidden characters here
/// (they are paths, hashes, names); one that does has it replaced by U+FFFD, as an attribute cannot hold an element.
export function escapeAttribute(value: string): string {
  return value
    .replace(SPECIAL_IN_TEXT, (ch: string, at: number, all: string) => {
      const escaped = escapeAt(ch, at, all);
      return escaped.startsWith('<g ') ? '\uFFFD' : escaped;
    })
    .replace(/"/g, '&quot;')
    .replace(/[\n\t]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// A surrogate that is half of a pair stays; everything else matched is escaped or named.
function escapeAt(ch: string, at: number, all: string): string {
  const unit = ch.charCodeAt(0);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = all.charCodeAt(at + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return ch;
  } else if (unit >= 0xdc00 && unit <= 0xdfff) {
    const previous = all.charCodeAt(at - 1);
    if (previous >= 0xd800 && previous <= 0xdbff) return ch;
  }
  return escapeOne(ch);
}

function escapeOne(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '\r':
      return '&#13;';
    default:
      return forbiddenCharElement(ch);
  }
}

/// The TEI element standing for a character XML 1.0 cannot hold: `<g type="forbidden-char" n="U+000C"/>`.
export function forbiddenCharElement(ch: string): string {
  const hex = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `<g type="forbidden-char" n="U+${hex}"/>`;
}

// XML 1.0 (fifth edition) NameStartChar ranges, without ':' so a result is also an NCName; NameChar adds the others.
const NAME_START: readonly (readonly [number, number])[] = [
  [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x2ff], [0x370, 0x37d], [0x37f, 0x1fff],
  [0x200c, 0x200d], [0x2070, 0x218f], [0x2c00, 0x2fef], [0x3001, 0xd7ff], [0xf900, 0xfdcf], [0xfdf0, 0xfffd], [0x10000, 0xeffff],
];
const NAME_MORE: readonly (readonly [number, number])[] = [[0x2d, 0x2e], [0x30, 0x39], [0xb7, 0xb7], [0x300, 0x36f], [0x203f, 0x2040]];

function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => code >= from && code <= to);
}

/// `value` made into an XML name (the TEI `data.enumerated` of attributes such as `@type`): each character a name
/// may not hold becomes `_`, and a name that would start with a digit, `-` or `.` gets a leading `_`. An empty
/// value gives `_`.
export function toXmlName(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    out += inRanges(code, NAME_START) || inRanges(code, NAME_MORE) ? ch : '_';
  }
  const first = out.codePointAt(0);
  return first !== undefined && inRanges(first, NAME_START) ? out : `_${out}`;
}

// Characters kept as they are in a URI reference (RFC 3986 unreserved, sub-delims, ':', '@', '/') and, as in an
// IRI, every non-ASCII character except the forbidden ones.
const URI_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/// A `/`-separated relative path as an IRI reference for `@facs`: spaces, `%`, `#`, `?` and other ASCII characters
/// a URI may not hold are percent-encoded (UTF-8); letters of any script stay readable.
export function pathToUri(path: string): string {
  let out = '';
  for (const ch of path) {
    const code = ch.codePointAt(0)!;
    const iriLetter = code > 0x9f && code !== 0xfffe && code !== 0xffff && !(code >= 0xd800 && code <= 0xdfff);
    if (URI_SAFE.test(ch) || iriLetter) out += ch;
    else out += [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}
