import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, realpath, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CorpusTextCache } from '../../../electron/services/corpus/corpus-text-cache';
import { savePage } from '../../../electron/services/page/save-page';
import { sha256Hex } from '../../../electron/services/disk/hash';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';
import { errorWords } from '../../../renderer/i18n/error-words';

let corpus: TempCorpus;
let root: string;

beforeEach(async () => {
  corpus = await makeTempCorpus();
  root = await realpath(corpus.root);
});
afterEach(() => corpus.remove());

describe('CorpusTextCache', () => {
  it('reads each page once, then only pages whose files changed', async () => {
    await corpus.put('a.txt', '𠮷野家');
    await corpus.put('sub/b.txt', '第二页');
    const cache = new CorpusTextCache(root);
    const first = await cache.texts(['a.txt', 'sub/b.txt']);
    expect(first).toMatchObject({ loaded: 2, reused: 0, unreadable: [] });
    expect(first.pages.map((p) => p.corrected)).toEqual(['𠮷野家', '第二页']);

    const again = await cache.texts(['a.txt', 'sub/b.txt']);
    expect(again).toMatchObject({ loaded: 0, reused: 2 });

    // Replaced the way atomic writers do (new inode), and with a different size.
    await unlink(path.join(root, 'a.txt'));
    await writeFile(path.join(root, 'a.txt'), '𠮷野家门口');
    const changed = await cache.texts(['a.txt', 'sub/b.txt']);
    expect(changed).toMatchObject({ loaded: 1, reused: 1 });
    expect(changed.pages[0]!.original).toBe('𠮷野家门口');
  });

  it('gives a page with an unusable sidecar its original text and a reason, and forgets pages no longer listed', async () => {
    await corpus.put('a.txt', '原文');
    await corpus.put('a.txt.jiaodui.json', '{"format":"something-else"}');
    await corpus.put('b.txt', '乙');
    const cache = new CorpusTextCache(root);
    const read = await cache.texts(['a.txt', 'b.txt']);
    expect(read.pages[0]).toMatchObject({ corrected: '原文', blocked: expect.stringMatching(/read-only/) });
    expect(read.pages[0]!.version).toMatch(/^[0-9a-f]{64}:[0-9a-f]{64}$/);
    expect(read.pages[1]!.version).toMatch(/^[0-9a-f]{64}:none$/);
    await cache.texts(['b.txt']);
    expect(cache.size).toBe(1);
  });

  it('refresh reads again a page whose sidecar the app wrote, keeps the others, and a pass then reuses them all', async () => {
    await corpus.put('a.txt', '𠮷己经');
    await corpus.put('b.txt', '乙');
    const cache = new CorpusTextCache(root);
    cache.fill(['a.txt', 'b.txt']);
    // A pass queued behind the fill finds both pages loaded.
    expect(await cache.texts(['a.txt', 'b.txt'])).toMatchObject({ loaded: 0, reused: 2 });
    const saved = await savePage(root, { path: 'a.txt', text: '𠮷已经', status: 'in-progress', entities: [], sourceSha256: sha256Hex(Buffer.from('𠮷己经')), expectedSidecarHash: null }, 'test');
    expect(saved.ok).toBe(true);
    await cache.refresh(['a.txt']);
    expect(cache.size).toBe(2);
    const after = await cache.texts(['a.txt', 'b.txt']);
    expect(after).toMatchObject({ loaded: 0, reused: 2 });
    expect(after.pages[0]).toMatchObject({ original: '𠮷己经', corrected: '𠮷已经', blocked: null, sidecarHash: saved.ok ? saved.value.sidecarHash : '' });
  });

  it('dispose stops a fill under way and lets the texts go', async () => {
    await corpus.put('a.txt', '甲');
    await corpus.put('b.txt', '乙');
    const cache = new CorpusTextCache(root);
    cache.fill(['a.txt', 'b.txt']);
    cache.dispose();
    await cache.idle();
    expect(cache.size).toBe(0);
  });

  it('reports pages it cannot read, including a link that leads outside the corpus', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'jiaodui-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.txt'), '机密');
      await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
      await corpus.put('bin.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
      const read = await new CorpusTextCache(root).texts(['link.txt', 'bin.txt', 'gone.txt']);
      expect(read.pages).toEqual([]);
      expect(read.unreadable.map((u) => [u.path, u.message])).toEqual([
        ['link.txt', 'The page "link.txt" leads outside the corpus folder.'],
        ['bin.txt', expect.stringMatching(/PNG/)],
        ['gone.txt', expect.stringMatching(/cannot be read/)],
      ]);
      // Each carries a message id, so the renderer words it in the UI language.
      expect(read.unreadable.map((u) => u.messageId)).toEqual(['page.outside', 'page.binaryFormat', 'pageRead.failed']);
      expect(read.unreadable.map((u) => errorWords('zh-CN', u))).toEqual([
        '页面“link.txt”指向语料文件夹之外。',
        '无法打开“bin.txt”：此文件是 PNG 文件，不是文本文件。',
        '无法读取页面“gone.txt”。',
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
  it('takes a saved page from what the save wrote, without reading it again, and reads it when it changed since', async () => {
    await corpus.put('a.txt', '𠮷野家\n');
    const cache = new CorpusTextCache(root);
    const first = (await cache.texts(['a.txt'])).pages[0]!;
    const entities = [{ id: 'e1', start: 0, end: 3, type: 'ORG', text: '𠮷野屋' }];
    const saved = await savePage(root, { path: 'a.txt', text: '𠮷野屋\n', status: 'in-progress', entities, sourceSha256: first.sourceSha256, expectedSidecarHash: null }, 'test');
    if (!saved.ok) throw new Error(saved.error.message);
    await cache.noteSaved('a.txt', { sourceSha256: first.sourceSha256, sidecarHash: saved.value.sidecarHash, text: '𠮷野屋\n', spans: entities });
    const after = await cache.texts(['a.txt']);
    // Served from memory (nothing read), and the same as a fresh read of the files would give.
    expect(after).toMatchObject({ loaded: 0, reused: 1 });
    const fresh = (await new CorpusTextCache(root).texts(['a.txt'])).pages[0]!;
    expect(after.pages[0]).toEqual(fresh);

    // Saved again and taken from the save, then removed by another program: the next pass reads the disk again.
    const second = await savePage(root, { path: 'a.txt', text: '𠮷野屋!\n', status: 'in-progress', entities, sourceSha256: first.sourceSha256, expectedSidecarHash: saved.value.sidecarHash }, 'test');
    if (!second.ok) throw new Error(second.error.message);
    await cache.noteSaved('a.txt', { sourceSha256: first.sourceSha256, sidecarHash: second.value.sidecarHash, text: '𠮷野屋!\n', spans: entities });
    await unlink(path.join(root, 'a.txt.jiaodui.json'));
    const gone = await cache.texts(['a.txt']);
    expect(gone.pages[0]).toMatchObject({ corrected: '𠮷野家\n', sidecarHash: null });
  });
});
