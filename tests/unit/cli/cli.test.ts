import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';

let corpus: TempCorpus;
let work: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  work = await mkdtemp(path.join(tmpdir(), 'jiaodui-cli-'));
  out = [];
  err = [];
  io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), cwd: work };
});
afterEach(async () => {
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

async function saveCorrection(rel: string, from: string, to: string, entities: { id: string; start: number; end: number; type: string; text: string }[] = []) {
  const page = await openPage(corpus.root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const text = page.value.text.replace(from, to);
  const r = await savePage(corpus.root, { path: rel, text, status: 'reviewed', entities, sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash }, '0.1.0');
  if (!r.ok) throw new Error(r.error.message);
}

async function editSidecar(rel: string, edit: (data: Record<string, unknown>) => void) {
  const data = JSON.parse((await corpus.read(rel + '.jiaodui.json')).toString('utf8')) as Record<string, unknown>;
  edit(data);
  await corpus.put(rel + '.jiaodui.json', JSON.stringify(data));
}

describe('jiaodui CLI', () => {
  it('prints the command list for --help and exits 0', async () => {
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/export[\s\S]*validate/);
  });

  it('exits 2 for no command, an unknown command, or bad arguments', async () => {
    expect(await runCli([], io)).toBe(2);
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(await runCli(['export', corpus.root], io)).toBe(2);
    expect(await runCli(['validate'], io)).toBe(2);
    expect(await runCli(['validate', corpus.root, '--bogus'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown command "frobnicate"/);
  });

  it('shows command help with exit 0', async () => {
    expect(await runCli(['export', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/--out <dir>/);
  });

  it('exports the corrected text of every page and reports progress on stderr', async () => {
    await corpus.put('a/p1.txt', '人民曰报\r\n');
    await corpus.put('p2.txt', '原文𠮷\n');
    await saveCorrection('a/p1.txt', '曰', '日');
    expect(await runCli(['export', corpus.root, '--out', 'exported'], io)).toBe(0);
    expect(await readFile(path.join(work, 'exported', 'a', 'p1.txt'), 'utf8')).toBe('人民日报\r\n');
    expect(await readFile(path.join(work, 'exported', 'p2.txt'), 'utf8')).toBe('原文𠮷\n');
    expect(out.at(-1)).toMatch(/Wrote 2 files/);
    expect(err.some((l) => l.includes('2/2'))).toBe(true);
  });

  it('refuses to export into the corpus with exit 1', async () => {
    await corpus.put('p.txt', '文');
    expect(await runCli(['export', corpus.root, '--out', path.join(corpus.root, 'out')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/must not be inside/);
  });

  it('validates a clean corpus with exit 0', async () => {
    await corpus.put('p.txt', '人民曰报，北京\n');
    await corpus.put('q.txt', '无旁注\n');
    await saveCorrection('p.txt', '曰', '日', [{ id: 'e1', start: 5, end: 7, type: 'place', text: '北京' }]);
    expect(await runCli(['validate', corpus.root], io)).toBe(0);
    expect(out.at(-1)).toBe('2 pages, 1 sidecar, 0 problems.');
  });

  it('lists every kind of sidecar problem and exits 1', async () => {
    for (const name of ['hash', 'text', 'entity', 'json', 'version']) await corpus.put(`${name}.txt`, '人民曰报，北京\n');
    for (const name of ['hash', 'text', 'entity']) await saveCorrection(`${name}.txt`, '曰', '日');
    await corpus.put('hash.txt', '人民曰报，上海\n');
    await editSidecar('text.txt', (d) => (d.text = '别的文字\n'));
    await editSidecar('entity.txt', (d) => (d.entities = [{ id: 'x', start: 5, end: 7, type: 'place', text: '上海' }]));
    await corpus.put('json.txt.jiaodui.json', '{');
    await corpus.put('version.txt.jiaodui.json', JSON.stringify({ format: 'jiaodui-sidecar', schemaVersion: 7 }));
    await corpus.put('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));

    expect(await runCli(['validate', corpus.root], io)).toBe(1);
    const report = out.join('\n');
    expect(report).toMatch(/^hash\.txt: .*changed/m);
    expect(report).toMatch(/^text\.txt: Applying the corrections/m);
    expect(report).toMatch(/^entity\.txt: Entity x quotes “上海”/m);
    expect(report).toMatch(/^json\.txt: .*not valid JSON/m);
    expect(report).toMatch(/^version\.txt: .*newer/m);
    expect(report).toMatch(/^binary\.txt: .*PNG/m);
    expect(out.at(-1)).toBe('6 pages, 5 sidecars, 6 problems.');
  });

  it('validates and exports the same pages as the app: the layout file by default, the .txt when the corpus says so', async () => {
    const hocr = "<html><head><meta name='ocr-system' content='t'/></head><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line' title='bbox 0 0 5 5'>版面曰报</span></div></body></html>";
    await corpus.put('p.txt', '文本曰报\n');
    await corpus.put('p.hocr', hocr);
    await saveCorrection('p.hocr', '曰', '日');
    expect(await runCli(['validate', corpus.root], io)).toBe(0);
    expect(out.at(-1)).toBe('1 page, 1 sidecar, 0 problems.');
    expect(await runCli(['export', corpus.root, '--out', path.join(work, 'out')], io)).toBe(0);
    expect(await readFile(path.join(work, 'out', 'p.txt'), 'utf8')).toBe('版面日报');

    await corpus.put('jiaodui.corpus.json', JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text' }));
    expect(await runCli(['export', corpus.root, '--out', path.join(work, 'out2')], io)).toBe(0);
    expect(await readFile(path.join(work, 'out2', 'p.txt'), 'utf8')).toBe('文本曰报\n');

    await corpus.put('jiaodui.corpus.json', '{"textSource": "both"}');
    out = [];
    expect(await runCli(['validate', corpus.root], io)).toBe(1);
    expect(out.join('\n')).toMatch(/^jiaodui\.corpus\.json: .*textSource.*default text source/m);
    expect(out.at(-1)).toBe('1 page, 1 sidecar, 1 problem.');
  });

  it('fails with exit 1 when the corpus folder does not exist', async () => {
    expect(await runCli(['validate', path.join(work, 'nope')], io)).toBe(1);
    expect(err.join('\n')).toMatch(/cannot be found/);
  });
});
