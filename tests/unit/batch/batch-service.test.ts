import { describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { batchJournalFolderOf } from '../../../electron/services/handlers/table';
import type { BatchHit, BatchReplaceOutcome, BatchSearchOutcome, BatchUndoOutcome, PageData, SaveOutcome } from '../../../shared/ipc/contract';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { listStats, pageStatsOf } from '../../../shared/model/page-stats';
import { errorWords } from '../../../renderer/i18n/error-words';
import { useHandlerTable } from '../services/handler-table-fixture';

const t = useHandlerTable();
const { call, open } = t;
// The page statuses each corpus.pageStatus event sent, in order.
const statusEvents = () => t.seen('corpus.pageStatus').map((payload) => payload.pages);

async function sidecar(rel: string): Promise<Sidecar> {
  return JSON.parse((await t.corpus.read(`${rel}.jiaodui.json`)).toString('utf8')) as Sidecar;
}

// Saves `text` as the corrected text of page `rel`, with the given entities, as the editor would.
async function saveAs(rel: string, text: string, extra: Record<string, unknown> = {}): Promise<SaveOutcome> {
  const page = await call<PageData>('page.open', rel);
  return call<SaveOutcome>('page.save', {
    path: rel,
    text,
    status: 'in-progress',
    entities: [],
    sourceSha256: page.sha256,
    expectedSidecarHash: page.sidecarHash,
    ...extra,
  });
}

// The next 'corpus.pageStatus' event (it follows the reply, once the statuses are read back from disk).
async function nextStatusEvent(seen: number): Promise<{ path: string; status: string | null }[]> {
  for (let i = 0; i < 200 && statusEvents().length <= seen; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(statusEvents().length).toBeGreaterThan(seen);
  return statusEvents()[seen]!;
}

const query = (pattern: string, extra: Record<string, unknown> = {}) => ({ pattern, mode: 'plain', scope: 'corrected', replacement: '', ...extra });

// The replace request for the given hits of a search.
function ticked(outcome: BatchSearchOutcome, hits: readonly BatchHit[], q: Record<string, unknown>) {
  const pages = [...new Set(hits.map((h) => h.page))];
  return {
    query: q,
    pages: pages.map((p) => ({ path: p, version: outcome.pages[p]!.version, hits: hits.filter((h) => h.page === p).map((h) => ({ start: h.start, end: h.end })) })),
  };
}

describe('batch.search', () => {
  it('finds hits on every page, in the sidecar text where there is one, with lines and code-point offsets', async () => {
    await open({ 'a.txt': '𠮷野家的锅护\n第二行锅护', 'sub/b.txt': '锅护房' });
    await saveAs('a.txt', '𠮷野家的锅护\n新的第二行锅护');
    const outcome = await call<BatchSearchOutcome>('batch.search', query('锅护'));
    expect(outcome.total).toBe(3);
    expect(outcome.pagesSearched).toBe(2);
    expect(outcome.hits.map((h) => [h.page, h.line, h.start, h.end, h.before, h.after])).toEqual([
      ['a.txt', 1, 4, 6, '𠮷野家的', '\n新的第二行锅护'],
      ['a.txt', 2, 12, 14, '𠮷野家的锅护\n新的第二行', ''],
      ['sub/b.txt', 1, 0, 2, '', '房'],
    ]);
    const original = await call<BatchSearchOutcome>('batch.search', query('新的', { scope: 'original' }));
    expect(original.total).toBe(0);
  });

  it('searches a page with an unusable sidecar in its original text and marks it blocked', async () => {
    await open({ 'a.txt': '锅护', 'a.txt.jiaodui.json': '{ not json' });
    const outcome = await call<BatchSearchOutcome>('batch.search', query('锅护'));
    expect(outcome.total).toBe(1);
    expect(outcome.pages['a.txt']!.blocked).toMatch(/read-only/);
  });

  it('caps the hits returned and still counts them all', async () => {
    await open({ 'a.txt': '锅'.repeat(30) });
    const r = await t.handlers.handle('batch.search', [query('锅', { mode: 'character' })]);
    expect(r.ok && r.value).toMatchObject({ total: 30, limit: 10_000 });
  });

  it('reports an invalid regular expression in plain words', async () => {
    await open({ 'a.txt': '锅护' });
    const r = await t.handlers.handle('batch.search', [query('锅(', { mode: 'regex' })]);
    expect(r.ok ? '' : r.error.message).toMatch(/not a valid regular expression/);
  });

  it('sees a page saved after the previous search (the cache follows the files)', async () => {
    await open({ 'a.txt': '锅护' });
    expect((await call<BatchSearchOutcome>('batch.search', query('锅炉'))).total).toBe(0);
    await saveAs('a.txt', '锅炉');
    expect((await call<BatchSearchOutcome>('batch.search', query('锅炉'))).total).toBe(1);
  });

  it('refuses to search without an open corpus', async () => {
    const r = await t.handlers.handle('batch.search', [query('x')]);
    expect(r.ok ? null : r.error.code).toBe('no-corpus');
  });
});

describe('batch.replace and batch.undo', () => {
  it('replaces only the ticked hits, records ordinary corrections, and one undo restores every page', async () => {
    await open({ 'a.txt': '𠮷锅护\n锅护房', 'b.txt': '锅护\n' });
    const before = await saveAs('a.txt', '𠮷锅护\n锅护房间', { entities: [{ id: 'e1', start: 0, end: 3, type: 'ORG', text: '𠮷锅护' }] });
    const beforeBytes = await t.corpus.read('a.txt.jiaodui.json');
    const q = query('锅护', { replacement: '锅炉' });
    const found = await call<BatchSearchOutcome>('batch.search', q);
    expect(found.total).toBe(3);
    // Untick the second hit of a.txt.
    const chosen = found.hits.filter((h) => !(h.page === 'a.txt' && h.line === 2));
    const outcome = await call<BatchReplaceOutcome>('batch.replace', ticked(found, chosen, q));
    expect(outcome).toMatchObject({ changedPages: ['a.txt', 'b.txt'], replaced: 2, problems: [] });
    expect(outcome.batch).toMatchObject({ pages: 2, replaced: 2, pattern: '锅护', replacement: '锅炉' });

    const a = await sidecar('a.txt');
    expect(a.text).toBe('𠮷锅炉\n锅护房间');
    // The replaced character names the batch; the character the editor typed before names nothing.
    expect(a.corrections).toEqual([
      { start: 2, end: 3, original: '护', corrected: '炉', rule: 'batch' },
      { start: 7, end: 7, original: '', corrected: '间' },
    ]);
    expect(a.entities).toEqual([{ id: 'e1', start: 0, end: 3, type: 'ORG', text: '𠮷锅炉' }]);
    expect(a.status).toBe('in-progress');
    expect(a.lineOrigins).toEqual([[0], [1]]);
    const b = await sidecar('b.txt');
    expect(b).toMatchObject({ text: '锅炉\n', status: 'unreviewed', corrections: [{ start: 1, end: 2, original: '护', corrected: '炉', rule: 'batch' }] });

    // The page list's status dots follow: b.txt has a sidecar now; a page saved only by the editor is not announced.
    // With each sidecar's statistics (issue 16: page list columns, dashboard).
    expect(await nextStatusEvent(0)).toEqual([
      { path: 'a.txt', status: 'in-progress', stats: listStats(pageStatsOf(a)) },
      { path: 'b.txt', status: 'unreviewed', stats: { hand: 0, rule: 1, entities: {}, note: null, pending: null } },
    ]);

    expect(await call('batch.last')).toEqual(outcome.batch);
    const undone = await call<BatchUndoOutcome>('batch.undo');
    expect(await nextStatusEvent(1)).toEqual([
      { path: 'a.txt', status: 'in-progress', stats: listStats(pageStatsOf(JSON.parse(beforeBytes.toString('utf8')))) },
      { path: 'b.txt', status: null },
    ]);
    expect(undone).toMatchObject({ restoredPages: ['a.txt', 'b.txt'], problems: [], next: null });
    expect(Buffer.compare(await t.corpus.read('a.txt.jiaodui.json'), beforeBytes)).toBe(0);
    await expect(stat(path.join(t.corpus.root, 'b.txt.jiaodui.json'))).rejects.toThrow(/ENOENT/);
    expect(before.sidecarHash).toBeTruthy();
    const again = await t.handlers.handle('batch.undo', []);
    expect(again.ok ? null : again.error.code).toBe('not-found');
  });

  it('keeps the rule of a saved correction the batch did not touch, and names the batch on the one it grew', async () => {
    await open({ 'a.txt': '𠮷己经\n锅护房' });
    await saveAs('a.txt', '𠮷已经\n锅护房', { corrections: [{ start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' }] });
    const q = query('锅护', { replacement: '锅炉' });
    const found = await call<BatchSearchOutcome>('batch.search', q);
    await call<BatchReplaceOutcome>('batch.replace', ticked(found, found.hits, q));
    expect((await sidecar('a.txt')).corrections).toEqual([
      { start: 1, end: 2, original: '己', corrected: '已', rule: 'look-alike' },
      { start: 5, end: 6, original: '护', corrected: '炉', rule: 'batch' },
    ]);
  });

  it('replaces with regex groups and keeps rejected suggestions the batch did not touch', async () => {
    await open({ 'a.txt': '他己经来了，己经走了' });
    const rejected = { rule: 'look-alike', start: 7, end: 8, text: '经', replacement: '径' };
    const far = { rule: 'cjk-spacing', start: 9, end: 10, text: '了', replacement: '' };
    await saveAs('a.txt', '他己经来了，己经走了', { rejectedCorrections: [far, rejected] });
    const q = query('([己])经', { mode: 'regex', replacement: '已经' });
    const found = await call<BatchSearchOutcome>('batch.search', q);
    expect(found.hits.map((h) => h.replacement)).toEqual(['已经', '已经']);
    await call('batch.replace', ticked(found, found.hits, q));
    const a = await sidecar('a.txt');
    expect(a.text).toBe('他已经来了，已经走了');
    // Only 己 → 已 changed; the rejections on 经 and 了 next to it are kept in place.
    expect(a.rejectedCorrections).toEqual([rejected, far]);
  });

  it('in the original scope leaves places the editor already corrected alone, and says so', async () => {
    await open({ 'a.txt': '锅护 锅护 锅护' });
    await saveAs('a.txt', '锅炉 锅护 𠮷锅护');
    const q = query('锅护', { scope: 'original', replacement: '锅户' });
    const found = await call<BatchSearchOutcome>('batch.search', q);
    expect(found.hits.map((h) => h.start)).toEqual([0, 3, 6]);
    const outcome = await call<BatchReplaceOutcome>('batch.replace', ticked(found, found.hits, q));
    expect((await sidecar('a.txt')).text).toBe('锅炉 锅户 𠮷锅户');
    expect(outcome.problems).toEqual([
      { path: 'a.txt', message: expect.stringMatching(/1 ticked hit\(s\) were left alone because that text has already been corrected/), messageId: 'batch.alreadyCorrected', values: { count: 1 } },
    ]);
  });

  it('refuses a page changed since the search, and a page whose sidecar cannot be used', async () => {
    await open({ 'a.txt': '锅护', 'b.txt': '锅护', 'b.txt.jiaodui.json': '{ broken' });
    const q = query('锅护', { replacement: '锅炉' });
    const found = await call<BatchSearchOutcome>('batch.search', q);
    await saveAs('a.txt', '锅护。');
    const outcome = await call<BatchReplaceOutcome>('batch.replace', ticked(found, found.hits, q));
    expect(outcome.changedPages).toEqual([]);
    expect(outcome.batch).toBeNull();
    expect(outcome.problems.map((p) => [p.path, p.message])).toEqual([
      ['a.txt', expect.stringMatching(/changed since the search/)],
      ['b.txt', expect.stringMatching(/cannot be used/)],
    ]);
    expect((await t.corpus.read('b.txt.jiaodui.json')).toString()).toBe('{ broken');
  });

  it('does not undo a page saved again after the batch, and says which', async () => {
    await open({ 'a.txt': '锅护', 'b.txt': '锅护' });
    const q = query('锅护', { replacement: '锅炉' });
    const found = await call<BatchSearchOutcome>('batch.search', q);
    await call('batch.replace', ticked(found, found.hits, q));
    await saveAs('a.txt', '锅炉！');
    const undone = await call<BatchUndoOutcome>('batch.undo');
    expect(undone.restoredPages).toEqual(['b.txt']);
    expect(undone.problems).toEqual([{ path: 'a.txt', message: expect.stringMatching(/changed after the batch/), messageId: 'batch.changedSince' }]);
    expect(errorWords('zh-CN', undone.problems[0]!)).toBe('批量替换后其已保存的校改又被改动（再次保存或编辑），因此未撤销；如有需要请手动撤销。');
    expect((await sidecar('a.txt')).text).toBe('锅炉！');
  });

  it('lists a page whose sidecar cannot be read as unreadable, worded by id', async () => {
    await open({ 'a.txt': '锅护', 'b.txt': '锅护' });
    // A folder where the sidecar should be: reading it fails (EISDIR), so the page cannot be searched.
    await mkdir(path.join(t.corpus.root, 'b.txt.jiaodui.json'));
    const found = await call<BatchSearchOutcome>('batch.search', query('锅护'));
    expect(found.unreadable).toEqual([{ path: 'b.txt', message: expect.stringMatching(/sidecar cannot be read/), messageId: 'pageRead.sidecarFailed', values: { path: 'b.txt' } }]);
    expect(errorWords('zh-CN', found.unreadable[0]!)).toBe('无法读取“b.txt”的附属文件。');
  });

  it('keeps one undo journal per batch beside the state file, newest undone first', async () => {
    await open({ 'a.txt': '甲乙' });
    for (const [from, to] of [['甲', '丙'], ['乙', '丁']] as const) {
      const q = query(from, { replacement: to });
      const found = await call<BatchSearchOutcome>('batch.search', q);
      await call('batch.replace', ticked(found, found.hits, q));
    }
    expect(await readdir(batchJournalFolderOf(t.stateFile))).toHaveLength(2);
    expect((await sidecar('a.txt')).text).toBe('丙丁');
    const first = await call<BatchUndoOutcome>('batch.undo');
    expect(first.undone.pattern).toBe('乙');
    expect(first.next?.pattern).toBe('甲');
    expect((await sidecar('a.txt')).text).toBe('丙乙');
    await call('batch.undo');
    // Before the first batch the page had no sidecar, so undoing it removes the one the batch made.
    await expect(readFile(path.join(t.corpus.root, 'a.txt.jiaodui.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await readdir(batchJournalFolderOf(t.stateFile))).toHaveLength(0);
  });

  it('validates its arguments and confines paths to the corpus', async () => {
    await open({ 'a.txt': '锅护' });
    const q = query('锅护', { replacement: '锅炉' });
    const outside = await t.handlers.handle('batch.replace', [{ query: q, pages: [{ path: '../a.txt', version: 'x', hits: [{ start: 0, end: 2 }] }] }]);
    expect(outside.ok && outside.value).toMatchObject({ changedPages: [], problems: [{ path: '../a.txt', message: expect.stringMatching(/not allowed/) }] });
    const extra = await t.handlers.handle('batch.replace', [{ query: q, pages: [], more: 1 }]);
    expect(extra.ok ? null : extra.error.code).toBe('invalid-argument');
    const badMode = await t.handlers.handle('batch.search', [{ ...q, mode: 'fuzzy' }]);
    expect(badMode.ok ? null : badMode.error.code).toBe('invalid-argument');
  });
});
