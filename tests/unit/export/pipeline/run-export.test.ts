import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExport, type RunExportOptions } from '../../../../electron/services/export/export';
import { PARTIAL_SUFFIX } from '../../../../electron/services/export/export-output';
import { openPage } from '../../../../electron/services/page/open-page';
import { savePage } from '../../../../electron/services/page/save-page';
import { correctedTextExporter, originalTextExporter } from '../../../../shared/export/formats/plain-text';
import { DEFAULT_EXPORT_OPTIONS } from '../../../../shared/export/types';
import type { ExportOutcome, ExportRequest } from '../../../../shared/ipc/contract';
import type { EntitySpan, ReviewStatus } from '../../../../shared/model/sidecar-schema';
import { makeTempCorpus, type TempCorpus } from '../../services/temp-corpus';
import { linesExporter, spansExporter, throwingExporter } from './test-exporters';

let corpus: TempCorpus;
let out: string;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  out = path.join(await mkdtemp(path.join(tmpdir(), 'jiaodui-run-export-')), 'out');
});
afterEach(async () => {
  await corpus.remove();
  await rm(path.dirname(out), { recursive: true, force: true });
});

// The test formats stand in for the registry's: 'conll' is the lines collection, 'brat' the spans per page,
// 'xmi' the throwing one (the pipeline does not care which formats exist).
const START = new Date('2026-12-07T10:00:00Z');
function run(request: Partial<ExportRequest>, extra: Partial<RunExportOptions> = {}) {
  const full: ExportRequest = { formats: ['text'], scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS, ...request };
  return runExport(corpus.root, full, out, {
    appVersion: '0.1.0',
    now: () => START,
    exporters: { text: correctedTextExporter, original: originalTextExporter, conll: linesExporter(), brat: spansExporter, xmi: throwingExporter },
    ...extra,
  });
}

