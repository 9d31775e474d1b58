import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { runExport } from '../../../electron/services/export/export';
import { exportRequest } from './export-request';
import { openPage } from '../../../electron/services/page/open-page';
import { savePage } from '../../../electron/services/page/save-page';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

let corpus: TempCorpus;
let out: string;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  out = path.join(await mkdtemp(path.join(tmpdir(), 'jiaodui-export-')), 'out');
});
afterEach(async () => {
  await corpus.remove();
  await rm(path.dirname(out), { recursive: true, force: true });
});

async function correct(rel: string, from: string, to: string) {
  const page = await openPage(corpus.root, rel);
  if (!page.ok) throw new Error(page.error.message);
  const r = await savePage(
    corpus.root,
    { path: rel, text: page.value.text.replace(from, to), status: 'reviewed', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: page.value.sidecarHash },
    '0.1.0',
  );
  if (!r.ok) throw new Error(r.error.message);
}

describe('runExport with the corrected text', () => {
  it('writes corrected text with the original line ending, keeping sub-folders, as UTF-8', async () => {
    await corpus.put('1950/p1.txt', '人民曰报\r\n第二行𠮷\r\n');
    await corpus.put('1950/p2.txt', iconv.encode('今天夭气很好，北京市民出行。\n'.repeat(3), 'gb18030'));
    await corpus.put('p3.txt', '原样\r旧式\r');
    await correct('1950/p1.txt', '曰', '日');
    await correct('1950/p2.txt', '夭', '天');
    const progress: number[] = [];
    const r = await runExport(corpus.root, exportRequest(null), out, { appVersion: '0.1.0', onProgress: (done, total) => progress.push(done / total) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ outDir: out, written: 3, problems: [] });
    expect(await readFile(path.join(out, '1950', 'p1.txt'), 'utf8')).toBe('人民日报\r\n第二行𠮷\r\n');
    expect((await readFile(path.join(out, '1950', 'p2.txt'), 'utf8')).startsWith('今天天气很好')).toBe(true);
    expect(await readFile(path.join(out, 'p3.txt'), 'utf8')).toBe('原样\r旧式\r');
    expect(progress.at(-1)).toBe(1);
    // Progress comes once per batch of pages, rising to the total.
    expect(progress.length).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('exports only the listed pages', async () => {
    await corpus.put('a.txt', 'A');
    await corpus.put('b.txt', 'B');
    const r = await runExport(corpus.root, exportRequest(['b.txt']), out, { appVersion: '0.1.0' });
    expect(r.ok && r.value.written).toBe(1);
    await expect(readFile(path.join(out, 'a.txt'))).rejects.toThrow();
  });

  it('refuses an export folder inside the corpus', async () => {
    await corpus.put('a.txt', 'A');
    const r = await runExport(corpus.root, exportRequest(null), path.join(corpus.root, 'export'), { appVersion: '0.1.0' });
    expect(r.ok ? null : r.error.code).toBe('invalid-argument');
    const same = await runExport(corpus.root, exportRequest(null), corpus.root, { appVersion: '0.1.0' });
    expect(same.ok ? null : same.error.code).toBe('invalid-argument');
  });

  it('never writes into the corpus when the export folder is its parent', async () => {
    // Exporting root/<name>/x.txt to the root's parent would land on root/x.txt: an original page.
    const name = path.basename(corpus.root);
    await corpus.put('x.txt', '原件');
    await corpus.put(`${name}/x.txt`, '子页');
    const r = await runExport(corpus.root, exportRequest([`${name}/x.txt`]), path.dirname(corpus.root), { appVersion: '0.1.0' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.written).toBe(0);
    expect(r.value.problems).toHaveLength(1);
    expect((await corpus.read('x.txt')).toString()).toBe('原件');
  });

  it('collects per-page problems and goes on', async () => {
    await corpus.put('good.txt', '好');
    await corpus.put('img.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await corpus.put('broken.txt', '原文');
    await corpus.put('broken.txt.jiaodui.json', '{ not json');
    const r = await runExport(corpus.root, exportRequest(['good.txt', 'img.txt', '../escape.txt', 'missing.txt', 'broken.txt']), out, { appVersion: '0.1.0' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.written).toBe(2);
    expect(r.value.problems.map((p) => p.path).sort()).toEqual(['../escape.txt', 'broken.txt', 'img.txt', 'missing.txt']);
    expect(await readFile(path.join(out, 'broken.txt'), 'utf8')).toBe('原文');
  });

  it('does not follow a symlink in the export folder back into the corpus', async () => {
    await corpus.put('sub/a.txt', 'A');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(out, { recursive: true });
    await symlink(path.join(corpus.root, 'sub'), path.join(out, 'sub'));
    const r = await runExport(corpus.root, exportRequest(null), out, { appVersion: '0.1.0' });
    expect(r.ok && r.value.written).toBe(0);
    expect((await corpus.read('sub/a.txt')).toString()).toBe('A');
  });
});
