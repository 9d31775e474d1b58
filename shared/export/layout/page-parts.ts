/// Pieces of a corrected PAGE XML file: walking it as the importer does, the main TextEquiv, text replacement,
/// Transkribus-style entity tags and the processing note in the Metadata.
import { pushAll } from '../../push-all';
import type { EntitySpan } from '../../model/sidecar-schema';
import { cpToUtf16 } from '../../text/codepoints';
import { readingOrderIds } from '../../layout/page-reading-order';
import { textContent } from '../../layout/xml-tree';
import type { ExportContext } from '../types';
import { indentBefore, prefixOf, processingNote, type WalkedLine } from './layout-common';
import type { RealignedLine } from './word-realign';
import { attributeEdits, type Edit } from './xml-edit';
import { escapeXml, posChildren, type PosElement } from './xml-scan';

/// A walked PAGE line with its region and main TextEquiv.
export interface PageLine extends WalkedLine {
  region: PosElement;
  equiv: PosElement | undefined;
}

/// The text lines of `page` in the importer's order (regions by the ReadingOrder, then as written), each with
/// the words the importer placed in the line's text.
export function walkPageLines(page: PosElement): PageLine[] {
  const lines: PageLine[] = [];
  for (const region of orderedTextRegions(page)) {
    for (const line of posChildren(region, 'TextLine')) {
      const equiv = mainTextEquiv(line);
      const words = posChildren(line, 'Word').map((element) => ({ element, text: unicodeOf(mainTextEquiv(element)).normalize('NFC') }));
      if (equiv === undefined) {
        lines.push({ element: line, region, equiv, words, otherText: '' });
        continue;
      }
      // As the importer's placeWords: words found left to right in the line's own text; others are not words of it.
      const text = unicodeOf(equiv).normalize('NFC');
      const kept: WalkedLine['words'] = [];
      let other = '';
      let cursor = 0;
      for (const word of words) {
        if (word.text === '') continue;
        const at = text.indexOf(word.text, cursor);
        if (at < 0) continue;
        other += text.slice(cursor, at);
        kept.push(word);
        cursor = at + word.text.length;
      }
      lines.push({ element: line, region, equiv, words: kept, otherText: other + text.slice(cursor) });
    }
  }
  return lines;
}

function orderedTextRegions(page: PosElement): PosElement[] {
  const all: PosElement[] = [];
  const collect = (parent: PosElement): void => {
    for (const child of posChildren(parent)) {
      if (child.name === 'TextRegion') all.push(child);
      if (child.name.endsWith('Region')) collect(child);
    }
  };
  collect(page);
  const byId = new Map(all.filter((r) => r.attrs.id).map((r) => [r.attrs.id!, r]));
  const ordered = readingOrderIds(page).flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(ordered);
  return [...ordered, ...all.filter((region) => !placed.has(region))];
}

/// The TextEquiv PAGE calls main: the lowest index, one without an index first.
export function mainTextEquiv(element: PosElement): PosElement | undefined {
  const candidates = posChildren(element, 'TextEquiv').map((equiv, position) => {
    const index = Number(equiv.attrs.index);
    return { equiv, position, index: Number.isFinite(index) ? index : Number.NEGATIVE_INFINITY };
  });
  candidates.sort((a, b) => (a.index === b.index ? a.position - b.position : a.index < b.index ? -1 : 1));
  return candidates[0]?.equiv;
}

function unicodeOf(equiv: PosElement | undefined): string {
  const unicode = equiv && posChildren(equiv, 'Unicode')[0];
  return unicode ? textContent(unicode) : '';
}

/// Edits giving a TextEquiv new text (its Unicode and, when present, PlainText) and, when `conf` is given, that
/// confidence (set only where the TextEquiv has one, or always when `addConf`).
export function textEquivEdits(xml: string, equiv: PosElement, text: string, conf: string | null, addConf: boolean): Edit[] {
  const edits: Edit[] = [];
  for (const child of posChildren(equiv)) {
    if (child.name !== 'Unicode' && child.name !== 'PlainText') continue;
    edits.push(
      child.selfClosing
        ? { start: child.start, end: child.end, text: `<${child.qname}>${escapeXml(text)}</${child.qname}>` }
        : { start: child.startTagEnd, end: child.contentEnd, text: escapeXml(text) },
    );
  }
  if (conf !== null && (addConf || equiv.attrs.conf !== undefined)) pushAll(edits, attributeEdits(xml, equiv, { conf }));
  return edits;
}

