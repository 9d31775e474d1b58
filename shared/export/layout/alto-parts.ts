/// The parts of a corrected ALTO file outside its lines: the named-entity tags and the processing step.
import { pushAll } from '../../push-all';
import type { EntitySpan } from '../../model/sidecar-schema';
import type { ExportContext } from '../types';
import { indentBefore, prefixOf, processingNote } from './layout-common';
import type { Edit } from './xml-edit';
import { attributeEdits, type IdAllocator } from './xml-edit';
import { escapeXml, posChildren, type PosElement } from './xml-scan';

/// The tag IDs of a corrected file: the NamedEntityTag IDs the file had (removed: the page's entities replace
/// them) and the ID given to each entity, by entity id.
export interface EntityTagIds {
  removed: Set<string>;
  byEntity: Map<string, string>;
}

/// Edits replacing the file's NamedEntityTags by one per entity (ID, TYPE, LABEL), in `Tags` (made where the
/// schema puts it, before `ReadingOrder` or `Layout`, when the file has none).
export function altoTagsEdits(xml: string, root: PosElement, entities: readonly EntitySpan[], ids: IdAllocator): { edits: Edit[]; ids: EntityTagIds } {
  const p = prefixOf(root);
  const tags = posChildren(root, 'Tags')[0];
  const old = tags ? posChildren(tags, 'NamedEntityTag') : [];
  const removed = new Set(old.flatMap((tag) => (tag.attrs.ID !== undefined ? [tag.attrs.ID] : [])));
  const byEntity = new Map<string, string>();
  const edits: Edit[] = old.map((tag) => ({ start: tag.start - indentBefore(xml, tag.start).length, end: tag.end, text: '' }));
  const anchor = tags ?? posChildren(root).find((e) => e.name === 'ReadingOrder' || e.name === 'Layout');
  const indent = anchor ? indentBefore(xml, anchor.start) : '\n';
  const inner = `${indent}  `;
  const written = entities.map((entity) => {
    const id = ids.next(`NE_${entity.id.replace(/[^\w.-]/g, '_')}`);
    byEntity.set(entity.id, id);
    return `${inner}<${p}NamedEntityTag ID="${escapeXml(id)}" TYPE="${escapeXml(entity.type)}" LABEL="${escapeXml(entity.text)}"/>`;
  });
  if (written.length > 0) {
    if (tags && !tags.selfClosing) {
      const at = tags.contentEnd - indentBefore(xml, tags.contentEnd).length;
      edits.push({ start: at, end: at, text: `${written.join('')}${at === tags.contentEnd ? indent : ''}` });
    } else if (tags) {
      edits.push({ start: tags.start, end: tags.end, text: `<${p}Tags>${written.join('')}${indent}</${p}Tags>` });
    } else if (anchor) {
      edits.push({ start: anchor.start, end: anchor.start, text: `<${p}Tags>${written.join('')}${indent}</${p}Tags>${indent}` });
    }
  }
  return { edits, ids: { removed, byEntity } };
}

/// Edits recording the export in the Description: ALTO 4 `Processing` (category contentModification); ALTO 2 and 3,
/// which have no `Processing`, a `postProcessingStep` in the last `OCRProcessing` (or a new one).
export function altoDescriptionEdits(xml: string, root: PosElement, context: ExportContext, ids: IdAllocator): Edit[] {
  const p = prefixOf(root);
  const major = altoMajorVersion(root);
  const description = posChildren(root, 'Description')[0];
  const step = (name: string, withCategory: boolean, id: string | null): string =>
    `<${p}${name}${id ? ` ID="${id}"` : ''}>` +
    (withCategory ? `<${p}processingCategory>contentModification</${p}processingCategory>` : '') +
    `<${p}processingDateTime>${escapeXml(context.startedAt)}</${p}processingDateTime>` +
    `<${p}processingStepDescription>${escapeXml(processingNote(context.appVersion))}</${p}processingStepDescription>` +
    `<${p}processingSoftware><${p}softwareName>Jiaodui</${p}softwareName><${p}softwareVersion>${escapeXml(context.appVersion)}</${p}softwareVersion></${p}processingSoftware>` +
    `</${p}${name}>`;
  let addition: string;
  if (major >= 4) {
    addition = step('Processing', true, ids.next('JIAODUI_PROCESSING'));
  } else {
    const ocrProcessing = description ? posChildren(description, 'OCRProcessing').at(-1) : undefined;
    if (ocrProcessing && !ocrProcessing.selfClosing) {
      return [insertBeforeEnd(xml, ocrProcessing, step('postProcessingStep', false, null))];
    }
    // The schema requires an ocrProcessingStep in an OCRProcessing; the OCR step is not described in the file.
    addition = `<${p}OCRProcessing ID="${ids.next('JIAODUI_OCR_PROCESSING')}"><${p}ocrProcessingStep/>${step('postProcessingStep', false, null)}</${p}OCRProcessing>`;
  }
  if (!description) {
    return [{ start: root.startTagEnd, end: root.startTagEnd, text: `\n  <${p}Description><${p}MeasurementUnit>pixel</${p}MeasurementUnit>${addition}</${p}Description>` }];
  }
  return [insertBeforeEnd(xml, description, addition)];
}

/// The ALTO major version from the namespace (`…/alto/ns-v3#`), or from SCHEMAVERSION; 2 when neither says.
export function altoMajorVersion(root: PosElement): number {
  for (const [key, value] of Object.entries(root.attrs)) {
    const match = /\/alto\/ns-v(\d+)#?$/.exec(value);
    if ((key === 'xmlns' || key.startsWith('xmlns:')) && match) return Number(match[1]);
  }
  const declared = Number.parseInt(root.attrs.SCHEMAVERSION ?? '', 10);
  return Number.isFinite(declared) ? declared : 2;
}

/// Edits dropping removed tag IDs from TAGREFS of elements outside the rebuilt ranges (blocks, lines, Strings
/// the line rewrite does not reach), so no reference is left dangling.
export function danglingTagRefEdits(xml: string, root: PosElement, removed: ReadonlySet<string>, rebuilt: readonly Edit[]): Edit[] {
  if (removed.size === 0) return [];
  const edits: Edit[] = [];
  const inside = (e: PosElement): boolean => rebuilt.some((r) => e.start >= r.start && e.start < r.end);
  const visit = (element: PosElement): void => {
    const refs = element.attrs.TAGREFS;
    if (refs !== undefined && !inside(element)) {
      const kept = refs.split(/\s+/).filter((id) => id !== '' && !removed.has(id));
      if (kept.length !== refs.split(/\s+/).filter((id) => id !== '').length) {
        pushAll(edits, attributeEdits(xml, element, { TAGREFS: kept.length > 0 ? kept.join(' ') : null }));
      }
    }
    for (const child of posChildren(element)) visit(child);
  };
  visit(root);
  return edits;
}

// An insertion as the last child of `parent`, indented one step further than its end tag.
function insertBeforeEnd(xml: string, parent: PosElement, text: string): Edit {
  const closing = indentBefore(xml, parent.contentEnd);
  return { start: parent.contentEnd, end: parent.contentEnd, text: closing === '' ? text : `  ${text}${closing}` };
}
