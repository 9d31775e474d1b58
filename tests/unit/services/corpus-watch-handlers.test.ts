import { describe, expect, it } from 'vitest';
import { realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BatchSearchOutcome, EventChannel, EventPayloads, PageData, PageEntry } from '../../../shared/ipc/contract';
import { makeTempCorpus } from './temp-corpus';
import { useHandlerTable } from './handler-table-fixture';

// The main process following the corpus watcher: events out, and the scan state the other handlers use.

const t = useHandlerTable({ corpusPrefix: 'jiaodui-watch-handlers-', deps: { watchCorpus: true } });
const { call, seen } = t;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) await t.corpus.put(rel, content);
  expect((await t.handlers.openCorpus(t.corpus.root)).ok).toBe(true);
  await t.handlers.scanFinished();
  await t.handlers.corpusWatched();
  t.events.length = 0;
}

// Waits (up to 5 s) until an event of `event` satisfies `test`, and returns it.
async function next<E extends EventChannel>(event: E, test: (payload: EventPayloads[E]) => boolean = () => true): Promise<EventPayloads[E]> {
  for (let i = 0; i < 500; i++) {
    const found = seen(event).find(test);
    if (found) return found;
    await sleep(10);
  }
  throw new Error(`no ${event} event came`);
}

const ALTO = `<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="100" HEIGHT="100"><PrintSpace>
<TextBlock><TextLine HPOS="0" VPOS="0" WIDTH="50" HEIGHT="10"><String CONTENT="阿尔托" HPOS="0" VPOS="0" WIDTH="50" HEIGHT="10" WC="0.9"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>`;

const listed = (pages: PageEntry[]) => pages.map((page) => page.path);

