/// Writes a page's body tree as TEI: `<p>` per paragraph, `<choice><sic>…</sic><corr>…</corr></choice>` per
/// correction, `persName` / `placeName` / `orgName` / `date` / `name type="…"` per entity, `<lb/>` or reflow per
/// line break. No whitespace is added inside a paragraph, so the text a reader extracts is exactly the page's.
import type { ExportOptions } from '../types';
import type { BodyNode, BodyTree, ChoiceNode, EntityPiece } from './body-tree';
import { escapeAttribute, escapeTextWithBreaks, toXmlName } from './xml-text';
import { firstCodePoint, lastCodePoint, reflowSeparator } from '../reflow';

/// The TEI element for an entity type: the tagset's usual kinds get TEI's own elements, any other type is a
/// `<name>` with the type (made into an XML name) as `@type`.
export function entityElement(type: string): { name: string; attributes: string } {
  switch (type) {
    case 'PER':
      return { name: 'persName', attributes: '' };
    case 'LOC':
      return { name: 'placeName', attributes: '' };
    case 'ORG':
      return { name: 'orgName', attributes: '' };
    case 'DATE':
      return { name: 'date', attributes: '' };
    default:
      return { name: 'name', attributes: ` type="${escapeAttribute(toXmlName(type))}"` };
  }
}

/// How the body is written: line breaks as `<lb/>` or reflowed, and the prefix that keeps `xml:id`s unique when
/// several pages share a document.
export interface BodyStyle {
  lineBreaks: ExportOptions['lineBreaks'];
  idPrefix: string;
}

/// The paragraphs of `tree`, one `<p>` a line of output.
export function renderBody(tree: BodyTree, style: BodyStyle): string[] {
  const writer = new BodyWriter(tree, style);
  return tree.paragraphs.map((p) => {
    const content = writer.range(p.start, p.end, p.children);
    return content === '' ? '<p/>' : `<p>${content}</p>`;
  });
}

class BodyWriter {
  // The next piece number of each entity, to name pieces `e3.1`, `e3.2`… and link them.
  private readonly nextPiece: number[];

  constructor(
    private readonly tree: BodyTree,
    private readonly style: BodyStyle,
  ) {
    this.nextPiece = tree.pieceCounts.map(() => 0);
  }

  range(from: number, to: number, children: readonly BodyNode[]): string {
    let out = '';
    let position = from;
    for (const child of children) {
      out += this.text(this.tree.corrected, position, child.start);
      out += child.kind === 'entity' ? this.entity(child) : this.choice(child);
      position = child.end;
    }
    return out + this.text(this.tree.corrected, position, to);
  }

  private entity(piece: EntityPiece): string {
    const { name, attributes } = entityElement(piece.type);
    const pieces = this.tree.pieceCounts[piece.entity]!;
    let links = '';
    if (pieces > 1) {
      const part = ++this.nextPiece[piece.entity]!;
      const id = (n: number): string => `${this.style.idPrefix}e${piece.entity + 1}.${n}`;
      links = ` xml:id="${id(part)}"`;
      if (part > 1) links += ` prev="#${id(part - 1)}"`;
      if (part < pieces) links += ` next="#${id(part + 1)}"`;
    }
    return `<${name}${attributes}${links}>${this.range(piece.start, piece.end, piece.children)}</${name}>`;
  }

  private choice(node: ChoiceNode): string {
    const sic = this.text(this.tree.arranged, node.sicStart, node.sicEnd);
    const corr = this.range(node.start, node.end, node.children);
    const type = node.rule === undefined ? '' : ` type="${escapeAttribute(toXmlName(node.rule))}"`;
    return `<choice>${sic === '' ? '<sic/>' : `<sic>${sic}</sic>`}${corr === '' ? `<corr${type}/>` : `<corr${type}>${corr}</corr>`}</choice>`;
  }

  // Text [from, to) of `source`, escaped, each line break as `<lb/>` or, when reflowing, as nothing or a space.
  private text(source: string, from: number, to: number): string {
    if (from >= to) return '';
    return escapeTextWithBreaks(source, from, to, this.style.lineBreaks === 'original' ? lineBreakElement : (at) => reflowJoiner(source, at));
  }
}

const lineBreakElement = (): string => '<lb/>';

// What a line break at `source[at]` becomes when lines are reflowed into paragraphs (see reflowSeparator).
function reflowJoiner(source: string, at: number): string {
  return reflowSeparator(lastCodePoint(source.slice(Math.max(0, at - 2), at)), firstCodePoint(source.slice(at + 1, at + 3)));
}
