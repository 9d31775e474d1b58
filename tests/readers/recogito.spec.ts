// The Web Annotation export loaded into Recogito's text annotator (@recogito/text-annotator, its UMD build and
// CSS) in Chromium: the page fetches `<base>.annotations.txt` into a container and `<base>.annotations.jsonld`
// through Recogito's own W3C adapter (W3CTextFormat), and every entity's highlight covers exactly its quote,
// 𠮷 included.
//
// Recogito counts TextPositionSelector positions in UTF-16 units of the DOM text (its reviveSelector walks text
// nodes adding `textContent.length`), while the W3C model, and so our file, counts code points. The page
// converts positions with the snippet docs/exports/web-annotation.md gives; the last test shows why it must.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXPORT_OPTIONS, type ExportContext, type ExportPage } from '../../shared/export/types';
import { exportWebAnnotations } from '../../shared/export/web-annotation/exporter';
import { importAlto } from '../../shared/layout/alto';
import { computeCorrections } from '../../shared/model/corrections';
import type { EntitySpan } from '../../shared/model/sidecar-schema';
import { cpSlice } from '../../shared/text/codepoints';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const recogito = path.join(root, 'node_modules/@recogito/text-annotator/dist');
const context: ExportContext = { appVersion: 'test', startedAt: '2026-12-07T12:00:00.000Z', options: DEFAULT_EXPORT_OPTIONS };
const ORIGIN = 'http://reader.test';

// The reader page: fetch the text and the annotations, convert positions when asked, load them with the adapter.
const READER_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/text-annotator.css">
<script>
// The UMD build keeps one \`process.env.NODE_ENV\` check from a bundled dependency (nanostores) that a bundler
// would replace; a plain page defines it.
window.process = { env: { NODE_ENV: 'production' } };
</script><script src="/text-annotator.umd.js"></script></head><body><div id="text" style="white-space: pre-wrap"></div><script>
// Code points -> UTF-16 units, for JavaScript annotators (docs/exports/web-annotation.md).
function toUtf16Positions(annotation, text) {
  const units = (cp) => Array.from(text).slice(0, cp).join('').length;
  const selector = annotation.target.selector.map((s) => s.type === 'TextPositionSelector' ? { ...s, start: units(s.start), end: units(s.end) } : s);
  return { ...annotation, target: { ...annotation.target, selector } };
}
window.load = async (base, convert) => {
  const container = document.getElementById('text');
  const text = await (await fetch(base + '.annotations.txt')).text();
  container.textContent = text;
  const annotations = await (await fetch(base + '.annotations.jsonld')).json();
  const anno = RecogitoJS.createTextAnnotator(container, { adapter: RecogitoJS.W3CTextFormat(annotations[0]?.target.source ?? '', container), renderer: 'CSS_HIGHLIGHTS' });
  anno.setAnnotations(convert ? annotations.map((a) => toUtf16Positions(a, text)) : annotations);
  window.anno = anno;
  return annotations.length;
};
</script></body></html>`;

interface Highlighted {
  id: string;
  tag: string;
  highlighted: string[];
  quote: string;
}

// Serves the reader, Recogito's files and the exported files under one origin, loads them, and reads back what
// Recogito highlights: the text of every range in each annotation's CSS highlight.
async function loadInRecogito(page: Page, files: Map<string, string>, base: string, convert: boolean): Promise<Highlighted[]> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(1));
    if (name === 'reader.html') return route.fulfill({ body: READER_HTML, contentType: 'text/html; charset=utf-8' });
    if (name.startsWith('text-annotator.')) return route.fulfill({ path: path.join(recogito, name) });
    const content = files.get(name);
    if (content === undefined) return route.fulfill({ status: 404 });
    return route.fulfill({ body: content, contentType: name.endsWith('.jsonld') ? 'application/ld+json; charset=utf-8' : 'text/plain; charset=utf-8' });
  });
  await page.goto(`${ORIGIN}/reader.html`);
  const count = await page.evaluate(async ([b, c]) => (window as unknown as { load: (b: string, c: boolean) => Promise<number> }).load(b, c), [base, convert] as [string, boolean]);
  await page.waitForFunction((n) => CSS.highlights.size === n, count);
  return page.evaluate(() => {
    type Body = { value: string };
    type Anno = { getAnnotations(): { id: string; body: Body | Body[]; target: { selector: { type: string; exact?: string }[] }[] }[] };
    const anno = (window as unknown as { anno: Anno }).anno;
    // Read back through the adapter (serialised as W3C again): bodies come back as a list.
    return anno.getAnnotations().map((a) => ({
      id: a.id,
      tag: (Array.isArray(a.body) ? a.body[0]! : a.body).value,
      highlighted: [...(CSS.highlights.get(`_${a.id}`) ?? [])].map((range) => (range as Range).toString()),
      quote: a.target[0]!.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!,
    }));
  });
}

function exported(page: ExportPage): Map<string, string> {
  const result = exportWebAnnotations(page, context);
  if (!result.ok) throw new Error(result.problem.message);
  return new Map(result.files.map((f) => [f.path, f.content]));
}

function textPage(original: string, corrected: string, entities: EntitySpan[]): ExportPage {
  const sha256 = '0'.repeat(64);
  return {
    path: '第1版.txt',
    base: '第1版',
    originalText: original,
    source: { format: 'text', sha256, bytes: original.length, encoding: 'UTF-8', lineEnding: 'LF' },
    layoutXml: null,
    layout: null,
    scan: null,
    sidecar: {
      format: 'jiaodui-sidecar',
      schemaVersion: 3,
      app: { name: 'jiaodui', version: 'test' },
      status: 'reviewed',
      created: '2026-12-01T00:00:00.000Z',
      modified: '2026-12-01T00:00:00.000Z',
      text: corrected,
      corrections: computeCorrections(original, corrected),
      entities,
      source: { file: '第1版.txt', format: 'text', bytes: original.length, sha256, encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
      lineOrigins: [],
      rejectedEntities: [],
      rejectedCorrections: [],
      moves: [],
    },
  };
}

const CORRECTED = '𠮷报讯：王𠮷明昨日抵达北京，\n会见上海商务印书馆同人𠮷。𠀀𠀁丙';
const span = (id: string, start: number, end: number, type: string): EntitySpan => ({ id, start, end, type, text: cpSlice(CORRECTED, start, end) });
const ENTITIES = [
  span('e1', 4, 7, 'PER'),
  span('e2', 11, 13, 'LOC'),
  span('e3', 17, 24, 'ORG'),
  span('e4', 17, 19, 'LOC'),
  span('e5', 13, 16, 'MISC'),
  span('e6', 27, 30, 'PER'),
];

test('Recogito highlights every entity of a corrected page on its quote, 𠮷 and nested spans included', async ({ page }) => {
  const files = exported(textPage(CORRECTED.replace('王', '玉'), CORRECTED, ENTITIES));
  const shown = await loadInRecogito(page, files, '第1版', true);
  const byId = new Map(shown.map((s) => [s.id, s]));
  expect(ENTITIES.map((e) => [e.type, byId.get(`第1版.annotations.jsonld#${e.id}`)?.highlighted.join('')])).toEqual(ENTITIES.map((e) => [e.type, e.text]));
  expect(shown.map((s) => s.tag).sort()).toEqual(ENTITIES.map((e) => e.type).sort());
  for (const s of shown) expect(s.highlighted.join('')).toBe(s.quote);
});

