/// Corrected ALTO: the page's own ALTO file with the corrected words, written by editing the original text in place.
///
/// Per line, `String/@CONTENT` takes the corrected token; a corrected word gets `WC="1"` and loses its `CC`
/// (character confidences of characters that are gone) and its `Glyph` children; split and joined words get their
/// share or union of the boxes and `SP` elements where the corrected text has spaces; a line whose hyphen was
/// removed loses its `HYP`. Entities become `Tags/NamedEntityTag` (ID, TYPE = Jiaodui's type id, LABEL = the
/// entity's text) referenced by `TAGREFS` from every String they cover. The Description records the step: ALTO 4
/// as a `Processing` element, ALTO 2 and 3 (no `Processing` there) as an `OCRProcessing/postProcessingStep`.
/// The namespace and SCHEMAVERSION are left alone, so the file stays in its own ALTO version.
import { pushAll } from '../../push-all';
import { CodePointIndex } from '../../text/codepoints';
import { pageView } from '../page-view';
import type { ExportContext, ExportPage, PageExportResult, PerPageExporter } from '../types';
import { altoDescriptionEdits, altoTagsEdits, danglingTagRefEdits, type EntityTagIds } from './alto-parts';
import { declareUtf8, guarded, entitiesOver, indentBefore, layoutSource, mismatch, pairLines, prefixOf, regionMoved, sourceLine, type WalkedLine } from './layout-common';
import { emitWords, type TokenWriter } from './line-emit';
import { realignLines, type Token } from './word-realign';
import { between, isVertical } from './word-boxes';
import { applyEdits, attributeEdits, cloneStartTag, formatNumber, IdAllocator, type Edit } from './xml-edit';
import { posChildren, posFind, scanXml, type PosElement } from './xml-scan';
import type { Region } from '../../layout/types';
import type { EntitySpan } from '../../model/sidecar-schema';

/// The `alto` format: one corrected ALTO file per page read from ALTO, under the page's own path.
export const altoExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: guarded(exportAlto),
};

function exportAlto(page: ExportPage, context: ExportContext): PageExportResult {
  const source = layoutSource(page, 'alto');
  if (!source.ok) return source;
  const { xml, layout } = source;
  const root = scanXml(xml);
  const pageElement = root && posFind(root, (e) => e.name === 'Page')[0];
  if (!root || !pageElement) return mismatch(page, 'no ALTO Page element was found');
  const pairs = pairLines(walkLines(pageElement), layout.lines);
  if (!pairs) return mismatch(page, 'its lines and words are not the ones the page was read from');

  const view = pageView(page);
  const original = new CodePointIndex(page.originalText);
  const corrected = new CodePointIndex(view.corrected);
  const ids = new IdAllocator(xml);
  // Without a sidecar the page's entities are only what the importer read from the file: the file's own tags are
  // then left exactly as they are (they may hold more than the importer understands).
  const entities = page.sidecar ? view.entities : [];
  const tags = page.sidecar ? altoTagsEdits(xml, root, entities, ids) : { edits: [], ids: { removed: new Set<string>(), byEntity: new Map<string, string>() } };
  const edits: Edit[] = [...tags.edits, ...altoDescriptionEdits(xml, root, context, ids)];
  const lineEdits: Edit[] = [];
  const realignedLines = realignLines(pairs.map((pair) => sourceLine(pair.line)), view, original, corrected);
  for (const [index, { walked, line }] of pairs.entries()) {
    const words = walked.words.map((w) => w.element);
    if (words.length === 0) continue;
    const realigned = realignedLines[index]!;
    const writer = altoWriter(xml, line.region, ids, tags.ids, entities);
    const tokens = realigned.tokens.length > 0 ? realigned.tokens : [emptyToken(line.words[0]!.region)];
    const body = emitWords(xml, words, tokens, writer);
    const lastChild = posChildren(walked.element).at(-1)!;
    const tail = fitTail(xml.slice(words.at(-1)!.end, Math.max(lastChild.end, words.at(-1)!.end)), realigned.trailing);
    lineEdits.push({ start: words[0]!.start, end: Math.max(lastChild.end, words.at(-1)!.end), text: body + tail });
  }
  pushAll(pushAll(edits, lineEdits), danglingTagRefEdits(xml, root, tags.ids.removed, lineEdits));
  return { ok: true, files: [{ path: page.path, content: declareUtf8(applyEdits(xml, edits)) }] };
}

function walkLines(page: PosElement): WalkedLine[] {
  const lines: WalkedLine[] = [];
  for (const block of posFind(page, (e) => e.name === 'TextBlock')) {
    for (const line of posChildren(block, 'TextLine')) {
      const words: WalkedLine['words'] = [];
      let otherText = '';
      for (const child of posChildren(line)) {
        if (child.name === 'String') words.push({ element: child, text: child.attrs.CONTENT ?? '' });
        else if (child.name === 'HYP') otherText += child.attrs.CONTENT ?? '-';
      }
      lines.push({ element: line, words, otherText });
    }
  }
  return lines;
}

