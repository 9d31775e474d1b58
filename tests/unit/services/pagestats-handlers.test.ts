import { describe, expect, it } from 'vitest';
import type { CorpusPagesSnapshot, EventPayloads, PageData, SaveOutcome } from '../../../shared/ipc/contract';
import type { TopEntity } from '../../../shared/model/page-stats';
import { useHandlerTable } from './handler-table-fixture';

// Issue 16: the page list crosses IPC without each page's top entities (summed in main by corpus.topEntities), and
// a save records what the editor still had waiting (pending counts) in the page list and the corpus index.

const EXT_B = '𠮷';
const t = useHandlerTable({ corpusPrefix: 'jiaodui-pagestats-' });
const { call } = t;

function sidecar(text: string, entities: { type: string; text: string; start: number }[]): string {
  return JSON.stringify({
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '0.1.0' },
    status: 'in-progress',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    text,
    corrections: [],
    entities: entities.map((e, i) => ({ id: `e${i}`, start: e.start, end: e.start + [...e.text].length, type: e.type, text: e.text })),
  });
}

describe('page statistics over IPC', () => {
  it('sends the page list without top entities and sums them in the main process', async () => {
    await t.corpus.put('a.txt', `${EXT_B}田 上海 ${EXT_B}田`);
    await t.corpus.put('a.txt.jiaodui.json', sidecar(`${EXT_B}田 上海 ${EXT_B}田`, [{ type: 'PER', text: `${EXT_B}田`, start: 0 }, { type: 'LOC', text: '上海', start: 3 }, { type: 'PER', text: `${EXT_B}田`, start: 6 }]));
    await t.corpus.put('b.txt', '上海');
    await t.corpus.put('b.txt.jiaodui.json', sidecar('上海', [{ type: 'LOC', text: '上海', start: 0 }]));
    expect((await t.handlers.openCorpus(t.corpus.root)).ok).toBe(true);
    await t.handlers.scanFinished();

    const snapshot = await call<CorpusPagesSnapshot>('corpus.pages');
    expect(snapshot.pages.map((page) => page.path)).toEqual(['a.txt', 'b.txt']);
    for (const page of snapshot.pages) expect(page.stats && 'top' in page.stats).toBe(false);
    expect(snapshot.pages[0]!.stats).toEqual({ hand: 0, rule: 0, entities: { PER: 2, LOC: 1 }, note: null, pending: null });
    const scanEvents = t.events.filter((e) => e.event === 'corpus.scanProgress').flatMap((e) => (e.payload as EventPayloads['corpus.scanProgress']).pages);
    expect(scanEvents.length).toBeGreaterThan(0);
    for (const page of scanEvents) expect(page.stats && 'top' in page.stats).toBe(false);

    expect(await call<TopEntity[]>('corpus.topEntities')).toEqual([
      { text: '上海', type: 'LOC', count: 2 },
      { text: `${EXT_B}田`, type: 'PER', count: 2 },
    ]);
  });

  it('keeps the pending counts a save sends, in the page list and after a rescan; a save without them is not counted', async () => {
    await t.corpus.put('p.txt', `${EXT_B}己经`);
    expect((await t.handlers.openCorpus(t.corpus.root)).ok).toBe(true);
    await t.handlers.scanFinished();
    const page = await call<PageData>('page.open', 'p.txt');
    const pending = { lowConfidence: 3, ocrSuggestions: 2, entitySuggestions: 1 };
    const base = { path: 'p.txt', status: 'in-progress', entities: [{ id: 'e1', start: 0, end: 1, type: 'PER', text: EXT_B }], sourceSha256: page.sha256 };
    const saved = await call<SaveOutcome>('page.save', { ...base, text: `${EXT_B}已经`, pending, expectedSidecarHash: null });
    expect(saved.stats).toEqual({ hand: 1, rule: 0, entities: { PER: 1 }, note: null, pending });
    expect('top' in saved.stats).toBe(false);
    expect((await call<CorpusPagesSnapshot>('corpus.pages')).pages[0]!.stats?.pending).toEqual(pending);
    expect(await call<TopEntity[]>('corpus.topEntities')).toEqual([{ text: EXT_B, type: 'PER', count: 1 }]);

    // The index entry noted at the save is what the next scan keeps (the sidecar is unchanged since).
    await call('corpus.rescan');
    await t.handlers.scanFinished();
    expect((await call<CorpusPagesSnapshot>('corpus.pages')).pages[0]!.stats?.pending).toEqual(pending);

    const again = await call<SaveOutcome>('page.save', { ...base, text: `${EXT_B}已经。`, expectedSidecarHash: saved.sidecarHash });
    expect(again.stats.pending).toBeNull();
  });
});