test('Recogito highlights the entity tags read from an ALTO file (no sidecar), across a line break', async ({ page }) => {
  const xml = readFileSync(path.join(root, 'tests/fixtures/layout/alto-tags.xml'), 'utf8');
  const layout = importAlto(xml, 'alto-tags.xml');
  if (!layout.ok) throw new Error(layout.error.message);
  const files = exported({
    path: 'scans/alto-tags.xml',
    base: 'scans/alto-tags',
    originalText: layout.value.text,
    source: { format: 'alto', sha256: '0'.repeat(64), bytes: xml.length, encoding: 'UTF-8', lineEnding: 'LF' },
    layoutXml: xml,
    layout: layout.value,
    sidecar: null,
    scan: null,
  });
  const shown = await loadInRecogito(page, files, 'scans/alto-tags', true);
  const byId = new Map(shown.map((s) => [s.id, s]));
  const highlighted = [1, 2, 3, 4, 5, 6, 7].map((n) => byId.get(`alto-tags.annotations.jsonld#layout-${n}`)?.highlighted.join(''));
  expect(highlighted).toEqual(['王𠮷明', '北京', 'New York Times', '上海\n市政府', '致远', '号', '王𠮷明']);
  for (const s of shown) expect(s.highlighted.join('')).toBe(s.quote);
});

test('without converting code points to UTF-16 units, Recogito puts entities after an Extension B character on the wrong characters', async ({ page }) => {
  const files = exported(textPage(CORRECTED, CORRECTED, ENTITIES));
  const shown = await loadInRecogito(page, files, '第1版', false);
  // 王𠮷明 comes after one 𠮷: read as UTF-16 units its positions fall one unit early.
  const name = shown.find((s) => s.id === '第1版.annotations.jsonld#e1')!;
  expect(name.quote).toBe('王𠮷明');
  expect(name.highlighted.join('')).not.toBe('王𠮷明');
  expect(shown.filter((s) => s.highlighted.join('') !== s.quote).length).toBeGreaterThan(0);
});
