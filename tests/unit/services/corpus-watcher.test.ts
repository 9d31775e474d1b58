import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../../electron/services/disk/atomic-write';
import { asOwnWrite } from '../../../electron/services/disk/own-writes';
import { CorpusWatcher, type WatchedBatch, type WatchedChange } from '../../../electron/services/corpus/corpus-watcher';
import { savePage } from '../../../electron/services/page/save-page';
import { sha256Hex } from '../../../electron/services/disk/hash';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

let corpus: TempCorpus;
let root: string;
let watcher: CorpusWatcher | null;
let batches: WatchedBatch[];
let errors: Error[];

beforeEach(async () => {
  corpus = await makeTempCorpus('jiaodui-watch-');
  root = await realpath(corpus.root);
  watcher = null;
  batches = [];
  errors = [];
});
afterEach(async () => {
  await watcher?.close();
  await corpus.remove();
  expect(errors).toEqual([]);
});

const abs = (rel: string) => path.join(root, ...rel.split('/'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Short batch times keep the tests quick; `defaults` uses the app's (200 ms quiet, 1 s at most).
async function startWatching(defaults = false): Promise<CorpusWatcher> {
  const timing = defaults ? {} : { debounceMs: 50, maxWaitMs: 300 };
  watcher = new CorpusWatcher(root, { onChanges: (batch) => batches.push(batch), onError: (error) => errors.push(error), ...timing });
  await watcher.ready;
  return watcher;
}

// Every change reported since the `seen`-th batch (default: from now) until `until` holds (or 5 s pass), in order.
async function changesUntil(until: (changes: WatchedChange[]) => boolean, seen = batches.length): Promise<WatchedChange[]> {
  const since = () => batches.slice(seen).flatMap((batch) => batch.changes);
  for (let i = 0; i < 500 && !until(since()); i++) await sleep(10);
  return since();
}

// Runs `act`, then writes a marker page and waits until the marker is reported: whatever `act` caused is then
// reported too (same or earlier batch), so a test can tell "nothing reported" from "not reported yet".
async function changesOf(act: () => Promise<void>): Promise<WatchedChange[]> {
  const seen = batches.length;
  await act();
  await sleep(120);
  const marker = `marker-${seen}.txt`;
  await corpus.put(marker, 'm');
  await changesUntil((changes) => changes.some((change) => change.path === marker));
  return batches
    .slice(seen)
    .flatMap((batch) => batch.changes)
    .filter((change) => change.path !== marker);
}

describe('CorpusWatcher', () => {
  it('reports page files added, changed and removed outside the app, with relative paths', async () => {
    await corpus.put('p1.txt', 'one');
    await startWatching();
    expect(watcher!.knownFiles).toBe(1);

    expect(await changesOf(() => corpus.put('𠮷/p2.txt', '𠮷').then(() => undefined))).toEqual([{ path: '𠮷/p2.txt', kind: 'added' }]);
    expect(await changesOf(() => writeFile(abs('p1.txt'), 'one, corrected outside'))).toEqual([{ path: 'p1.txt', kind: 'changed' }]);
    expect(await changesOf(() => rm(abs('p1.txt')))).toEqual([{ path: 'p1.txt', kind: 'removed' }]);
  });

  it('reports companions and sidecars, also when written atomically by another program', async () => {
    await corpus.put('p1.txt', 'one');
    await startWatching();
    expect(await changesOf(() => corpus.put('p1.jpg', 'jpeg').then(() => undefined))).toEqual([{ path: 'p1.jpg', kind: 'added' }]);
    expect(await changesOf(() => corpus.put('p1.xml', '<alto/>').then(() => undefined))).toEqual([{ path: 'p1.xml', kind: 'added' }]);
    expect(await changesOf(() => writeFileAtomic(abs('p1.txt.jiaodui.json'), '{"status":"reviewed"}'))).toEqual([{ path: 'p1.txt.jiaodui.json', kind: 'added' }]);
    expect(await changesOf(() => writeFileAtomic(abs('p1.txt.jiaodui.json'), '{"status":"done"}'))).toEqual([{ path: 'p1.txt.jiaodui.json', kind: 'changed' }]);
    expect(await changesOf(() => rm(abs('p1.txt.jiaodui.json')))).toEqual([{ path: 'p1.txt.jiaodui.json', kind: 'removed' }]);
  });

  it("does not report the app's own writes and removals, but does report an outside change after one", async () => {
    await corpus.put('p1.txt', '𠮷一');
    await startWatching();
    const sidecar = abs('p1.txt.jiaodui.json');
    const saved = await savePage(root, { path: 'p1.txt', text: '𠮷二', status: 'reviewed', entities: [], sourceSha256: sha256Hex(Buffer.from('𠮷一')), expectedSidecarHash: null }, '9.9.9');
    expect(saved.ok).toBe(true);
    expect(await changesOf(async () => undefined)).toEqual([]);
    expect(await changesOf(() => asOwnWrite(sidecar, () => writeFileAtomic(sidecar, '{"again":true}')))).toEqual([]);
    expect(await changesOf(() => writeFile(sidecar, '{"by":"someone else"}'))).toEqual([{ path: 'p1.txt.jiaodui.json', kind: 'changed' }]);
    expect(await changesOf(() => asOwnWrite(sidecar, () => rm(sidecar)))).toEqual([]);
  });

  it('ignores temporary, hidden, lock and unrelated files', async () => {
    await startWatching();
    const changes = await changesOf(async () => {
      await corpus.put('.p1.txt.jiaodui.json.0a1b2c.tmp', '{}');
      await corpus.put('.hidden.txt', 'x');
      await corpus.put('.git/objects/p.txt', 'x');
      await corpus.put('node_modules/x/p.txt', 'x');
      await corpus.put('~$p1.txt', 'lock');
      await corpus.put('p1.txt~', 'backup');
      await corpus.put('p1.tmp', 'x');
      await corpus.put('notes.docx', 'x');
      await corpus.put('jiaodui.tagset.json', '{}');
      await corpus.put('.lock', 'x');
    });
    expect(changes).toEqual([]);
  });

  it('reports the files of a folder moved in or removed as a whole, and a renamed page as removed and added', async () => {
    await corpus.put('p1.txt', 'one');
    const outside = await makeTempCorpus('jiaodui-watch-outside-');
    try {
      await outside.put('issue/a.txt', 'a');
      await outside.put('issue/deeper/b.txt', 'b');
      await outside.put('issue/deeper/b.txt.jiaodui.json', '{}');
      await startWatching();
      expect(await changesOf(() => rename(path.join(outside.root, 'issue'), abs('issue')))).toEqual([
        { path: 'issue/a.txt', kind: 'added' },
        { path: 'issue/deeper/b.txt', kind: 'added' },
        { path: 'issue/deeper/b.txt.jiaodui.json', kind: 'added' },
      ]);
      expect(await changesOf(() => rename(abs('p1.txt'), abs('q1.txt')))).toEqual([
        { path: 'p1.txt', kind: 'removed' },
        { path: 'q1.txt', kind: 'added' },
      ]);
      expect(await changesOf(() => rm(abs('issue/deeper'), { recursive: true }))).toEqual([
        { path: 'issue/deeper/b.txt', kind: 'removed' },
        { path: 'issue/deeper/b.txt.jiaodui.json', kind: 'removed' },
      ]);
    } finally {
      await outside.remove();
    }
  });

  it('says when the corpus settings file changed', async () => {
    await startWatching();
    await writeFile(abs('jiaodui.corpus.json'), '{"format":"jiaodui-corpus","version":1,"textSource":"text"}');
    await changesUntil((changes) => changes.length > 0);
    expect(batches.at(-1)).toEqual({ changes: [{ path: 'jiaodui.corpus.json', kind: 'added' }], settingsChanged: true });
  });

  it('batches a burst of changes into few reports', async () => {
    await startWatching(true);
    const start = performance.now();
    await mkdir(abs('many'));
    // Written whole (temporary file, then rename), so no file is caught half-written and reported twice.
    for (let i = 0; i < 200; i++) await writeFileAtomic(abs(`many/p${i}.txt`), `${i}`, { durable: false });
    const writing = performance.now() - start;
    const changes = await changesUntil((all) => all.length >= 200, 0);
    await sleep(1200);
    expect(changes).toHaveLength(200);
    expect(new Set(changes.map((change) => change.kind))).toEqual(new Set(['added']));
    // Each file once, in a few batches (one a second while the writes go on, or after 200 ms without one), not 200.
    expect(batches.flatMap((batch) => batch.changes)).toHaveLength(200);
    expect(batches.length).toBeLessThanOrEqual(Math.max(10, Math.ceil(writing / 200) + 1));
  });

  it('reports nothing once closed', async () => {
    await corpus.put('p1.txt', 'one');
    await startWatching();
    // The watcher does report this write while open…
    expect(await changesOf(() => writeFile(abs('p1.txt'), 'two'))).toEqual([{ path: 'p1.txt', kind: 'changed' }]);
    await watcher!.close();
    const reported = batches.length;
    await corpus.put('p2.txt', 'two');
    await writeFile(abs('p1.txt'), 'three');
    await rm(abs('p1.txt'));
    // …and nothing after it was closed, well past the time a batch takes.
    await sleep(600);
    expect(batches.length).toBe(reported);
  });
});
