import { readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { acquireCorpusLock, CORPUS_LOCK_NAME, corpusLockHolder } from '../../../electron/services/corpus/corpus-lock';
import { scanCorpus } from '../../../electron/services/corpus/corpus-scan';
import { HOST } from '../../../electron/services/disk/lock-file';
import type { Handlers } from '../../../electron/services/handlers/table';
import type { CorpusInfo, PageData, TagsetInfo } from '../../../shared/ipc/contract';
import { makeTempCorpus } from '../services/temp-corpus';
import { useHandlerTable } from '../services/handler-table-fixture';

const t = useHandlerTable();
let root: string;
beforeEach(async () => {
  root = await realpath(t.corpus.root);
});

// A table on a state file of its own (one window or program of several).
const table = (name: string, shell: 'electron' | 'browser' = 'browser'): Handlers => t.another(name, { shell });

async function value<T>(handlers: Handlers, channel: string, args: unknown): Promise<T> {
  const r = await handlers.handle(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('acquireCorpusLock', () => {
  it('writes pid, host, app version, shell and times at the corpus root; a second attempt learns the holder', async () => {
    const first = await acquireCorpusLock(root, { appVersion: '1.0.0', shell: 'electron' });
    expect(first.kind).toBe('held');
    const written = JSON.parse(await readFile(path.join(root, CORPUS_LOCK_NAME), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, host: HOST, appVersion: '1.0.0', shell: 'electron' });
    expect(written.refreshed).toBe(written.started);
    const second = await acquireCorpusLock(root, { appVersion: '1.0.0', shell: 'cli' });
    expect(second).toEqual({ kind: 'busy', holder: { host: HOST, pid: process.pid, since: written.started, shell: 'electron', appVersion: '1.0.0' } });
    if (first.kind === 'held') await first.lock.release();
    expect(await readdir(root)).toEqual([]);
    expect(await corpusLockHolder(root)).toBeNull();
  });

  it('refreshes on its timer', async () => {
    const attempt = await acquireCorpusLock(root, { appVersion: '1.0.0', shell: 'browser' }, { refreshMs: 20 });
    if (attempt.kind !== 'held') throw new Error('expected the lock');
    const lockFile = path.join(root, CORPUS_LOCK_NAME);
    const started = JSON.parse(await readFile(lockFile, 'utf8')).started as string;
    // Waits for the first refresh (a loaded machine may run the 20 ms timer late), at most 5 s.
    let refreshed = JSON.parse(await readFile(lockFile, 'utf8'));
    for (let waited = 0; refreshed.refreshed === started && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      refreshed = JSON.parse(await readFile(lockFile, 'utf8'));
    }
    expect(refreshed.started).toBe(started);
    expect(Date.parse(refreshed.refreshed)).toBeGreaterThan(Date.parse(started));
    expect(await attempt.lock.verify()).toBe(true);
    await attempt.lock.release();
    expect(await readdir(root)).toEqual([]);
  });

  it('knows it lost the lock once another program took it over, and leaves their lock alone', async () => {
    const attempt = await acquireCorpusLock(root, { appVersion: '1.0.0', shell: 'browser' });
    if (attempt.kind !== 'held') throw new Error('expected the lock');
    const lockFile = path.join(root, CORPUS_LOCK_NAME);
    await writeFile(lockFile, JSON.stringify({ pid: 1, host: 'elsewhere', started: '2030-01-01T00:00:00Z', refreshed: '2030-01-01T00:00:00Z', token: 'theirs' }));
    expect(await attempt.lock.verify()).toBe(false);
    expect(attempt.lock.lost).toBe(true);
    expect(await attempt.lock.refresh()).toBe(false);
    await attempt.lock.release();
    expect(JSON.parse(await readFile(lockFile, 'utf8')).token).toBe('theirs');
  });

  it('takes over a lock not refreshed for longer than the bound', async () => {
    const lockFile = path.join(root, CORPUS_LOCK_NAME);
    await writeFile(lockFile, JSON.stringify({ pid: 1, host: 'elsewhere', started: '2020-01-01T00:00:00Z', refreshed: '2020-01-01T00:00:00Z', token: 'old' }));
    expect((await acquireCorpusLock(root, { appVersion: '1', shell: 'cli' })).kind).toBe('busy');
    const attempt = await acquireCorpusLock(root, { appVersion: '1', shell: 'cli' }, { staleAfterMs: -1 });
    expect(attempt.kind).toBe('held');
    if (attempt.kind === 'held') await attempt.lock.release();
  });
});

describe('lock files in a corpus', () => {
  it('are skipped by the corpus scan (not pages, not orphan sidecars)', async () => {
    await t.corpus.put('a.txt', '人民日报𠮷\n');
    for (const name of [CORPUS_LOCK_NAME, '.a.txt.jiaodui.json.lock', '.a.txt.jiaodui.json.lock.takeover', '.jiaodui.lock.0a1b2c.stale', '.jiaodui.lock.0a1b2c.refresh']) {
      await t.corpus.put(name, '{}');
    }
    const scan = await scanCorpus(root);
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.pages.map((p) => p.path)).toEqual(['a.txt']);
    expect(scan.value.orphanSidecars).toEqual([]);
  });
});

describe('one writer per corpus (two handler tables)', () => {
  it('opens the corpus read-only in the second table, names the holder, and refuses every writing channel', async () => {
    await t.corpus.put('a.txt', '人民日报𠮷\n');
    const first = table('first', 'electron');
    const second = table('second');
    const opened = await first.openCorpus(root);
    expect(opened.ok && opened.value.readOnly).toBeFalsy();
    const other = await second.openCorpus(root);
    if (!other.ok) throw new Error(other.error.message);
    expect(other.value.readOnly?.holder).toMatchObject({ host: HOST, pid: process.pid, shell: 'electron', appVersion: '9.9.9' });
    expect((await value<CorpusInfo>(second, 'corpus.current', [])).readOnly).toEqual(other.value.readOnly);

    const page = await value<PageData>(second, 'page.open', ['a.txt']);
    expect(page.readOnly?.reason).toBe('corpus-locked');
    const tagset = await value<TagsetInfo>(second, 'entities.tagset', []);
    const writes: [string, unknown[]][] = [
      ['page.save', [{ path: 'a.txt', text: '人民日报𠮷!\n', status: 'reviewed', entities: [], sourceSha256: page.sha256, expectedSidecarHash: null }]],
      ['batch.replace', [{ query: { pattern: '人民', mode: 'plain', scope: 'corrected', replacement: '国民' }, pages: [{ path: 'a.txt', version: 'v', hits: [{ start: 0, end: 2 }] }] }]],
      ['batch.undo', []],
      ['entities.propagationApply', [{ text: '人民', type: 'ORG', pages: [{ path: 'a.txt', sourceSha256: page.sha256, sidecarHash: null, occurrences: [{ start: 0, end: 2 }] }] }]],
      ['entities.propagationUndo', ['0'.repeat(32)]],
      ['entities.saveTagset', [{ tagset: tagset.tagset, expectedFileHash: tagset.fileHash }]],
      ['corpus.setTextSource', ['layout']],
    ];
    for (const [channel, args] of writes) {
      const result = await second.handle(channel, args);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('corpus-locked');
      if (!result.ok) expect(JSON.parse(result.error.detail!)).toMatchObject({ pid: process.pid, host: HOST });
    }
    // Nothing was written: only the page and the first table's lock are there.
    expect((await readdir(root)).sort()).toEqual([CORPUS_LOCK_NAME, 'a.txt']);

    // The holder still writes.
    const own = await value<PageData>(first, 'page.open', ['a.txt']);
    expect(own.readOnly).toBeNull();
    expect((await first.handle('page.save', [{ path: 'a.txt', text: '人民日报𠮷!\n', status: 'reviewed', entities: [], sourceSha256: own.sha256, expectedSidecarHash: null }])).ok).toBe(true);

    // Once the first closes, opening the folder again in the second takes the lock.
    await first.scanFinished();
    await first.close();
    const again = await second.openCorpus(root);
    expect(again.ok && again.value.readOnly).toBeFalsy();
    expect(JSON.parse(await readFile(path.join(root, CORPUS_LOCK_NAME), 'utf8')).shell).toBe('browser');
  });

  it('gives the lock back when switching to another corpus, and refuses writes once the lock was taken over', async () => {
    const elsewhere = await makeTempCorpus();
    try {
      const first = table('first');
      await first.openCorpus(root);
      await first.openCorpus(elsewhere.root);
      expect(await readdir(root)).toEqual([]);
      expect(await readdir(elsewhere.root)).toEqual([CORPUS_LOCK_NAME]);
      // Someone removed the lock and another program took the corpus: this table may no longer write.
      const lockFile = path.join(elsewhere.root, CORPUS_LOCK_NAME);
      await rm(lockFile);
      await writeFile(lockFile, JSON.stringify({ pid: 4242, host: 'other-host', started: '2030-01-01T00:00:00.000Z', refreshed: '2030-01-01T00:00:00.000Z', token: 't' }));
      const refused = await first.handle('corpus.setTextSource', ['layout']);
      expect(!refused.ok && refused.error.code).toBe('corpus-locked');
      expect((await value<CorpusInfo>(first, 'corpus.current', [])).readOnly?.holder).toMatchObject({ pid: 4242, host: 'other-host', since: '2030-01-01T00:00:00.000Z' });
      await first.scanFinished();
    } finally {
      await elsewhere.remove();
    }
  });
});
