/// Splicing edits into a layout file's text: replace an attribute's value, add or remove an attribute, replace a
/// run of text. Everything outside the edited places is copied as it was.
import { escapeXml, type PosElement } from './xml-scan';

/// Replace the source's UTF-16 range [start, end) by `text` (an insertion when start equals end).
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/// Applies the edits lying inside [from, to) to that slice of `xml`. Edits are applied in position order (insertions
/// at one place in the order given); an edit overlapping an earlier one is an error in the caller, and throws.
export function applyEdits(xml: string, edits: readonly Edit[], from = 0, to = xml.length): string {
  const inside = edits
    .map((edit, order) => ({ edit, order }))
    .filter(({ edit }) => edit.start >= from && edit.end <= to)
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  const parts: string[] = [];
  let at = from;
  for (const { edit } of inside) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}`);
    parts.push(xml.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(xml.slice(at, to));
  return parts.join('');
}

/// The edits that set (string) or remove (null) attributes of `element`'s start tag; attributes it does not have
/// are added at the end of the tag, in the order given.
export function attributeEdits(xml: string, element: PosElement, changes: Readonly<Record<string, string | null>>): Edit[] {
  const edits: Edit[] = [];
  const added: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const span = element.spans[name];
    if (span && value !== null) {
      edits.push({ start: span.valueStart, end: span.valueEnd, text: escapeXml(value) });
    } else if (span && value === null) {
      let from = span.nameStart;
      while (from > element.start && /\s/.test(xml[from - 1]!)) from--;
      edits.push({ start: from, end: span.valueEnd + 1, text: '' });
    } else if (value !== null) {
      added.push(` ${name}="${escapeXml(value)}"`);
    }
  }
  if (added.length > 0) {
    const at = element.selfClosing ? xml.lastIndexOf('/', element.startTagEnd - 1) : element.startTagEnd - 1;
    edits.push({ start: at, end: at, text: added.join('') });
  }
  return edits;
}

/// The source text of `element` with the edits that lie inside it applied.
export function renderElement(xml: string, element: PosElement, edits: readonly Edit[]): string {
  return applyEdits(xml, edits, element.start, element.end);
}

/// A self-closing copy of `element`'s start tag with the attribute changes applied (its content is not copied).
export function cloneStartTag(xml: string, element: PosElement, changes: Readonly<Record<string, string | null>>, selfClose: boolean): string {
  const tag = applyEdits(xml, attributeEdits(xml, element, changes), element.start, element.startTagEnd);
  const open = tag.replace(/\s*\/?>$/, '');
  return selfClose ? `${open}/>` : `${open}>`;
}

/// Formats a coordinate: integers stay integers, others keep at most two decimals.
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/// Hands out IDs not yet used in the document: `base`, then `base_2`, `base_3`, …
export class IdAllocator {
  private readonly used: Set<string>;

  constructor(xml: string) {
    this.used = new Set(Array.from(xml.matchAll(/\s(?:ID|id|xml:id)\s*=\s*["']([^"']*)["']/g), (m) => m[1]!));
  }

  /// A fresh ID derived from `base`.
  next(base: string): string {
    let n = 2;
    let id = base;
    while (this.used.has(id)) id = `${base}_${n++}`;
    this.used.add(id);
    return id;
  }
}
