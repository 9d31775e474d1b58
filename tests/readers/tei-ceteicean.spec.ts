/// The TEI export read by CETEIcean (the TEI-in-the-browser library, node_modules/CETEIcean/dist/CETEI.js) in
/// Chromium: the exported document renders, its corrected reading (sic hidden, as an edition's stylesheet does) is
/// the corrected text with 𠮷, and each `tei-persname`, `tei-placename`, `tei-orgname`, `tei-date`, `tei-name`
/// element holds the right characters, split entities joined through their @next links.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { teiCorpusExporter, teiPerPageExporter } from '../../shared/export/tei/tei-exporters';
import type { ExportPage } from '../../shared/export/types';
import { makeContext, makePage } from '../unit/export/tei/tei-helpers';

const CETEI = path.resolve('node_modules/CETEIcean/dist/CETEI.js');

// An edition's minimal stylesheet: the header and the OCR side of each correction hidden, paragraphs as blocks.
const STYLE = 'tei-teiheader, tei-sic { display: none } tei-p { display: block }';

const original = '北平市长𠮷某昨日到任\n上海《申报》载\n\n𠮷田商会十二月七日开业';
const corrected = '北京市长𠮷某昨日到任\n上海《申报》载\n\n𠮷田商会十二月七日开业';
// 北京 LOC holds a correction; 北京市长 ORG holds it; 𠮷某 PER; 《申报》 MISC; 𠮷田商会 ORG; 𠮷田 PER nested in it;
// 十二月七日 DATE; 商会十二 overlaps both (a MISC cut into linked pieces).
const spans: [string, number, number][] = [
  ['LOC', 0, 2],
  ['ORG', 0, 4],
  ['PER', 4, 6],
  ['MISC', 13, 17],
  ['ORG', 20, 24],
  ['PER', 20, 22],
  ['DATE', 24, 29],
  ['EVENT', 22, 26],
];
const page1 = makePage({ path: 'scans/p1.xml', original, corrected, spans, scan: 'scans/p1.png' });
const page2 = makePage({ path: 'text/p2.txt', original: '孙中山在广州', spans: [['PER', 0, 3], ['LOC', 4, 6]] });

async function render(page: Page, xml: string): Promise<void> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body></body></html>`);
  await page.addScriptTag({ path: CETEI });
  await page.evaluate(async (source) => {
    // CETEIcean's own API: a behaviour for lb (a <br>, as editions add), then makeHTML5 on the XML string.
    const w = window as unknown as { CETEI: new () => { addBehaviors(b: object): void; makeHTML5(xml: string, done: (html: Node) => void): void } };
    const ceteicean = new w.CETEI();
    ceteicean.addBehaviors({ tei: { lb: ['<br>'] } });
    await new Promise<void>((resolve) => ceteicean.makeHTML5(source, (html) => {
      document.body.appendChild(html);
      resolve();
    }));
  }, xml);
}

// The text of every element `name` in the body (not the header's), entities cut into pieces joined through @next.
async function entityTexts(page: Page, name: string): Promise<string[]> {
  return page.locator(`tei-text ${name}`).evaluateAll((elements) => {
    const visible = (e: Element): string => (e as HTMLElement).innerText;
    const byId = new Map(elements.filter((e) => e.id !== '').map((e) => [`#${e.id}`, e]));
    return elements
      .filter((e) => !e.hasAttribute('prev'))
      .map((e) => {
        let text = visible(e);
        for (let next = e.getAttribute('next'); next !== null; next = byId.get(next)?.getAttribute('next') ?? null) text += byId.get(next) ? visible(byId.get(next)!) : '«missing»';
        return text;
      });
  });
}

function perPage(p: ExportPage): string {
  const result = teiPerPageExporter.exportPage(p, makeContext());
  if (!result.ok) throw new Error(result.problem.message);
  return result.files[0]!.content;
}

test('CETEIcean renders a per-page TEI export: corrected reading, entities on the right characters, scan on pb', async ({ page }) => {
  await render(page, perPage(page1));
  const paragraphs = await page.locator('tei-body tei-p').allInnerTexts();
  expect(paragraphs).toEqual(corrected.split('\n\n'));
  expect(await page.locator('tei-sic').allTextContents()).toEqual(['平']);
  expect(await page.locator('tei-corr').allTextContents()).toEqual(['京']);
  expect(await entityTexts(page, 'tei-placename')).toEqual(['北京']);
  expect(await entityTexts(page, 'tei-orgname')).toEqual(['北京市长', '𠮷田商会']);
  expect(await entityTexts(page, 'tei-persname')).toEqual(['𠮷某', '𠮷田']);
  expect(await entityTexts(page, 'tei-date')).toEqual(['十二月七日']);
  expect(await entityTexts(page, 'tei-name[type="MISC"]')).toEqual(['《申报》']);
  expect(await entityTexts(page, 'tei-name[type="EVENT"]')).toEqual(['商会十二']);
  expect(await page.locator('tei-name[type="EVENT"]').count()).toBe(2);
  await expect(page.locator('tei-pb')).toHaveAttribute('facs', 'scans/p1.png');
});

test('CETEIcean renders the one-document export: a teiCorpus with each page as its own TEI', async ({ page }) => {
  const context = makeContext({ teiGrouping: 'one-document' });
  const chunks = [page1, page2].map((p, i) => {
    const chunk = teiCorpusExporter.page(p, i, context);
    if (!chunk.ok) throw new Error(chunk.problem.message);
    return chunk.chunk;
  });
  await render(page, teiCorpusExporter.start(context) + chunks.join('') + teiCorpusExporter.end(context));
  await expect(page.locator('tei-teicorpus > tei-tei')).toHaveCount(2);
  expect(await page.locator('tei-tei').nth(1).locator('tei-body tei-p').allInnerTexts()).toEqual(['孙中山在广州']);
  expect(await entityTexts(page, 'tei-persname')).toEqual(['𠮷某', '𠮷田', '孙中山']);
  expect(await entityTexts(page, 'tei-name[type="EVENT"]')).toEqual(['商会十二']);
  await expect(page.locator('tei-name[type="EVENT"]').first()).toHaveAttribute('id', 'p1.e7.1');
});
