/// Corrected PAGE XML: the page's own PAGE file with the corrected text, written by editing the original in place.
///
/// `TextLine/TextEquiv/Unicode` takes the corrected line (a line that had none gets one), `Word/TextEquiv/Unicode`
/// the corrected word (`conf="1"`, its `Glyph`s, which spell the old word, dropped), a region's own TextEquiv its
/// corrected lines joined by line breaks. Split and joined words get rectangular `Coords` (their share or union of
/// the boxes); other coordinates stay as written. Entities become Transkribus-style tags in each line's `custom`
/// attribute. The Metadata's `LastChange` is set and, in PAGE 2019, a processing-step `MetadataItem` added.
import { pushAll } from '../../push-all';
import { CodePointIndex } from '../../text/codepoints';
import type { Region } from '../../layout/types';
import { pageView } from '../page-view';
import type { ExportContext, ExportPage, PageExportResult, PerPageExporter } from '../types';
import { declareUtf8, guarded, indentBefore, layoutSource, mismatch, pairLines, prefixOf, regionMoved, sourceLine } from './layout-common';
import { emitWords, type TokenWriter } from './line-emit';
import { customWithEntities, mainTextEquiv, newTextEquiv, pageMetadataEdits, textEquivEdits, walkPageLines, type PageLine } from './page-parts';
import { realignLines, type RealignedLine } from './word-realign';
import { applyEdits, attributeEdits, cloneStartTag, IdAllocator, type Edit } from './xml-edit';
import { posChildren, scanXml, type PosElement } from './xml-scan';
import { parsePoints, polygonBounds } from '../../layout/geometry';

/// The `page` format: one corrected PAGE XML file per page read from PAGE XML, under the page's own path.
export const pageXmlExporter: PerPageExporter = {
  kind: 'per-page',
  exportPage: guarded(exportPageXml),
};

function exportPageXml(page: ExportPage, context: ExportContext): PageExportResult {
  const source = layoutSource(page, 'page');
  if (!source.ok) return source;
  const { xml, layout } = source;
  const root = scanXml(xml);
  const pageElement = root && posChildren(root, 'Page')[0];
  if (!root || !pageElement) return mismatch(page, 'no PAGE Page element was found');
  const pairs = pairLines(walkPageLines(pageElement), layout.lines);
  if (!pairs) return mismatch(page, 'its lines and words are not the ones the page was read from');

  const view = pageView(page);
  const original = new CodePointIndex(page.originalText);
  const corrected = new CodePointIndex(view.corrected);
  const ids = new IdAllocator(xml);
  const edits: Edit[] = pageMetadataEdits(xml, root, context, layout.formatVersion);
  const byRegion = new Map<PosElement, { lines: RealignedLine[]; changed: boolean }>();
  const realignedLines = realignLines(pairs.map((pair) => sourceLine(pair.line)), view, original, corrected);
  for (const [index, { walked }] of pairs.entries()) {
    const pageLine = walked as PageLine;
    const realigned = realignedLines[index]!;
    const region = byRegion.get(pageLine.region) ?? { lines: [], changed: false };
    region.lines.push(realigned);
    region.changed ||= realigned.changed;
    byRegion.set(pageLine.region, region);
    pushAll(edits, lineEdits(xml, pageLine, realigned, ids));
    // Without a sidecar the file's own tags stay exactly as they are (they may hold more than the importer reads).
    const custom = page.sidecar ? customWithEntities(pageLine.element.attrs.custom, realigned, view.entities) : (pageLine.element.attrs.custom ?? null);
    if (custom !== (pageLine.element.attrs.custom ?? null)) pushAll(edits, attributeEdits(xml, pageLine.element, { custom }));
  }
  for (const [region, { lines, changed }] of byRegion) {
    const equiv = mainTextEquiv(region);
    if (changed && equiv) pushAll(edits, textEquivEdits(xml, equiv, lines.map((l) => l.text).join('\n'), '1', false));
  }
  return { ok: true, files: [{ path: page.path, content: declareUtf8(applyEdits(xml, edits)) }] };
}

function lineEdits(xml: string, line: PageLine, realigned: RealignedLine, ids: IdAllocator): Edit[] {
  const edits: Edit[] = [];
  const words = line.words.map((w) => w.element);
  if (words.length > 0 && realigned.tokens.length > 0) {
    edits.push({ start: words[0]!.start, end: words.at(-1)!.end, text: emitWords(xml, words, realigned.tokens, pageWriter(xml, ids)) });
  }
  if (!realigned.changed) return edits;
  if (line.equiv) {
    pushAll(edits, textEquivEdits(xml, line.equiv, realigned.text, '1', false));
  } else {
    // The schema puts a line's TextEquiv after its Words (and Coords, Baseline).
    const before = posChildren(line.element).filter((c) => ['AlternativeImage', 'Coords', 'Baseline', 'Word'].includes(c.name)).at(-1);
    const at = before ? before.end : line.element.startTagEnd;
    const indent = indentBefore(xml, before?.start ?? at);
    edits.push({ start: at, end: at, text: `${indent}${newTextEquiv(prefixOf(line.element), realigned.text, '1')}` });
  }
  return edits;
}

function pageWriter(xml: string, ids: IdAllocator): TokenWriter {
  let lastModel: PosElement | null = null;
  return {
    render(token, model, reuse) {
      lastModel = model;
      const coords = posChildren(model, 'Coords')[0];
      const points = coords?.attrs.points;
      const before = points !== undefined ? polygonBounds(parsePoints(points) ?? []) : null;
      const moved = token.region !== null && (!reuse || regionMoved(token.region, before));
      const p = prefixOf(model);
      if (!reuse) {
        const start = cloneStartTag(xml, model, { id: ids.next(model.attrs.id ?? 'word'), custom: null }, false);
        const coordsText = token.region ? `<${p}Coords points="${rectangle(token.region)}"/>` : coords ? xml.slice(coords.start, coords.end) : '';
        return `${start}${coordsText}${newTextEquiv(p, token.text, '1')}</${model.qname}>`;
      }
      const edits: Edit[] = [];
      if (moved && coords && token.region) pushAll(edits, attributeEdits(xml, coords, { points: rectangle(token.region) }));
      if (token.changed) {
        const equiv = mainTextEquiv(model);
        if (equiv) pushAll(edits, textEquivEdits(xml, equiv, token.text, '1', true));
        for (const glyph of posChildren(model, 'Glyph')) edits.push({ start: glyph.start - indentBefore(xml, glyph.start).length, end: glyph.end, text: '' });
      }
      return applyEdits(xml, edits, model.start, model.end);
    },
    newSeparator() {
      return indentBefore(xml, lastModel!.start);
    },
    fitSeparator(raw) {
      return raw;
    },
  };
}

// PAGE points are integers: the box's corners, clockwise from the top left.
function rectangle(region: Region): string {
  const x0 = Math.round(region.x);
  const y0 = Math.round(region.y);
  const x1 = Math.max(x0, Math.round(region.x + region.width));
  const y1 = Math.max(y0, Math.round(region.y + region.height));
  return `${x0},${y0} ${x1},${y0} ${x1},${y1} ${x0},${y1}`;
}