async function outcome(result: Awaited<ReturnType<typeof runExport>>): Promise<ExportOutcome> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function save(rel: string, change: (text: string) => string, status: ReviewStatus = 'reviewed', entities: (text: string) => EntitySpan[] = () => []) {
  const page = await openPage(corpus.root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const text = change(page.value.text);
  const saved = await savePage(
    corpus.root,
    { path: rel, text, status, entities: entities(text), sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash },
    '0.1.0',
  );
  if (!saved.ok) throw new Error(saved.error.message);
}

// Every file under the export folder, relative, sorted.
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

const cp = (text: string, sub: string) => [...text.slice(0, text.indexOf(sub))].length;

describe('runExport', () => {
  it('writes several formats in one pass: per-page files, one streamed collection, extra files once', async () => {
    await corpus.put('1950/p1.txt', '𠮷人民曰报\r\n北京𠮷\r\n');
    await corpus.put('1950/p1.png', 'not really a png');
    await corpus.put('p2.txt', '原文𠮷\n');
    await save('1950/p1.txt', (t) => t.replace('曰', '日'), 'reviewed', (t) => [{ id: 'e1', start: cp(t, '北京'), end: cp(t, '北京') + 3, type: 'LOC', text: '北京𠮷' }]);
    const progress: [number, number][] = [];
    const result = await outcome(await run({ formats: ['text', 'original', 'conll', 'brat'] }, { onProgress: (d, t) => progress.push([d, t]) }));
    expect(result).toMatchObject({ outDir: out, pages: 2, cancelled: false, problems: [] });
    expect(await filesIn(out)).toEqual(['1950/p1.original.txt', '1950/p1.spans.json', '1950/p1.txt', 'lines.conf', 'p2.original.txt', 'p2.spans.json', 'p2.txt', 'pages.lines']);
    expect(result.written).toBe(8);
    expect(await readFile(path.join(out, '1950/p1.txt'), 'utf8')).toBe('𠮷人民日报\r\n北京𠮷\r\n');
    expect(await readFile(path.join(out, '1950/p1.original.txt'), 'utf8')).toBe('𠮷人民曰报\r\n北京𠮷\r\n');
    expect(await readFile(path.join(out, 'pages.lines'), 'utf8')).toBe(`# head ${START.toISOString()}\n0\t1950/p1.txt\t𠮷人民日报⏎北京𠮷⏎\n1\tp2.txt\t原文𠮷⏎\n# tail\n`);
    const spans = JSON.parse(await readFile(path.join(out, '1950/p1.spans.json'), 'utf8'));
    expect(spans).toMatchObject({ page: '1950/p1.txt', scan: '1950/p1.png', spans: [{ start: 6, end: 9, text: '北京𠮷' }] });
    expect([...spans.text].slice(6, 9).join('')).toBe('北京𠮷');
    expect(progress[0]).toEqual([0, 2]);
    expect(progress.at(-1)).toEqual([2, 2]);
  });

  it('exports the pages of the chosen review statuses (no sidecar counts as unreviewed), filtered by path', async () => {
    for (const name of ['a', 'b', 'c', 'd']) await corpus.put(`x/${name}.txt`, `${name}𠮷\n`);
    await corpus.put('y/a.txt', 'ya\n');
    await save('x/a.txt', (t) => t + '改', 'reviewed');
    await save('x/b.txt', (t) => t + '改', 'needs-attention');
    await save('x/c.txt', (t) => t + '改', 'in-progress');
    const listed = async (request: Partial<ExportRequest>, filter?: (rel: string) => boolean) => {
      await rm(out, { recursive: true, force: true });
      await outcome(await run(request, { filter }));
      return filesIn(out);
    };
    expect(await listed({ scope: { kind: 'status', statuses: ['reviewed', 'needs-attention'] } })).toEqual(['x/a.txt', 'x/b.txt']);
    expect(await listed({ scope: { kind: 'status', statuses: ['unreviewed'] } })).toEqual(['x/d.txt', 'y/a.txt']);
    expect(await listed({ scope: { kind: 'status', statuses: ['unreviewed'] } }, (rel) => rel.startsWith('y/'))).toEqual(['y/a.txt']);
    expect(await listed({ scope: { kind: 'pages', pages: ['x/c.txt', 'y/a.txt'] } })).toEqual(['x/c.txt', 'y/a.txt']);
  });

  it('exports a page whose sidecar cannot be trusted as its original, untagged, and says so', async () => {
    await corpus.put('good.txt', '好𠮷\n');
    await corpus.put('broken.txt', '原文𠮷\n');
    await corpus.put('broken.txt.jiaodui.json', '{ not json');
    const result = await outcome(await run({ formats: ['text', 'brat'] }));
    expect(result.problems).toEqual([
      {
        path: 'broken.txt',
        code: 'sidecar-unusable',
        message: expect.stringMatching(/original text.*cannot be used/),
        // Why, for the UI: where the JSON breaks, as a reason with values.
        messageId: 'export.sidecarUnusable',
        values: expect.objectContaining({ problemReason: 'json.syntaxAt', 'problem.line': 1 }),
      },
    ]);
    expect(await readFile(path.join(out, 'broken.txt'), 'utf8')).toBe('原文𠮷\n');
    expect(JSON.parse(await readFile(path.join(out, 'broken.spans.json'), 'utf8')).spans).toEqual([]);
    expect(result.pages).toBe(2);
    // Nothing was written into the corpus, not even beside the broken sidecar.
    expect((await corpus.read('broken.txt.jiaodui.json')).toString()).toBe('{ not json');
  });

  it('collects per-page problems by code and format and goes on', async () => {
    await corpus.put('good.txt', '好');
    await corpus.put('img.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await corpus.put('boom.txt', 'BOOM');
    await corpus.put('skip.txt', 'SKIP me');
    const result = await outcome(await run({ formats: ['conll', 'xmi'], scope: { kind: 'pages', pages: ['good.txt', 'img.txt', '../escape.txt', 'missing.txt', 'boom.txt', 'skip.txt'] } }));
    const problems = result.problems.map((p) => `${p.path} ${p.format ?? '-'} ${p.code}`);
    expect(problems).toEqual(['../escape.txt - unreadable', 'boom.txt xmi exporter-failed', 'img.txt - unreadable', 'missing.txt - unreadable', 'skip.txt conll invalid-page']);
    expect(await readFile(path.join(out, 'pages.lines'), 'utf8')).toMatch(/^# head .*\n0\tgood\.txt\t好\n1\tboom\.txt\tBOOM\n# tail\n$/);
    expect(await filesIn(out)).toEqual(['good.ok', 'lines.conf', 'pages.lines', 'skip.ok']);
  });

  it('writes no collection file when no page went into it (the problem of each page is listed instead)', async () => {
    await corpus.put('skip.txt', 'SKIP me');
    await corpus.put('skip2.txt', 'SKIP me too');
    const result = await outcome(await run({ formats: ['conll'] }));
    expect(result.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['skip.txt invalid-page', 'skip2.txt invalid-page']);
    expect(result.written).toBe(0);
    expect(await filesIn(out)).toEqual([]);
  });

  it('lists a few pages a format does not apply to one by one, and summarises many in one problem', async () => {
    for (let i = 1; i <= 3; i++) await corpus.put(`few/p${i}.hocr`, hocr(`页${i}`));
    let result = await outcome(await run({ formats: ['brat'] }));
    expect(result.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['few/p1.hocr not-applicable', 'few/p2.hocr not-applicable', 'few/p3.hocr not-applicable']);
    for (let i = 4; i <= 8; i++) await corpus.put(`few/p${i}.hocr`, hocr(`页${i}`));
    result = await outcome(await run({ formats: ['brat'] }));
    expect(result.problems).toEqual([{ path: '', format: 'brat', code: 'not-applicable', message: expect.stringMatching(/does not apply to 8 of the pages \(few\/p1\.hocr, few\/p2\.hocr, few\/p3\.hocr, few\/p4\.hocr, few\/p5\.hocr, …\): Only text pages\./) }]);
    expect(result.pages).toBe(0);
    expect(result.written).toBe(0);
  });

  it('gives the layout page its decoded XML and its layout', async () => {
    await corpus.put('scan/p.hocr', hocr('版面曰报𠮷'));
    await corpus.put('scan/p.jpg', 'jpeg');
    const seen: { xml: string | null; lines: number | undefined; scan: string | null; format: string }[] = [];
    await outcome(await run({ formats: ['conll'] }, { exporters: { conll: linesExporter({ onPage: (page) => seen.push({ xml: page.layoutXml, lines: page.layout?.lines.length, scan: page.scan, format: page.source.format }) }) } }));
    expect(seen).toEqual([{ xml: hocr('版面曰报𠮷'), lines: 1, scan: 'scan/p.jpg', format: 'hocr' }]);
  });

  it('writes each file under <name>.jiaodui-partial and renames it only when complete', async () => {
    for (let i = 1; i <= 3; i++) await corpus.put(`p${i}.txt`, `第${i}页𠮷`);
    // Page files are written in the background, so at any moment a page's file may stand under either name; what
    // stands under a final name must be complete.
    const seen: string[][] = [];
    const exporter = linesExporter({
      onPage: () => {
        const names = existsSync(out) ? readdirSyncSorted(out) : [];
        seen.push(names);
        for (const name of names.filter((n) => /^p\d\.txt$/u.test(n))) expect(readFileSync(path.join(out, name), 'utf8')).toBe(`第${name[1]}页𠮷`);
      },
    });
    await outcome(await run({ formats: ['conll', 'text'] }, { exporters: { conll: exporter, text: correctedTextExporter } }));
    // While the pages go by, the collection stands only under its partial name.
    expect(seen).toHaveLength(3);
    for (const names of seen) {
      expect(names).toContain(`pages.lines${PARTIAL_SUFFIX}`);
      expect(names).not.toContain('pages.lines');
    }
    expect(await filesIn(out)).toEqual(['lines.conf', 'p1.txt', 'p2.txt', 'p3.txt', 'pages.lines']);
  });

  it('removes the partial files a killed export left in a folder it writes into, and only those', async () => {
    for (let i = 1; i <= 2; i++) await corpus.put(`p${i}.txt`, `第${i}页𠮷`);
    await mkdir(out, { recursive: true });
    // What a crash leaves: a partial file of a page this run writes again, one of a page it does not, and the
    // user's own file.
    await writeFile(path.join(out, `p1.txt${PARTIAL_SUFFIX}`), '第1');
    await writeFile(path.join(out, `gone.txt${PARTIAL_SUFFIX}`), '半');
    await writeFile(path.join(out, 'notes.txt'), '我的笔记');
    const result = await outcome(await run({ formats: ['text'] }));
    expect(result.problems).toEqual([]);
    expect(await filesIn(out)).toEqual(['notes.txt', 'p1.txt', 'p2.txt']);
    expect(await readFile(path.join(out, 'p1.txt'), 'utf8')).toBe('第1页𠮷');
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('我的笔记');
  });

  it('cancel stops between pages: finished files stay, no partial file is left, the collection is not written', async () => {
    for (let i = 1; i <= 40; i++) await corpus.put(`p${String(i).padStart(2, '0')}.txt`, `第${i}页𠮷`);
    const controller = new AbortController();
    const exporter = linesExporter({ onPage: (_page, index) => index === 9 && controller.abort() });
    const result = await outcome(await run({ formats: ['conll', 'text'] }, { signal: controller.signal, exporters: { conll: exporter, text: correctedTextExporter } }));
    expect(result.cancelled).toBe(true);
    expect(result.pages).toBe(10);
    const files = await filesIn(out);
    expect(files.filter((f) => f.endsWith(PARTIAL_SUFFIX))).toEqual([]);
    expect(files).toEqual(Array.from({ length: 10 }, (_, i) => `p${String(i + 1).padStart(2, '0')}.txt`));
    expect(result.written).toBe(10);
    for (const file of files) expect(await readFile(path.join(out, file), 'utf8')).toMatch(/^第\d+页𠮷$/);
  });

  it('an export cancelled before any page writes nothing', async () => {
    await corpus.put('p.txt', '文');
    const controller = new AbortController();
    controller.abort();
    const result = await outcome(await run({ formats: ['conll', 'text'] }, { signal: controller.signal }));
    expect(result).toMatchObject({ cancelled: true, written: 0, pages: 0 });
    expect(existsSync(out) ? await filesIn(out) : []).toEqual([]);
  });

  it('streams a large collection with back-pressure and keeps every chunk in order', async () => {
    const pages = 24;
    for (let i = 0; i < pages; i++) await corpus.put(`p${String(i).padStart(2, '0')}.txt`, `𠮷${i}`);
    // About 1 MB per page: far past the stream's buffer, so most writes wait for it to drain.
    const exporter = linesExporter({ chunk: (page) => page.originalText.repeat(200_000) });
    const result = await outcome(await run({ formats: ['conll'] }, { exporters: { conll: exporter } }));
    expect(result.problems).toEqual([]);
    const lines = (await readFile(path.join(out, 'pages.lines'), 'utf8')).split('\n');
    expect(lines).toHaveLength(pages + 3);
    for (let i = 0; i < pages; i++) expect(lines[i + 1]).toBe(`${i}\tp${String(i).padStart(2, '0')}.txt\t${`𠮷${i}`.repeat(200_000)}`);
  });

  it('never writes one path twice in a run: the second format gets a duplicate-path problem', async () => {
    await corpus.put('p.txt', '文𠮷');
    const result = await outcome(await run({ formats: ['text', 'original'] }, { exporters: { text: correctedTextExporter, original: correctedTextExporter } }));
    expect(result.problems).toEqual([{ path: 'p.txt', format: 'original', code: 'duplicate-path', message: expect.stringMatching(/already written by the text export/) }]);
    expect(await readFile(path.join(out, 'p.txt'), 'utf8')).toBe('文𠮷');
  });

  it('a file that cannot be written is a write-failed problem, and its partial file is removed', async () => {
    await corpus.put('p.txt', '文𠮷');
    await corpus.put('q.txt', '字');
    // Folders stand where the text of p.txt and the collection file go: the renames fail.
    await mkdir(path.join(out, 'p.txt'), { recursive: true });
    await mkdir(path.join(out, 'pages.lines'), { recursive: true });
    const result = await outcome(await run({ formats: ['text', 'conll'] }));
    expect(result.problems.map((p) => `${p.path} ${p.format} ${p.code}`)).toEqual([' conll write-failed', 'p.txt text write-failed']);
    expect(await filesIn(out)).toEqual(['q.txt']);
    expect(result.written).toBe(1);
  });

  it('reports formats this build cannot export, and refuses when none can', async () => {
    await corpus.put('p.txt', '文');
    const result = await outcome(await run({ formats: ['text', 'tei'] }));
    expect(result.problems).toEqual([{ path: '', format: 'tei', code: 'unknown-format', message: expect.stringMatching(/cannot export the tei format/) }]);
    const none = await run({ formats: ['tei'] });
    expect(none.ok ? null : none.error.code).toBe('invalid-argument');
  });

  it('refuses an export folder inside the corpus, and its parent for a sub-folder named like the corpus', async () => {
    await corpus.put('a.txt', 'A');
    const inside = await runExport(corpus.root, { formats: ['text'], scope: { kind: 'all' }, options: DEFAULT_EXPORT_OPTIONS }, path.join(corpus.root, 'export'), { appVersion: '0' });
    expect(inside.ok ? null : inside.error.code).toBe('invalid-argument');
    const name = path.basename(corpus.root);
    await corpus.put('x.txt', '原件');
    await corpus.put(`${name}/x.txt`, '子页');
    const parent = await runExport(corpus.root, { formats: ['text'], scope: { kind: 'pages', pages: [`${name}/x.txt`] }, options: DEFAULT_EXPORT_OPTIONS }, path.dirname(corpus.root), { appVersion: '0' });
    if (!parent.ok) throw new Error(parent.error.message);
    expect(parent.value.written).toBe(0);
    expect(parent.value.problems.map((p) => p.code)).toEqual(['inside-corpus']);
    expect((await corpus.read('x.txt')).toString()).toBe('原件');
    expect(await readdir(corpus.root)).not.toContain(`x.txt${PARTIAL_SUFFIX}`);
  });
});

function hocr(line: string): string {
  return `<html><head><meta name='ocr-system' content='t'/></head><body><div class='ocr_page' title='bbox 0 0 90 90'><span class='ocr_line' title='bbox 0 0 50 10'>${line}</span></div></body></html>`;
}

function readdirSyncSorted(dir: string): string[] {
  return readdirSync(dir).sort();
}