describe('the main process following the corpus watcher', () => {
  it('lists a page added outside the app and drops one removed, as a new scan generation', async () => {
    await open({ 'p1.txt': '一', 'p2.txt': '二' });
    await t.corpus.put('p10.txt', '𠮷十');
    expect(await next('corpus.filesChanged')).toEqual({ changes: [{ path: 'p10.txt', kind: 'added' }] });
    const added = await next('corpus.scanProgress');
    expect(added).toMatchObject({ done: true });
    expect(listed(added.pages)).toEqual(['p1.txt', 'p2.txt', 'p10.txt']);

    t.events.length = 0;
    await rm(path.join(t.corpus.root, 'p1.txt'));
    const removed = await next('corpus.scanProgress');
    expect(listed(removed.pages)).toEqual(['p2.txt', 'p10.txt']);
    expect(removed.generation).toBeGreaterThan(added.generation);
    expect(seen('corpus.filesChanged')).toEqual([{ changes: [{ path: 'p1.txt', kind: 'removed' }] }]);

    // The other handlers see the same pages: batch search finds the new page's text and not the removed one's.
    const found = await call<BatchSearchOutcome>('batch.search', { pattern: '𠮷', mode: 'plain', scope: 'corrected', replacement: '' });
    expect(found.hits.map((hit) => hit.page)).toEqual(['p10.txt']);
    expect(found.pagesSearched).toBe(2);
  });

  it('sends the new review status of a sidecar written outside the app', async () => {
    await open({ 'p1.txt': '一' });
    const page = await call<PageData>('page.open', 'p1.txt');
    const sidecar = {
      format: 'jiaodui-sidecar',
      schemaVersion: 1,
      app: { name: 'another copy', version: '1' },
      source: { file: 'p1.txt', format: 'text', bytes: 3, sha256: page.sha256, encoding: 'utf-8', bom: false, lineEnding: 'lf' },
      status: 'reviewed',
      text: '一',
      corrections: [],
      entities: [],
    };
    await writeFile(path.join(t.corpus.root, 'p1.txt.jiaodui.json'), JSON.stringify(sidecar));
    // With the sidecar's statistics (issue 16: page list columns, dashboard).
    // The list form: no top entities over IPC (corpus.topEntities sums them in main); not yet counted.
    const stats = { hand: 0, rule: 0, entities: {}, note: null, pending: null };
    expect(await next('corpus.pageStatus')).toEqual({ pages: [{ path: 'p1.txt', status: 'reviewed', stats }] });
    expect(seen('corpus.filesChanged')).toEqual([{ changes: [{ path: 'p1.txt.jiaodui.json', kind: 'added' }] }]);
    // Only the status changed: the list is not sent again.
    expect(seen('corpus.scanProgress')).toEqual([]);
  });

  it("sends nothing for the app's own save, and a rescan for a settings file changed outside", async () => {
    await open({ 'p1.txt': '一', 'p1.xml': ALTO });
    const page = await call<PageData>('page.open', 'p1.xml');
    await call('page.save', { path: 'p1.xml', text: page.text, status: 'reviewed', entities: [], sourceSha256: page.sha256, expectedSidecarHash: page.sidecarHash });
    await call('corpus.setTextSource', 'text');
    await t.handlers.scanFinished();
    const ownWork = t.events.map((e) => e.event);
    t.events.length = 0;
    // An outside write after both, to know the watcher has reported everything before it.
    await t.corpus.put('later.txt', 'x');
    await next('corpus.filesChanged');
    expect(seen('corpus.filesChanged')).toEqual([{ changes: [{ path: 'later.txt', kind: 'added' }] }]);
    expect(ownWork).not.toContain('corpus.filesChanged');
    expect(listed((await next('corpus.scanProgress')).pages)).toEqual(['later.txt', 'p1.txt']);

    t.events.length = 0;
    await writeFile(path.join(t.corpus.root, 'jiaodui.corpus.json'), '{"format":"jiaodui-corpus","version":1,"textSource":"layout"}\n');
    expect(await next('corpus.filesChanged')).toEqual({ changes: [{ path: 'jiaodui.corpus.json', kind: 'changed' }] });
    const end = await next('corpus.scanProgress', (progress) => progress.done);
    const rescanned = seen('corpus.scanProgress')
      .filter((progress) => progress.generation === end.generation)
      .flatMap((progress) => progress.pages);
    // The layout file is the page again, as the settings now say.
    expect(rescanned.map((p) => [p.path, p.source, p.status])).toEqual([['p1.xml', 'alto', 'reviewed'], ['later.txt', 'text', null]].sort());
  });

  it('sends no file changes for a batch replacement and its undo, only their statuses', async () => {
    await open({ 'a.txt': '𠮷锅护', 'b.txt': '锅护房' });
    const query = { pattern: '锅护', mode: 'plain', scope: 'corrected', replacement: '锅炉' };
    const found = await call<BatchSearchOutcome>('batch.search', query);
    const pages = Object.entries(found.pages).map(([page, info]) => ({
      path: page,
      version: info.version,
      hits: found.hits.filter((hit) => hit.page === page).map((hit) => ({ start: hit.start, end: hit.end })),
    }));
    await call('batch.replace', { query, pages });
    await call('batch.undo');
    // An outside write after both, to know the watcher has reported everything before it.
    await t.corpus.put('later.txt', 'x');
    await next('corpus.filesChanged');
    expect(seen('corpus.filesChanged')).toEqual([{ changes: [{ path: 'later.txt', kind: 'added' }] }]);
    // The statuses come from the batch handlers themselves (noteWritten), once for the replacement, once for the undo.
    expect(seen('corpus.pageStatus').map((event) => event.pages.map((page) => page.path).sort())).toEqual([
      ['a.txt', 'b.txt'],
      ['a.txt', 'b.txt'],
    ]);
  });

  it('stops following the corpus once another is opened', async () => {
    await open({ 'p1.txt': '一' });
    const other = await makeTempCorpus('jiaodui-watch-other-');
    try {
      await other.put('q.txt', 'q');
      expect((await t.handlers.openCorpus(other.root)).ok).toBe(true);
      await t.handlers.scanFinished();
      await t.handlers.corpusWatched();
      t.events.length = 0;
      await t.corpus.put('p2.txt', 'in the corpus no longer open');
      await other.put('q2.txt', 'in the open corpus');
      const changed = await next('corpus.filesChanged');
      await sleep(300);
      expect(changed).toEqual({ changes: [{ path: 'q2.txt', kind: 'added' }] });
      expect(seen('corpus.filesChanged')).toHaveLength(1);
      expect(listed((await next('corpus.scanProgress')).pages)).toEqual(['q.txt', 'q2.txt']);
      expect((await realpath(other.root)) === (await call<{ root: string }>('corpus.current')).root).toBe(true);
    } finally {
      await other.remove();
    }
  });
});
