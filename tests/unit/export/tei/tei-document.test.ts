/// TEI documents: the header, the page break with the scan, both groupings (per page and one teiCorpus), both
/// line-break options, the registry's choice, moved text, pages without a sidecar and pages that cannot be written.
/// Every document made here is validated against tei_all.rng with one jing run at the end.
import { describe, expect, it } from 'vitest';
import { exporterFor, EXPORTERS } from '../../../../shared/export/registry';
import { teiVersionNumber } from '../../../../shared/export/tei/header';
import { teiCorpusExporter, teiPerPageExporter } from '../../../../shared/export/tei/tei-exporters';
import { arrangeText } from '../../../../shared/model/moves';
import { computeCorrections } from '../../../../shared/model/corrections';
import { DEFAULT_EXPORT_OPTIONS, type CollectionExporter, type ExportContext, type ExportPage } from '../../../../shared/export/types';
import { elementTexts, jingErrorsApartFromAWrongOne, makeContext, makePage, readings, wellFormed } from './tei-helpers';

const made: string[] = [];

function perPage(page: ExportPage, context: ExportContext = makeContext()): { path: string; xml: string } {
  const result = teiPerPageExporter.exportPage(page, context);
  if (!result.ok) throw new Error(result.problem.message);
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  expect(wellFormed(file.content)).toBe(true);
  made.push(file.content);
  return { path: file.path, xml: file.content };
}

function oneDocument(pages: ExportPage[], context: ExportContext): string {
  const exporter = exporterFor('tei', context.options) as CollectionExporter;
  let xml = exporter.start(context);
  for (const [i, page] of pages.entries()) {
    const chunk = exporter.page(page, i, context);
    if (!chunk.ok) throw new Error(chunk.problem.message);
    xml += chunk.chunk;
  }
  xml += exporter.end(context);
  expect(wellFormed(xml)).toBe(true);
  made.push(xml);
  return xml;
}

const scanned = makePage({ path: 'scans/第1版 #1.xml', original: '北平市长𠮷某\n今日到任', corrected: '北京市长𠮷某\n今日到任', spans: [['LOC', 0, 2], ['PER', 4, 6]], scan: 'scans/第1版 #1.png', status: 'reviewed' });
const plain = makePage({ path: 'text/p2.txt', original: '上海《申报》\n\n第二段', spans: [['ORG', 3, 5]] });

