import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { openPage } from '../../../electron/services/page/open-page';
import { applyCorpusPropagation, undoCorpusPropagation } from '../../../electron/services/entities/propagation-apply';
import { previewCorpusPropagation } from '../../../electron/services/entities/propagation-preview';
import type { PropagationApplyRequest, PropagationPageOutcome, PropagationPreview } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';
import { errorWords } from '../../../renderer/i18n/error-words';
import { spansOf, tagPage } from './support';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(() => corpus.remove());

const A = '武跃林在朔城区。武跃林说话。';
const B = '𠮷田记者武跃林报道，武跃林同志。\n又见武跃林。';
const C = '没有这个名字。';
const PAGES = ['a.txt', 'b.txt', 'c.txt'];

async function setUp() {
  await corpus.put('a.txt', A);
  await corpus.put('b.txt', B);
  await corpus.put('c.txt', C);
  await tagPage(corpus.root, 'a.txt', spansOf(A, '武跃林', 'PER'));
}

// A page outcome worded in Chinese, as the renderer shows it.
function zh(outcome: PropagationPageOutcome): string {
  return errorWords('zh-CN', { ...outcome, message: outcome.message ?? '' });
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function preview(excludePath?: string): Promise<PropagationPreview> {
  return value(await previewCorpusPropagation(corpus.root, PAGES, { text: '武跃林', type: 'PER', scope: 'corpus', excludePath }));
}

function applyRequest(p: PropagationPreview, keep: (path: string, i: number) => boolean = () => true): PropagationApplyRequest {
  return {
    text: p.text,
    type: p.type,
    pages: p.pages
      .map((page) => ({ path: page.path, sourceSha256: page.sourceSha256, sidecarHash: page.sidecarHash, occurrences: page.occurrences.filter((_, i) => keep(page.path, i)).map(({ start, end }) => ({ start, end })) }))
      .filter((page) => page.occurrences.length > 0),
  };
}

describe('previewCorpusPropagation', () => {
  it('finds untagged occurrences on other pages, in code points with context, and skips tagged ones', async () => {
    await setUp();
    const p = await preview();
    // Page a is fully tagged already; c has no occurrence.
    expect(p.pages.map((x) => x.path)).toEqual(['b.txt']);
    expect(p.pagesSearched).toBe(3);
    expect(p.total).toBe(3);
    const [first, second, third] = p.pages[0]!.occurrences;
    expect(first).toMatchObject({ start: 4, end: 7, before: '𠮷田记者', match: '武跃林', after: '报道，武跃林同志。' });
    expect(second).toMatchObject({ start: 10, end: 13 });
    // Context stops at the line break.
    expect(third).toMatchObject({ start: 19, end: 22, before: '又见', after: '。' });
    expect(p.pages[0]!.sidecarHash).toBeNull();
  });

  it('leaves out the excluded page and lists pages with unusable sidecars as skipped', async () => {
    await setUp();
    await corpus.put('c.txt.jiaodui.json', '{"format":"jiaodui-sidecar","schemaVersion":99}');
    const p = await preview('b.txt');
    expect(p.pages).toEqual([]);
    expect(p.pagesSearched).toBe(2);
    expect(p.skipped.map((s) => s.path)).toEqual(['c.txt']);
    expect(p.skipped[0]!.message).toMatch(/left alone/);
    // The renderer words it in Chinese from its id.
    expect(errorWords('zh-CN', p.skipped[0]!)).toBe('“c.txt”已保存的校改无法使用，因此未处理此页面。');
  });

  it('searches the corrected text of a page with a sidecar, not its original', async () => {
    await setUp();
    await tagPage(corpus.root, 'c.txt', [], '没有武跃林这个名字。');
    const p = await preview('b.txt');
    expect(p.pages.map((x) => [x.path, x.occurrences.map((o) => o.start)])).toEqual([['c.txt', [2]]]);
  });
});

describe('applyCorpusPropagation and undoCorpusPropagation', () => {
  it('adds the ticked spans to each page (creating a sidecar), and undo removes exactly them', async () => {
    await setUp();
    await tagPage(corpus.root, 'c.txt', [], '武跃林没有这个名字。');
    const p = await preview();
    // Untick the second occurrence of page b.
    const request = applyRequest(p, (path, i) => !(path === 'b.txt' && i === 1));
    const applied = value(await applyCorpusPropagation(corpus.root, request, '1.0.0'));
    expect(applied.added).toBe(3);
    expect(applied.pages).toEqual([
      { path: 'b.txt', outcome: 'done', spans: 2, message: null },
      { path: 'c.txt', outcome: 'done', spans: 1, message: null },
    ]);
    const b = value(await openPage(corpus.root, 'b.txt'));
    expect(b.readOnly).toBeNull();
    expect(b.entities.map((e) => [e.start, e.end, e.type, e.text])).toEqual([[4, 7, 'PER', '武跃林'], [19, 22, 'PER', '武跃林']]);
    expect(b.text).toBe(B);
    expect(b.status).toBe('unreviewed');
    const c = value(await openPage(corpus.root, 'c.txt'));
    expect(c.status).toBe('in-progress');
    expect(c.text).toBe('武跃林没有这个名字。');
    expect(c.corrections.length).toBeGreaterThan(0);
    expect(c.entities.map((e) => e.start)).toEqual([0]);

    // A second preview skips what is now tagged.
    expect((await preview()).total).toBe(1);

    const undone = value(await undoCorpusPropagation(corpus.root, applied.applied, '1.0.0'));
    expect(undone.removed).toBe(3);
    expect(undone.remaining).toEqual([]);
    // b had no sidecar before: it is gone again. c keeps its correction, without the span.
    expect((await readdir(corpus.root)).sort()).toEqual(['a.txt', 'a.txt.jiaodui.json', 'b.txt', 'c.txt', 'c.txt.jiaodui.json']);
    const cAfter = value(await openPage(corpus.root, 'c.txt'));
    expect(cAfter.entities).toEqual([]);
    expect(cAfter.text).toBe('武跃林没有这个名字。');
  });

  it('refuses a page whose sidecar changed since the preview, and applies the others', async () => {
    await setUp();
    await tagPage(corpus.root, 'c.txt', [], '武跃林没有这个名字。');
    const p = await preview();
    await tagPage(corpus.root, 'c.txt', [], '武跃林没有这个名字！');
    const applied = value(await applyCorpusPropagation(corpus.root, applyRequest(p), '1.0.0'));
    expect(applied.pages.map((x) => [x.path, x.outcome])).toEqual([['b.txt', 'done'], ['c.txt', 'refused']]);
    expect(applied.pages[1]!.message).toMatch(/changed since the preview/);
    expect(zh(applied.pages[1]!)).toBe('预览后此页面已改动，因此未作处理。请重新预览后再标注。');
    expect(value(await openPage(corpus.root, 'c.txt')).entities).toEqual([]);
  });

  it('refuses a page with an unusable sidecar and never writes it', async () => {
    await setUp();
    const p = await preview();
    await corpus.put('b.txt.jiaodui.json', '{ broken');
    const applied = value(await applyCorpusPropagation(corpus.root, applyRequest(p), '1.0.0'));
    expect(applied.pages[0]).toMatchObject({ path: 'b.txt', outcome: 'refused' });
    expect((await corpus.read('b.txt.jiaodui.json')).toString()).toBe('{ broken');
    expect(applied.applied).toEqual([]);
  });

  it('refuses a place that does not quote the text', async () => {
    await setUp();
    const p = await preview();
    const request = applyRequest(p);
    request.pages[0]!.occurrences[0] = { start: 0, end: 3 };
    const applied = value(await applyCorpusPropagation(corpus.root, request, '1.0.0'));
    expect(applied.pages[0]).toMatchObject({ outcome: 'refused' });
    expect(applied.pages[0]!.message).toContain('is not "武跃林"');
    expect(zh(applied.pages[0]!)).toBe('0–3 处的文本不是“武跃林”，因此未处理此页面。请重新预览。');
    expect(await readdir(corpus.root)).not.toContain('b.txt.jiaodui.json');
  });

  it('undo refuses a page changed since the apply, undoes the rest, and can retry it later', async () => {
    await setUp();
    await tagPage(corpus.root, 'c.txt', [], '武跃林没有这个名字。');
    const applied = value(await applyCorpusPropagation(corpus.root, applyRequest(await preview()), '1.0.0'));
    // Someone edits page c after the propagation.
    const before = (await corpus.read('c.txt.jiaodui.json')).toString();
    await tagPage(corpus.root, 'c.txt', []);
    const undone = value(await undoCorpusPropagation(corpus.root, applied.applied, '1.0.0'));
    expect(undone.pages.map((x) => [x.path, x.outcome])).toEqual([['b.txt', 'done'], ['c.txt', 'refused']]);
    expect(undone.pages[1]!.message).toMatch(/changed after the propagation/);
    expect(zh(undone.pages[1]!)).toBe('推广后此页面又被改动，因此其标注保留未动（请在页面中自行撤销）。');
    expect(undone.remaining.map((r) => r.path)).toEqual(['c.txt']);
    expect(value(await openPage(corpus.root, 'c.txt')).entities).toHaveLength(1);
    // Put c back as apply left it: the retry succeeds.
    await corpus.put('c.txt.jiaodui.json', before);
    const retry = value(await undoCorpusPropagation(corpus.root, undone.remaining, '1.0.0'));
    expect(retry.removed).toBe(1);
    expect(value(await openPage(corpus.root, 'c.txt')).entities).toEqual([]);
  });

  it('leaves places already tagged alone and reports them', async () => {
    await setUp();
    const p = await preview();
    await tagPage(corpus.root, 'b.txt', spansOf(B, '武跃林', 'ORG'));
    // The preview's hashes are stale now, so build a fresh request from a new preview with the old places.
    const fresh = await previewCorpusPropagation(corpus.root, PAGES, { text: '武跃林', type: 'PER', scope: 'corpus' });
    expect(value(fresh).pages).toEqual([]);
    const page = await openPage(corpus.root, 'b.txt');
    const request: PropagationApplyRequest = {
      text: '武跃林',
      type: 'PER',
      pages: [{ path: 'b.txt', sourceSha256: value(page).sha256, sidecarHash: value(page).sidecarHash, occurrences: p.pages[0]!.occurrences.map(({ start, end }) => ({ start, end })) }],
    };
    const applied = value(await applyCorpusPropagation(corpus.root, request, '1.0.0'));
    expect(applied.pages[0]).toEqual({ path: 'b.txt', outcome: 'done', spans: 0, message: 'Every place was already tagged.', messageId: 'propagation.alreadyTagged' });
    expect(zh(applied.pages[0]!)).toBe('每一处都已标注过。');
    expect(applied.applied).toEqual([]);
  });
});

describe('previewCorpusPropagation over the corpus text cache', () => {
  it('reuses unchanged pages between previews and re-reads a page whose file or sidecar changed', async () => {
    const { CorpusTextCache } = await import('../../../electron/services/corpus/corpus-text-cache');
    const { realpath, utimes } = await import('node:fs/promises');
    const path = await import('node:path');
    await setUp();
    const cache = new CorpusTextCache(await realpath(corpus.root));
    const run = async () => value(await previewCorpusPropagation(corpus.root, PAGES, { text: '武跃林', type: 'PER', scope: 'corpus' }, cache));
    const first = await run();
    expect(cache.size).toBe(3);
    expect(first.total).toBe(3);
    // Change b's bytes behind the cache's back but keep its size, inode and mtime: the cached text is still used.
    const stamp = new Date('2026-01-01T00:00:00Z');
    await utimes(path.join(corpus.root, 'b.txt'), stamp, stamp);
    expect((await run()).total).toBe(3);
    await corpus.put('b.txt', B.replace('又见武跃林', '又见武跃木'));
    await utimes(path.join(corpus.root, 'b.txt'), stamp, stamp);
    expect((await run()).total).toBe(3);
    // A new mtime: read again.
    const later = new Date('2026-01-02T00:00:00Z');
    await utimes(path.join(corpus.root, 'b.txt'), later, later);
    expect((await run()).total).toBe(2);
    // A sidecar appearing counts as a change too: its spans now cover the place.
    await tagPage(corpus.root, 'b.txt', spansOf(B.replace('又见武跃林', '又见武跃木'), '武跃林', 'PER', [0]));
    expect((await run()).total).toBe(1);
  });
});
