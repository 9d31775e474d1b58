/// A positional XML scanner for rewriting layout files in place: every element keeps where its start tag, its
/// content and its end tag sit in the source text, and every attribute where its value sits, so an exporter can
/// splice new values into the original text and leave everything else (namespaces, prefixes, comments, attribute
/// order, whitespace) byte for byte as it was.
///
/// The input is a layout file the importer already read, so it is well-formed; the scanner is lenient rather than
/// validating. Elements follow `XmlElement` (shared/layout/xml-tree.ts), so the importers' helpers walk them too.
import type { XmlElement, XmlNode } from '../../layout/xml-tree';

/// Where one attribute's value sits: UTF-16 indexes of the value's first character and just past its last.
export interface AttributeSpan {
  valueStart: number;
  valueEnd: number;
  /// Index of the attribute name's first character (for removing the attribute).
  nameStart: number;
}

/// An element with its place in the source: `start` is its `<`, `startTagEnd` just past the start tag's `>`,
/// `contentEnd` its end tag's `<` (equal to `startTagEnd` for a self-closing element), `end` just past its end.
export interface PosElement extends XmlElement {
  /// The name as written, prefix included (`pc:Word`).
  qname: string;
  start: number;
  startTagEnd: number;
  contentEnd: number;
  end: number;
  selfClosing: boolean;
  spans: Record<string, AttributeSpan>;
  parent: PosElement | null;
}

/// Options: `html` treats HTML void elements (`<br>`, `<meta>`) written without a slash as closed.
export interface ScanOptions {
  html?: boolean;
}

const VOID = new Set(['br', 'meta', 'img', 'hr', 'link', 'input', 'col', 'area', 'base', 'wbr']);
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;

/// Scans `xml` into its root element (null when it has none). Never throws on well-formed input.
export function scanXml(xml: string, options: ScanOptions = {}): PosElement | null {
  const stack: PosElement[] = [];
  let root: PosElement | null = null;
  let i = 0;
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top && text !== '') top.children.push(decodeXmlText(text));
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    addText(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      i = endOf(xml, '-->', lt);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt);
      const top = stack[stack.length - 1];
      if (top) top.children.push(xml.slice(lt + 9, close < 0 ? xml.length : close));
      i = close < 0 ? xml.length : close + 3;
    } else if (xml.startsWith('<?', lt)) {
      i = endOf(xml, '?>', lt);
    } else if (xml.startsWith('<!', lt)) {
      i = doctypeEnd(xml, lt);
    } else if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, gt).trim();
      // Pop to the matching element; a stray end tag is ignored.
      const at = stack.map((e) => e.qname).lastIndexOf(name);
      if (at >= 0) {
        while (stack.length > at) {
          const closed = stack.pop()!;
          closed.contentEnd = stack.length === at ? lt : closed.startTagEnd;
          closed.end = stack.length === at ? gt + 1 : closed.startTagEnd;
        }
      }
      i = gt + 1;
    } else {
      const element = readStartTag(xml, lt, stack[stack.length - 1] ?? null);
      i = element.startTagEnd;
      const top = stack[stack.length - 1];
      if (top) top.children.push(element);
      else root ??= element;
      const isVoid = options.html === true && VOID.has(element.name.toLowerCase());
      if (element.selfClosing || isVoid) {
        element.contentEnd = element.startTagEnd;
        element.end = element.startTagEnd;
      } else {
        stack.push(element);
      }
    }
  }
  return root;
}

function readStartTag(xml: string, lt: number, parent: PosElement | null): PosElement {
  let at = lt + 1;
  while (at < xml.length && !isSpace(xml.charCodeAt(at)) && xml.charCodeAt(at) !== SLASH && xml.charCodeAt(at) !== GT) at++;
  const qname = xml.slice(lt + 1, at);
  const attrs: Record<string, string> = {};
  const spans: Record<string, AttributeSpan> = {};
  for (;;) {
    while (at < xml.length && isSpace(xml.charCodeAt(at))) at++;
    if (at >= xml.length || xml.charCodeAt(at) === GT || xml.charCodeAt(at) === SLASH) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(xml);
    if (!match) {
      at++;
      continue;
    }
    const name = match[1]!;
    const raw = match[3] ?? match[4] ?? '';
    const valueStart = match.index + match[0].length - 1 - raw.length;
    attrs[name] = decodeXmlText(raw);
    spans[name] = { nameStart: match.index, valueStart, valueEnd: valueStart + raw.length };
    at = match.index + match[0].length;
  }
  const gt = xml.indexOf('>', at);
  const selfClosing = xml[gt - 1] === '/';
  const colon = qname.indexOf(':');
  const children: XmlNode[] = [];
  return { name: colon < 0 ? qname : qname.slice(colon + 1), qname, attrs, children, spans, start: lt, startTagEnd: gt + 1, contentEnd: gt + 1, end: gt + 1, selfClosing, parent };
}

const SLASH = 0x2f;
const GT = 0x3e;

// XML whitespace: space, tab, line feed, carriage return.
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function endOf(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? xml.length : at + terminator.length;
}

// A DOCTYPE may hold an internal subset in brackets, whose declarations have their own `>`.
function doctypeEnd(xml: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < xml.length; i++) {
    const c = xml[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return xml.length;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/// Decodes XML character and entity references; references XML does not define are left as written.
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10), whole);
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(value: number, fallback: string): string {
  return Number.isFinite(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}

/// Escapes text for an attribute value in double quotes (also safe as element content).
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/// The element children of `element`, as positioned elements; only those named `name` (local name) if given.
export function posChildren(element: PosElement, name?: string): PosElement[] {
  return element.children.filter((c): c is PosElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/// Every positioned element below `element` in document order for which `match` holds (not looking inside matches).
export function posFind(element: PosElement, match: (e: PosElement) => boolean): PosElement[] {
  const found: PosElement[] = [];
  const visit = (parent: PosElement): void => {
    for (const child of posChildren(parent)) {
      if (match(child)) found.push(child);
      else visit(child);
    }
  };
  visit(element);
  return found;
}
