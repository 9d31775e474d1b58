import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanCorpus } from '../../../electron/services/corpus/corpus-scan';
import type { PageEntry } from '../../../shared/ipc/contract';

let root: string;
async function put(rel: string, content = '文字') {
  const abs = path.join(root, ...rel.split('/'));
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
}
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jiaodui-scan-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function scanOk(options: Parameters<typeof scanCorpus>[1] = {}) {
  const r = await scanCorpus(root, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('scanCorpus', () => {
  it('lists .txt pages in natural order, in nested folders, any case of extension', async () => {
    await put('page10.txt');
    await put('page2.txt');
    await put('1950/03/p1.TXT');
    await put('notes.md');
    const { pages } = await scanOk();
    expect(pages.map((p) => p.path)).toEqual(['1950/03/p1.TXT', 'page2.txt', 'page10.txt']);
    expect(pages[0]!.base).toBe('1950/03/p1');
  });

  it('groups images and layout files with the same base name as companions', async () => {
    await put('a/p1.txt');
    await put('a/p1.jpg');
    await put('a/p1.hocr');
    await put('a/p1.xml');
    await put('a/p2.png');
    await put('a/p2.txt');
    await put('a/p3.tiff');
    const { pages } = await scanOk();
    expect(pages).toHaveLength(2);
    expect(pages[0]!.companions).toEqual(['a/p1.hocr', 'a/p1.jpg', 'a/p1.xml']);
    expect(pages[1]!.companions).toEqual(['a/p2.png']);
  });

  it('ignores sidecars, hidden entries, temporary files and node_modules', async () => {
    await put('p.txt');
    await put('p.txt.jiaodui.json', '{}');
    await put('.hidden.txt');
    await put('.git/x.txt');
    await put('node_modules/m.txt');
    await put('x.txt.tmp');
    await put('~$draft.txt');
    await put('backup.txt~');
    const { pages } = await scanOk();
    expect(pages.map((p) => p.path)).toEqual(['p.txt']);
  });

  it('reports size, mtime and the review status from the sidecar', async () => {
    await put('a.txt', '一二三');
    await put('b.txt');
    await put('a.txt.jiaodui.json', JSON.stringify({ format: 'jiaodui-sidecar', status: 'reviewed' }));
    const { pages, index } = await scanOk();
    const a = pages.find((p) => p.path === 'a.txt')!;
    expect(a.bytes).toBe(9);
    expect(a.mtimeMs).toBe((await stat(path.join(root, 'a.txt'))).mtimeMs);
    expect(a.status).toBe('reviewed');
    expect(pages.find((p) => p.path === 'b.txt')!.status).toBeNull();
    expect(index['a.txt']!.status).toBe('reviewed');
  });

  it('uses the cached status when the sidecar mtime and size are unchanged, and rereads it otherwise', async () => {
    await put('a.txt');
    await put('a.txt.jiaodui.json', JSON.stringify({ status: 'reviewed' }));
    const first = await scanOk();
    const cached = { ...first.index['a.txt']!, status: 'needs-attention' as const };
    const second = await scanOk({ index: { 'a.txt': cached } });
    expect(second.pages[0]!.status).toBe('needs-attention');
    const third = await scanOk({ index: { 'a.txt': { ...cached, sidecarSize: cached.sidecarSize + 1 } } });
    expect(third.pages[0]!.status).toBe('reviewed');
  });

  it('reads each page\'s statistics (corrections, entities, note) with its status, into the page and the index', async () => {
    await put('a.txt');
    await put('b.txt');
    const sidecar = {
      status: 'needs-attention',
      corrections: [{ start: 0, end: 1, original: '文', corrected: '𠮷' }, { start: 1, end: 2, original: '字', corrected: '子', rule: 'look-alike' }],
      entities: [{ id: 'e1', start: 0, end: 1, type: 'PER', text: '𠮷' }],
      note: '缺页角',
    };
    await put('a.txt.jiaodui.json', JSON.stringify(sidecar));
    const { pages, index } = await scanOk();
    const stats = { hand: 1, rule: 1, entities: { PER: 1 }, top: [{ text: '𠮷', type: 'PER', count: 1 }], note: '缺页角', pending: null };
    expect(pages[0]!.stats).toEqual(stats);
    expect(index['a.txt']!.stats).toEqual(stats);
    expect(pages[1]!.stats).toBeUndefined();
  });

  it('reads a sidecar again when its cached entry has no statistics (an index of an older build)', async () => {
    await put('a.txt');
    await put('a.txt.jiaodui.json', JSON.stringify({ status: 'reviewed', corrections: [{ start: 0, end: 1, original: '文', corrected: '字' }] }));
    const first = await scanOk();
    const old = { ...first.index['a.txt']!, stats: null };
    const second = await scanOk({ index: { 'a.txt': old } });
    expect(second.pages[0]!.stats?.hand).toBe(1);
    expect(second.index['a.txt']!.stats?.hand).toBe(1);
    // With statistics cached and the sidecar unchanged, the cache is used as it is.
    const cached = { ...second.index['a.txt']!, stats: { ...second.index['a.txt']!.stats!, hand: 9 } };
    expect((await scanOk({ index: { 'a.txt': cached } })).pages[0]!.stats?.hand).toBe(9);
  });

  it('delivers pages in batches while scanning, each batch sorted', async () => {
    for (let i = 0; i < 25; i++) await put(`d${i % 3}/p${i}.txt`);
    const batches: PageEntry[][] = [];
    const { pages } = await scanOk({ batchSize: 4, onBatch: (b) => batches.push(b) });
    expect(batches.flat()).toHaveLength(25);
    expect(batches.every((b) => b.length <= 4)).toBe(true);
    expect(new Set(batches.flat().map((p) => p.path))).toEqual(new Set(pages.map((p) => p.path)));
    for (const b of batches) expect(b.map((p) => p.path)).toEqual([...b.map((p) => p.path)].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })));
  });

  it('stops with a cancelled result when the signal is aborted', async () => {
    await put('a/p.txt');
    const controller = new AbortController();
    controller.abort();
    const r = await scanCorpus(root, { signal: controller.signal });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
  });

  it('skips symlinks that leave the corpus and symlinked folders', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'jiaodui-out-'));
    try {
      await writeFile(path.join(outside, 'secret.txt'), 'x');
      await put('in.txt');
      await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
      await symlink(root, path.join(root, 'loop'));
      await symlink(path.join(root, 'in.txt'), path.join(root, 'alias.txt'));
      const { pages } = await scanOk();
      expect(pages.map((p) => p.path)).toEqual(['alias.txt', 'in.txt']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('fails with no-corpus when the folder does not exist', async () => {
    const r = await scanCorpus(path.join(root, 'missing'));
    expect(r.ok ? null : r.error.code).toBe('no-corpus');
  });
});