describe('TEI documents', () => {
  it('names the source file, its SHA-256, its format, the app, the date and the review status in the header', () => {
    const page = { ...scanned, source: { ...scanned.source, format: 'alto' as const, sha256: '0123456789abcdef'.repeat(4) } };
    const { path, xml } = perPage(page);
    expect(path).toBe('scans/第1版 #1.tei.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">')).toBe(true);
    expect(xml).toContain('<idno type="path">scans/第1版 #1.xml</idno>');
    expect(xml).toContain(`<idno type="sha256">${'0123456789abcdef'.repeat(4)}</idno>`);
    expect(xml).toContain('<idno type="format">alto</idno>');
    expect(xml).toContain('<application ident="jiaodui" version="0.1.0"><label>Jiaodui 0.1.0</label></application>');
    expect(xml).toContain('<date when="2026-12-07T16:50:38.000Z"/>');
    expect(xml).toContain('<revisionDesc status="reviewed">');
  });

  it('opens the page with pb/@facs naming the scan (as a URI) when there is one, and a bare pb otherwise', () => {
    expect(perPage(scanned).xml).toContain('<pb facs="scans/第1版%20%231.png" n="scans/第1版 #1.xml"/>');
    const { xml } = perPage(plain);
    expect(xml).toContain('<pb n="text/p2.txt"/>');
    expect(xml).not.toContain('facs=');
  });

  it('keeps original line breaks as lb, or reflows them, as the option says', () => {
    const original = perPage(scanned, makeContext({ lineBreaks: 'original' })).xml;
    expect(original).toContain('<p><placeName>北<choice><sic>平</sic><corr>京</corr></choice></placeName>市长<persName>𠮷某</persName><lb/>今日到任</p>');
    const reflowed = perPage(scanned, makeContext({ lineBreaks: 'paragraphs' })).xml;
    expect(reflowed).toContain('<p><placeName>北<choice><sic>平</sic><corr>京</corr></choice></placeName>市长<persName>𠮷某</persName>今日到任</p>');
  });

  it('writes one teiCorpus with a TEI per page when one document is chosen, ids kept unique across pages', () => {
    const context = makeContext({ teiGrouping: 'one-document' });
    expect(exporterFor('tei', context.options)).toBe(teiCorpusExporter);
    expect(teiCorpusExporter.fileName(context)).toBe('corpus.tei.xml');
    const overlapping = makePage({ path: 'x.txt', original: '甲乙丙丁', spans: [['PER', 0, 2], ['ORG', 1, 4]] });
    const xml = oneDocument([scanned, plain, overlapping, overlapping], context);
    expect(xml.match(/<TEI /g)).toHaveLength(4);
    expect(xml.match(/<teiHeader>/g)).toHaveLength(5);
    expect(readings(xml, 'corr')).toEqual(['北京市长𠮷某\n今日到任', '上海《申报》\n\n第二段', '甲乙丙丁', '甲乙丙丁']);
    expect(readings(xml, 'sic')[0]).toBe('北平市长𠮷某\n今日到任');
    const ids = elementTexts(xml, 'orgName').map((e) => e.attributes['xml:id']);
    expect(ids).toEqual([undefined, 'p3.e2.1', 'p3.e2.2', 'p4.e2.1', 'p4.e2.2']);
  });

  it('writes one document with reflowed paragraphs too', () => {
    const xml = oneDocument([scanned, plain], makeContext({ teiGrouping: 'one-document', lineBreaks: 'paragraphs' }));
    expect(readings(xml, 'corr')).toEqual(['北京市长𠮷某今日到任', '上海《申报》\n\n第二段']);
  });

  it('is the per-page exporter by default and in the registry', () => {
    expect(EXPORTERS.tei).toBe(teiPerPageExporter);
    expect(exporterFor('tei', DEFAULT_EXPORT_OPTIONS)).toBe(teiPerPageExporter);
    expect(exporterFor('text', { ...DEFAULT_EXPORT_OPTIONS, teiGrouping: 'one-document' })).toBe(EXPORTERS.text);
  });

  it('shows moved text in its corrected reading order, the sic holding the arranged original', () => {
    const original = '第二段\n第一段';
    const moves = [{ start: 4, end: 7, to: 0 }];
    const arranged = arrangeText(original, moves);
    if (!arranged.ok) throw new Error(arranged.error.message);
    const corrected = arranged.value.replace('第一段', '第壹段');
    const page = makePage({ original, corrected, corrections: computeCorrections(arranged.value, corrected) });
    page.sidecar!.moves = moves;
    const { xml } = perPage(page);
    expect(readings(xml, 'corr')).toEqual([corrected]);
    expect(readings(xml, 'sic')).toEqual([arranged.value]);
  });

  it('writes a page without a sidecar as its original, with the entity tags its layout file carries', () => {
    const page = makePage({ original: '孙中山在广州', noSidecar: true });
    page.layout = { format: 'alto', formatVersion: '3', image: null, text: page.originalText, lines: [], entities: [{ start: 0, end: 3, type: 'PER', text: '孙中山' }, { start: 4, end: 6, type: 'LOC', text: '广州' }] };
    const { xml } = perPage(page);
    expect(xml).toContain('<p><persName>孙中山</persName>在<placeName>广州</placeName></p>');
    expect(xml).toContain('<revisionDesc status="unreviewed">');
  });

  it('reports a page whose corrections do not match its text instead of writing a wrong document', () => {
    const page = makePage({ original: '甲乙丙', corrected: '甲丁丙', corrections: [{ start: 1, end: 2, original: '戊', corrected: '丁' }] });
    const result = teiPerPageExporter.exportPage(page, makeContext());
    expect(result).toEqual({ ok: false, problem: { code: 'invalid-page', message: expect.stringContaining('correction 1') } });
    const chunk = teiCorpusExporter.page(page, 0, makeContext({ teiGrouping: 'one-document' }));
    expect(chunk.ok).toBe(false);
  });

  it('reports an entity outside the corrected text', () => {
    const page = makePage({ original: '甲乙', spans: [['PER', 1, 5]] });
    const result = teiPerPageExporter.exportPage(page, makeContext());
    expect(result.ok ? '' : result.problem.message).toContain('entity 1');
  });

  it('turns an app version TEI cannot hold into its leading numbers, keeping the full version in the label', () => {
    expect(teiVersionNumber('0.1.0')).toBe('0.1.0');
    expect(teiVersionNumber('1.2.0-beta.3')).toBe('1.2.0');
    expect(teiVersionNumber('dev')).toBe('0');
    const { xml } = perPage(plain, { ...makeContext(), appVersion: '1.2.0-beta.3' });
    expect(xml).toContain('<application ident="jiaodui" version="1.2.0"><label>Jiaodui 1.2.0-beta.3</label></application>');
  });

  it('every document above is valid TEI (jing, tei_all.rng)', () => {
    expect(made.length).toBeGreaterThan(8);
    expect(jingErrorsApartFromAWrongOne(made)).toEqual([]);
  });
});