function emptyToken(region: Region | null): Token {
  return { text: '', words: [0], changed: true, region, ranges: [], spaceBefore: false };
}

// After the last word: the HYP goes when the corrected line no longer ends in the hyphen, and takes its new text
// when the editor changed it.
function fitTail(tail: string, trailing: string): string {
  const hyp = /<([\w.-]+:)?HYP\b[^>]*?\/>/;
  if (trailing.trim() === '') return tail.replace(/\s*<([\w.-]+:)?HYP\b[^>]*?\/>/, '');
  return tail.replace(hyp, (tag) => tag.replace(/CONTENT\s*=\s*("[^"]*"|'[^']*')/, `CONTENT="${trailing.trim().replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`));
}

function altoWriter(xml: string, lineRegion: Region | null, ids: IdAllocator, tagIds: EntityTagIds, entities: readonly EntitySpan[]): TokenWriter {
  const vertical = isVertical(lineRegion);
  const sp = (previous: Token, next: Token, model: PosElement): string => {
    const prefix = prefixOf(model);
    const box = lineRegion && previous.region && next.region ? between(previous.region, next.region, lineRegion, vertical) : null;
    // Tesseract writes SP with WIDTH, VPOS, HPOS; down a vertical line the gap is a height.
    const height = box && vertical ? ` HEIGHT="${formatNumber(box.height)}"` : '';
    const position = box ? `${height} WIDTH="${formatNumber(box.width)}" HPOS="${formatNumber(box.x)}" VPOS="${formatNumber(box.y)}"` : '';
    return `<${prefix}SP${position}/>`;
  };
  let lastModel: PosElement | null = null;
  return {
    render(token, model, reuse) {
      lastModel = model;
      const changes: Record<string, string | null> = {};
      if (token.changed) Object.assign(changes, { CONTENT: token.text, WC: '1', CC: null });
      const originalRegion = regionOf(model);
      if (token.region && (!reuse || regionMoved(token.region, originalRegion))) {
        Object.assign(changes, { HPOS: formatNumber(token.region.x), VPOS: formatNumber(token.region.y), WIDTH: formatNumber(token.region.width), HEIGHT: formatNumber(token.region.height) });
      }
      const added = entitiesOver(entities, token.ranges).map((e) => tagIds.byEntity.get(e.id)!);
      const refs = tagRefs(model.attrs.TAGREFS, tagIds, added);
      if ((added.length > 0 || tagIds.removed.size > 0) && refs !== (model.attrs.TAGREFS ?? null)) changes.TAGREFS = refs;
      if (!reuse) {
        Object.assign(changes, { ID: model.attrs.ID !== undefined ? ids.next(model.attrs.ID) : null, CONTENT: token.text, WC: '1', CC: null, SUBS_CONTENT: null, SUBS_TYPE: null });
        return cloneStartTag(xml, model, changes, true);
      }
      const edits = attributeEdits(xml, model, changes);
      if (token.changed) for (const glyph of posChildren(model, 'Glyph')) edits.push({ start: glyph.start - indentBefore(xml, glyph.start).length, end: glyph.end, text: '' });
      return applyEdits(xml, edits, model.start, model.end);
    },
    newSeparator(previous, next) {
      const model = lastModel!;
      const indent = indentBefore(xml, model.start);
      return next.spaceBefore ? `${indent}${sp(previous, next, model)}${indent}` : indent;
    },
    fitSeparator(raw, previous, next) {
      // A space the editor typed between words the OCR wrote side by side needs an SP of its own.
      if (next.spaceBefore && !/<([\w.-]+:)?SP\b/.test(raw)) return `${sp(previous, next, lastModel!)}${raw}`;
      return raw;
    },
  };
}

// TAGREFS keeps references to tags other than named entities, drops the named-entity tags the file had (they are
// replaced by the page's entities) and adds the entities the String carries; null when none remain.
function tagRefs(existing: string | undefined, tagIds: EntityTagIds, added: string[]): string | null {
  const kept = (existing ?? '').split(/\s+/).filter((id) => id !== '' && !tagIds.removed.has(id));
  const all = [...new Set([...kept, ...added])];
  return all.length > 0 ? all.join(' ') : null;
}

function regionOf(element: PosElement): Region | null {
  const [x, y, width, height] = ['HPOS', 'VPOS', 'WIDTH', 'HEIGHT'].map((name) => Number(element.attrs[name] ?? NaN));
  return [x, y, width, height].every((n) => Number.isFinite(n)) ? { x: x!, y: y!, width: width!, height: height! } : null;
}
