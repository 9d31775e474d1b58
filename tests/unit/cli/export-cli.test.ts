import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../electron/cli/main';
import { runWithReaders } from '../../../electron/cli/commands/import-entities';
import type { CliIo } from '../../../electron/cli/io';
import { acquireCorpusLock } from '../../../electron/services/corpus/corpus-lock';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import type { ReviewStatus } from '../../../shared/model/sidecar-schema';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { spansJsonlReader } from '../export/pipeline/test-exporters';

let corpus: TempCorpus;
let work: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  work = await mkdtemp(path.join(tmpdir(), 'jiaodui-export-cli-'));
  out = [];
  err = [];
  io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), cwd: work };
});
afterEach(async () => {
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

async function setStatus(rel: string, status: ReviewStatus, change = (t: string) => t) {
  const page = await openPage(corpus.root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const r = await savePage(corpus.root, { path: rel, text: change(page.value.text), status, entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash }, '0.1.0');
  if (!r.ok) throw new Error(r.error.message);
}

async function listed(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort();
}

describe('jiaodui export', () => {
  it('exports several formats of the pages matching a glob and a status, with progress on stderr', async () => {
    await corpus.put('1950/a.txt', '人民曰报\n𠮷字');
    await corpus.put('1950/b.txt', '乙\n');
    await corpus.put('1951/a.txt', '丙\n');
    await setStatus('1950/a.txt', 'reviewed', (t) => t.replace('曰', '日'));
    await setStatus('1951/a.txt', 'reviewed');
    const code = await runCli(['export', corpus.root, '--format', 'text,original', '--pages', '1950/**', '--status', 'reviewed', '--out', 'o', '--line-breaks', 'paragraphs'], io);
    expect(code).toBe(0);
    expect(await listed(path.join(work, 'o'))).toEqual(['1950', '1950/a.original.txt', '1950/a.txt']);
    // --line-breaks paragraphs reached the exporter: the two lines of the paragraph are joined.
    expect(await readFile(path.join(work, 'o', '1950', 'a.txt'), 'utf8')).toBe('人民日报𠮷字');
    expect(err).toContain('exported 1/1 pages');
    expect(out.at(-1)).toMatch(/^Wrote 2 files for 1 page to .*; 0 problems\.$/);
  });

  it('exits 2 with a clear message for an unknown format, status or option value', async () => {
    expect(await runCli(['export', corpus.root, '--out', 'o', '--format', 'text,docx'], io)).toBe(2);
    expect(err[0]).toBe('error: Unknown format "docx"; the formats are text, original, alto, hocr, page, tei, conll, conll-bioes, doccano, label-studio, brat, xmi, webanno-tsv, web-annotation.');
    expect(await runCli(['export', corpus.root, '--out', 'o', '--status', 'done'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown review status "done"/);
    expect(await runCli(['export', corpus.root, '--out', 'o', '--nested', 'both'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--nested must be outermost or innermost/);
  });

  it('exits 1 and lists the problems with page, format and code', async () => {
    await corpus.put('p.txt', '原文𠮷\n');
    await corpus.put('p.txt.jiaodui.json', '{ not json');
    expect(await runCli(['export', corpus.root, '--out', 'o'], io)).toBe(1);
    expect(out[0]).toMatch(/^p\.txt sidecar-unusable: Exported the original text/);
    expect(await readFile(path.join(work, 'o', 'p.txt'), 'utf8')).toBe('原文𠮷\n');
  });
});

describe('jiaodui import-entities', () => {
  it('imports the spans, reports the pages written, and exits 0', async () => {
    await corpus.put('a/p1.txt', '张𠮷三在北京\n');
    const file = path.join(work, 'tags.jsonl');
    await writeFile(file, JSON.stringify({ page: 'a/p1.txt', text: '张𠮷三在北京\n', spans: [[0, 3, 'PER'], [4, 6, 'LOC']] }) + '\n');
    expect(await runWithReaders([corpus.root, '--format', 'doccano', 'tags.jsonl'], io, { doccano: spansJsonlReader })).toBe(0);
    expect(out.at(-1)).toBe('Read 1 document from 1 file; wrote the entities of 1 page (2 spans), 0 already had them; 0 problems.');
    const sidecar = JSON.parse((await corpus.read('a/p1.txt.jiaodui.json')).toString('utf8'));
    expect(sidecar.entities.map((e: { text: string }) => e.text)).toEqual(['张𠮷三', '北京']);
  });

  it('exits 1 listing each mismatch, and writes nothing while the corpus is open elsewhere', async () => {
    await corpus.put('p.txt', '李四\n');
    const file = path.join(work, 'tags.jsonl');
    await writeFile(file, JSON.stringify({ page: 'p.txt', text: '王五\n', spans: [[0, 2, 'PER']] }) + '\n');
    expect(await runWithReaders([corpus.root, '--format', 'doccano', file], io, { doccano: spansJsonlReader })).toBe(1);
    expect(out[0]).toBe('p.txt (p.txt) quote-mismatch: Span 1 (PER 0–2, “王五”) does not match the page: its text there is “李四”.');
    await writeFile(file, JSON.stringify({ page: 'p.txt', text: '李四\n', spans: [[0, 2, 'PER']] }) + '\n');
    const lock = await acquireCorpusLock(corpus.root, { appVersion: 'x', shell: 'electron' });
    try {
      expect(await runWithReaders([corpus.root, '--format', 'doccano', file], io, { doccano: spansJsonlReader })).toBe(1);
      expect(err.join('\n')).toMatch(/open for editing in another Jiaodui/);
    } finally {
      if (lock.kind === 'held') await lock.lock.release();
    }
    await expect(corpus.read('p.txt.jiaodui.json')).rejects.toThrow();
  });

  it('exits 2 for a missing or unknown format', async () => {
    expect(await runCli(['import-entities', corpus.root, 'x.jsonl'], io)).toBe(2);
    expect(await runCli(['import-entities', corpus.root, '--format', 'csv', 'x.jsonl'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--format doccano, label-studio, brat/);
  });
});
