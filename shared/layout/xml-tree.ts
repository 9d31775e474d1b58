/// A small element tree over fast-xml-parser's ordered output, so the importers walk plain objects.
///
/// The file is validated first because the validator, unlike the parser, reports the line and column of the
/// first problem; the importers then never see malformed input.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Result } from '../result';
import type { LayoutError } from './types';
import { formatCount, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from '../limits';
import { reason, reasonEnglish, type Reason } from '../errors/reasons';
import { validatorReason } from './xml-reasons';

/// An XML element: its local name (namespace prefix removed), attributes as written, and children in order.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/// A child of an element: an element or a run of text.
export type XmlNode = XmlElement | string;

/// How to read the file.
export interface XmlReadOptions {
  /// Read as XHTML (hOCR): HTML entities such as `&nbsp;` and void tags such as `<br>` are accepted.
  html?: boolean;
}

// XHTML producers sometimes leave these void elements unclosed.
const HTML_VOID_TAGS = ['br', 'meta', 'img', 'hr', 'link', 'input', 'col', 'area', 'base', 'wbr'];

// An entity reference XML itself does not define, such as `&nbsp;`.
const HTML_ONLY_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[A-Za-z][A-Za-z0-9]*;/;

/// Parses `xml` into an element tree, or reports where it is malformed.
///
/// `fileName` only appears in the error message. Never throws.
export function parseXmlTree(xml: string, fileName: string, options: XmlReadOptions = {}): Result<XmlElement, LayoutError> {
  const unpairedTags = options.html ? HTML_VOID_TAGS : [];
  if (xml.trim() === '') return layoutFail(fileName, reason('layout.empty'));
  const validation = XMLValidator.validate(xml, { unpairedTags });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    const unclosed = unclosedAtEnd(msg);
    if (unclosed) {
      // The validator reports line 1 for a file that ends with several elements open; the end is the place.
      const lines = xml.split(/\r\n?|\n/);
      const place = { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
      const element = unclosed.at(-1) ?? '';
      const outer = unclosed.slice(0, -1).reverse().join(' in ');
      return layoutFail(fileName, reason('layout.xml.cutShort', { ...place, element, outer }), place.line, place.column);
    }
    return layoutFail(fileName, validatorReason({ msg, line, col }), line ?? 0, col ?? 0);
  }
  const elements = countElementStarts(xml);
  if (elements > MAX_XML_ELEMENTS) {
    return tooLarge(fileName, reason('layout.tooManyElements', { count: formatCount(elements), limit: formatCount(MAX_XML_ELEMENTS) }), `xml-elements=${elements}/${MAX_XML_ELEMENTS}`);
  }
  let ordered: unknown;
  try {
    ordered = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      // The parser decodes numeric character references (`&#233;`) only together with HTML entities; that makes
      // parsing markedly slower, so it is only switched on when the file holds a reference it needs.
      htmlEntities: (options.html === true && HTML_ONLY_ENTITY.test(xml)) || xml.includes('&#'),
      unpairedTags,
      // Deeply nested layout is legitimate (PAGE regions nest), but not hundreds deep: the tree is walked recursively.
      maxNestedTags: MAX_XML_DEPTH,
    }).parse(xml);
  } catch (error) {
    if (error instanceof Error && /nested tags/i.test(error.message)) {
      return tooLarge(fileName, reason('layout.tooDeep', { limit: MAX_XML_DEPTH }), `xml-depth>${MAX_XML_DEPTH}`);
    }
    // The parser enforces limits the validator does not check, such as entity expansion; its sentence is its own.
    return layoutFail(fileName, reason('layout.xml.notRead', { detail: error instanceof Error ? error.message : String(error) }));
  }
  const root = toNodes(ordered).find((node): node is XmlElement => typeof node !== 'string');
  if (!root) return layoutFail(fileName, reason('layout.noRoot'));
  return { ok: true, value: root };
}

/// Builds a failed result carrying a layout error: its reason (worded on screen in the UI language; a reason of a
/// place names it) and the English message, which names the file too (logs, the CLI).
export function layoutFail(fileName: string, why: Reason, line = 0, column = 0): { ok: false; error: LayoutError } {
  const error: LayoutError = { line, column, reason: why, message: `${fileName}: ${reasonEnglish(why)}` };
  if (fileName !== '') error.file = fileName;
  return { ok: false, error };
}

// A limit error: the message names the file; `tooLarge` carries the limit and the value for the 'too-large' detail.
function tooLarge(fileName: string, why: Reason, detail: string): { ok: false; error: LayoutError } {
  const failed = layoutFail(fileName, why);
  failed.error.tooLarge = detail;
  return failed;
}

// Element start tags in a well-formed file (an upper bound: tag-like text in comments and CDATA counts too).
function countElementStarts(xml: string): number {
  let count = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    // A letter, '_' or ':' starts a name; '/', '!' and '?' start end tags, comments and declarations.
    if (next !== 47 && next !== 33 && next !== 63) count++;
  }
  return count;
}

/// The element children of `element`, optionally only those with local name `name`.
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

/// The first element child named `name`, or undefined.
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/// Every element below `element` (not itself) in document order for which `match` holds.
///
/// Does not look inside a matched element, so nested matches are found by the caller where that matters.
export function findElements(element: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (parent: XmlElement): void => {
    for (const child of childElements(parent)) {
      if (match(child)) found.push(child);
      else visit(child);
    }
  };
  visit(element);
  return found;
}

/// The value of attribute `name`, matched with or without a namespace prefix, or undefined.
export function attr(element: XmlElement, name: string): string | undefined {
  const exact = element.attrs[name];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(element.attrs)) {
    if (key.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

/// The concatenated text below `element`, as in the DOM's `textContent`.
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}

/// Parses a number attribute; undefined when it is missing or not a finite number.
export function numberAttr(element: XmlElement, name: string): number | undefined {
  const raw = attr(element, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

// The names of the elements left open at the end of the file, from the validator's message for that case.
function unclosedAtEnd(message: string): string[] | undefined {
  const listed = /^Invalid '(\[.*\])' found\.$/.exec(message)?.[1];
  if (listed === undefined) return undefined;
  try {
    const names: unknown = JSON.parse(listed);
    return Array.isArray(names) && names.length > 1 ? names.map(String) : undefined;
  } catch {
    return undefined;
  }
}

function toNodes(ordered: unknown): XmlNode[] {
  if (!Array.isArray(ordered)) return [];
  const nodes: XmlNode[] = [];
  for (const item of ordered as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') nodes.push(String(value));
      // Declarations and processing instructions (`?xml`, `?xml-stylesheet`) carry no content.
      else if (!key.startsWith('?') && !key.startsWith('!')) {
        nodes.push({ name: localName(key), attrs: attributesOf(item[':@']), children: toNodes(value) });
      }
    }
  }
  return nodes;
}

function attributesOf(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) attrs[key] = String(value);
  }
  return attrs;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}
