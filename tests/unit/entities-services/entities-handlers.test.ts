import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { DEFAULT_TAGSET } from '../../../shared/entities/tagset';
import type { CorpusEntityIndex, PropagationApplyOutcome, PropagationPreview, PropagationUndoOutcome, TaggedWordAt, TagsetInfo } from '../../../shared/ipc/contract';
import { listStats, pageStatsOf } from '../../../shared/model/page-stats';
import { spansOf, tagPage } from './support';
import { useHandlerTable } from '../services/handler-table-fixture';

const t = useHandlerTable();
const { value, code } = t;

const A = '武跃林在朔城区。';
const B = '𠮷田记者武跃林报道。';

describe('entities.* handlers', () => {
  it('refuse to work without an open corpus', async () => {
    expect(await code('entities.tagset', [])).toBe('no-corpus');
    expect(await code('entities.corpusIndex', [])).toBe('no-corpus');
    expect(await code('entities.propagationPreview', [{ text: '武', type: 'PER', scope: 'corpus' }])).toBe('no-corpus');
    expect(await code('entities.propagationUndo', ['0'.repeat(32)])).toBe('no-corpus');
  });

  it('validate their arguments before running', async () => {
    await t.handlers.openCorpus(t.corpus.root);
    expect(await code('entities.propagationPreview', [{ text: '', type: 'PER', scope: 'corpus' }])).toBe('invalid-argument');
    expect(await code('entities.propagationPreview', [{ text: '武', type: 'PER', scope: 'page' }])).toBe('invalid-argument');
    expect(await code('entities.propagationPreview', [{ text: '武', type: 'PER', scope: 'corpus', extra: 1 }])).toBe('invalid-argument');
    expect(await code('entities.propagationPreview', [{ text: '武', type: 'PER', scope: 'corpus', excludePath: 'a\0b' }])).toBe('invalid-argument');
    expect(await code('entities.propagationApply', [{ text: '武', type: 'PER', pages: [{ path: 'a.txt', sourceSha256: 'x', sidecarHash: null, occurrences: [{ start: 0, end: 1 }] }] }])).toBe('invalid-argument');
    expect(await code('entities.propagationApply', [{ text: '武', type: 'PER', pages: [{ path: 'a.txt', sourceSha256: 'a'.repeat(64), sidecarHash: null, occurrences: [] }] }])).toBe('invalid-argument');
    expect(await code('entities.propagationUndo', ['not-a-token'])).toBe('invalid-argument');
    expect(await code('entities.tagWords', [42])).toBe('invalid-argument');
    expect(await code('entities.saveTagset', [{ tagset: { ...DEFAULT_TAGSET, types: [] }, expectedFileHash: null }])).toBe('invalid-argument');
  });

  it('confine apply to the corpus', async () => {
    await t.handlers.openCorpus(t.corpus.root);
    const outcome = await value<PropagationApplyOutcome>('entities.propagationApply', [
      { text: '武', type: 'PER', pages: [{ path: '../outside.txt', sourceSha256: 'a'.repeat(64), sidecarHash: null, occurrences: [{ start: 0, end: 1 }] }] },
    ]);
    expect(outcome.pages[0]).toMatchObject({ outcome: 'refused' });
    expect(outcome.pages[0]!.message).toMatch(/not allowed/);
    expect(outcome.undoToken).toBeNull();
  });

  it('serve the tag set and save it', async () => {
    await t.handlers.openCorpus(t.corpus.root);
    const info = await value<TagsetInfo>('entities.tagset', []);
    expect(info.origin).toBe('default');
    const tagset = { ...DEFAULT_TAGSET, types: DEFAULT_TAGSET.types.map((t) => (t.id === 'LOC' ? { ...t, label: '地点' } : t)) };
    const saved = await value<TagsetInfo>('entities.saveTagset', [{ tagset, expectedFileHash: null }]);
    expect((await value<TagsetInfo>('entities.tagset', [])).tagset.types[1]!.label).toBe('地点');
    expect(saved.origin).toBe('file');
  });

  it('tag words with jieba in code points', async () => {
    const words = await value<TaggedWordAt[]>('entities.tagWords', ['𠮷北京市朔城区']);
    expect(words.map((w) => w.word).join('')).toBe('𠮷北京市朔城区');
    const last = words.at(-1)!;
    expect(last.end).toBe(7);
    expect(words.find((w) => w.word.startsWith('北京'))!.start).toBe(1);
    expect(words.some((w) => w.tag === 'ns')).toBe(true);
  });

  it('index the corpus, preview, apply and undo by token', async () => {
    await t.corpus.put('a.txt', A);
    await t.corpus.put('b.txt', B);
    await tagPage(t.corpus.root, 'a.txt', spansOf(A, '武跃林', 'PER'));
    await t.handlers.openCorpus(t.corpus.root);
    await t.handlers.scanFinished();

    const index = await value<CorpusEntityIndex>('entities.corpusIndex', []);
    expect(index.known).toEqual({ 武跃林: 'PER' });
    expect(index.entries[0]!.pages.map((p) => p.path)).toEqual(['a.txt']);

    const preview = await value<PropagationPreview>('entities.propagationPreview', [{ text: '武跃林', type: 'PER', scope: 'corpus', excludePath: 'a.txt' }]);
    expect(preview.pages.map((p) => [p.path, p.occurrences[0]!.start])).toEqual([['b.txt', 4]]);
    const page = preview.pages[0]!;
    const applied = await value<PropagationApplyOutcome>('entities.propagationApply', [
      { text: '武跃林', type: 'PER', pages: [{ path: page.path, sourceSha256: page.sourceSha256, sidecarHash: page.sidecarHash, occurrences: [{ start: 4, end: 7 }] }] },
    ]);
    expect(applied.added).toBe(1);
    expect(applied.undoToken).toMatch(/^[0-9a-f]{32}$/);
    expect(t.events.filter((e) => e.event === 'entities.propagationProgress').at(-1)?.payload).toEqual({ done: 1, total: 1 });
    expect((await value<CorpusEntityIndex>('entities.corpusIndex', [])).entries[0]!.pages.map((p) => p.path)).toEqual(['a.txt', 'b.txt']);

    // The page list's status dot of b.txt follows its new sidecar, and its removal by the undo.
    const statuses = async (count: number) => {
      for (let i = 0; i < 200 && t.events.filter((e) => e.event === 'corpus.pageStatus').length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return t.events.filter((e) => e.event === 'corpus.pageStatus').map((e) => e.payload);
    };
    const bStats = pageStatsOf(JSON.parse((await t.corpus.read('b.txt.jiaodui.json')).toString('utf8')));
    expect(bStats.entities).toEqual({ PER: 1 });
    // The list form (no top entities over IPC); a propagation's write is not counted (pending null).
    expect(await statuses(1)).toEqual([{ pages: [{ path: 'b.txt', status: 'unreviewed', stats: listStats(bStats) }] }]);

    const undone = await value<PropagationUndoOutcome>('entities.propagationUndo', [applied.undoToken]);
    expect(undone.removed).toBe(1);
    expect(await readdir(t.corpus.root)).not.toContain('b.txt.jiaodui.json');
    expect((await statuses(2))[1]).toEqual({ pages: [{ path: 'b.txt', status: null }] });
    expect(await code('entities.propagationUndo', [applied.undoToken])).toBe('not-found');
  });
});

describe('entities.corpusIndex through the handler table', () => {
  // Opens a corpus of a.txt and b.txt with an empty index, then saves b.txt with 武跃林 tagged through page.save.
  async function saveTaggedPageB(): Promise<void> {
    await t.corpus.put('a.txt', A);
    await t.corpus.put('b.txt', B);
    await t.handlers.openCorpus(t.corpus.root);
    await t.handlers.scanFinished();
    expect((await value<CorpusEntityIndex>('entities.corpusIndex', [])).entries).toEqual([]);

    const page = await value<{ sha256: string; sidecarHash: string | null; text: string }>('page.open', ['b.txt']);
    await value('page.save', [
      { path: 'b.txt', text: page.text, status: 'in-progress', entities: [{ id: 'x', start: 4, end: 7, type: 'PER', text: '武跃林' }], sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash },
    ]);
  }

  it('sees sidecars saved through page.save at once, and ones written outside the app on refresh', async () => {
    await saveTaggedPageB();
    expect((await value<CorpusEntityIndex>('entities.corpusIndex', [])).known).toEqual({ 武跃林: 'PER' });

    // Written by another tool: not seen by a quick build, seen with refresh.
    await tagPage(t.corpus.root, 'a.txt', spansOf(A, '朔城区', 'LOC'));
    expect((await value<CorpusEntityIndex>('entities.corpusIndex', [])).known).toEqual({ 武跃林: 'PER' });
    expect((await value<CorpusEntityIndex>('entities.corpusIndex', [{ refresh: true }])).known).toEqual({ 武跃林: 'PER', 朔城区: 'LOC' });
    expect(await code('entities.corpusIndex', [{ refresh: 'yes' }])).toBe('invalid-argument');
  });

  // Seen in the e2e after a corpus propagation: the app asked for the index twice at once. The first request took
  // the list of written sidecars and the second, finding it empty, trusted the cache the first had not yet updated.
  it('gives both of two requests made at once the sidecar saved just before', async () => {
    await saveTaggedPageB();
    const [first, second] = await Promise.all([value<CorpusEntityIndex>('entities.corpusIndex', []), value<CorpusEntityIndex>('entities.corpusIndex', [])]);
    expect(first.known).toEqual({ 武跃林: 'PER' });
    expect(second.known).toEqual({ 武跃林: 'PER' });
  });
});