/// A new TextEquiv element with `text`.
export function newTextEquiv(prefix: string, text: string, conf: string | null): string {
  return `<${prefix}TextEquiv${conf !== null ? ` conf="${conf}"` : ''}><${prefix}Unicode>${escapeXml(text)}</${prefix}Unicode></${prefix}TextEquiv>`;
}

// Transkribus's tag names for the usual entity kinds; other types are written under their own (lower-cased) name.
const TRANSKRIBUS_TAG: Record<string, string> = { PER: 'person', LOC: 'place', ORG: 'organization', DATE: 'date' };

/// The Transkribus tag name for an entity type.
export function transkribusTagName(type: string): string {
  return TRANSKRIBUS_TAG[type] ?? (type.toLowerCase().replace(/[^a-z0-9_]/g, '_') || 'entity');
}

/// The line's new `custom` attribute: the tags it had that are no entity tags (reading order, structure, text
/// style…) kept as written, then one tag per entity on the line, `name {offset:…; length:…;}`, with
/// `continued:true;` on each part of an entity that spans lines. Offsets and lengths count UTF-16 code units of
/// the line's text: Transkribus reads them with Java's `String.substring(offset, offset + length)`
/// (TranskribusCore, CustomTag.getContainedText). Null when nothing remains.
export function customWithEntities(existing: string | undefined, line: RealignedLine, entities: readonly EntitySpan[]): string | null {
  const entityNames = new Set([...Object.values(TRANSKRIBUS_TAG), ...entities.map((e) => transkribusTagName(e.type))]);
  const kept = Array.from((existing ?? '').matchAll(/([\w-]+)\s*\{[^}]*\}/g))
    .filter((m) => !entityNames.has(m[1]!))
    .map((m) => m[0]);
  const lineEnd = line.pieces.at(-1);
  const written: string[] = [];
  for (const entity of entities) {
    let from = Infinity;
    let to = -Infinity;
    let covered = 0;
    for (const piece of line.pieces) {
      const a = Math.max(entity.start, piece.start);
      const b = Math.min(entity.end, piece.end);
      if (a >= b) continue;
      from = Math.min(from, piece.lineOffset + a - piece.start);
      to = Math.max(to, piece.lineOffset + b - piece.start);
      covered += b - a;
    }
    if (!lineEnd || from >= to) continue;
    const offset = cpToUtf16(line.text, from);
    const length = cpToUtf16(line.text, to) - offset;
    const continued = covered < entity.end - entity.start ? ' continued:true;' : '';
    written.push(`${transkribusTagName(entity.type)} {offset:${offset}; length:${length};${continued}}`);
  }
  const all = [...kept, ...written];
  return all.length > 0 ? all.join(' ') : null;
}

/// Edits recording the export in the Metadata: `LastChange` set to the export's start, and (PAGE 2019 and later,
/// where the schema has it) a `MetadataItem` of type processingStep naming Jiaodui and its version.
export function pageMetadataEdits(xml: string, root: PosElement, context: ExportContext, version: string): Edit[] {
  const metadata = posChildren(root, 'Metadata')[0];
  if (!metadata || metadata.selfClosing) return [];
  const edits: Edit[] = [];
  const lastChange = posChildren(metadata, 'LastChange')[0];
  if (lastChange && !lastChange.selfClosing) edits.push({ start: lastChange.startTagEnd, end: lastChange.contentEnd, text: escapeXml(context.startedAt) });
  if (version >= '2019-07-15') {
    const p = prefixOf(metadata);
    const item = `<${p}MetadataItem type="processingStep" name="Jiaodui ${escapeXml(context.appVersion)}" value="${escapeXml(processingNote(context.appVersion))}" date="${escapeXml(context.startedAt)}"/>`;
    const closing = indentBefore(xml, metadata.contentEnd);
    edits.push({ start: metadata.contentEnd, end: metadata.contentEnd, text: closing === '' ? item : `  ${item}${closing}` });
  }
  return edits;
}
