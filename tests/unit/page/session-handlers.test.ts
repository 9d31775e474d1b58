import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CorpusPagesSnapshot, JournalEntry, JournalRecord, PageData } from '../../../shared/ipc/contract';
import { useHandlerTable } from '../services/handler-table-fixture';

const t = useHandlerTable();
const { value } = t;

beforeEach(async () => {
  await t.corpus.put('a.txt', '甲乙𠮷\n丙丁\n');
  await t.corpus.put('b.txt', '戊己\n');
});

describe('corpus.pages and corpus.rememberPage', () => {
  it('answers the scan so far and the page last open, also to a table started again on the same state', async () => {
    expect(await value<CorpusPagesSnapshot>('corpus.pages', [])).toMatchObject({ corpus: null, pages: [], lastPage: null });
    await t.handlers.openCorpus(t.corpus.root);
    await t.handlers.scanFinished();
    const snapshot = await value<CorpusPagesSnapshot>('corpus.pages', []);
    expect(snapshot.done).toBe(true);
    expect(snapshot.pages.map((p) => p.path).sort()).toEqual(['a.txt', 'b.txt']);
    await value('corpus.rememberPage', [{ path: 'b.txt', caret: 2 }]);
    // A restart: a new table on the same state file.
    await t.restart();
    await t.handlers.openCorpus(t.corpus.root);
    expect((await value<CorpusPagesSnapshot>('corpus.pages', [])).lastPage).toEqual({ path: 'b.txt', caret: 2 });
  });
});

describe('journal.write / read / clear', () => {
  it('keeps the journal beside the state file, not in the corpus, and validates entries', async () => {
    await t.handlers.openCorpus(t.corpus.root);
    const page = await value<PageData>('page.open', ['a.txt']);
    const entry: JournalEntry = {
      path: 'a.txt',
      sourceSha256: page.sha256,
      sidecarHash: page.sidecarHash,
      text: '恢复甲乙𠮷\n丙丁\n',
      entities: [],
      status: 'in-progress',
      rejectedEntities: [],
      rejectedCorrections: [],
      caret: 2,
    };
    await value('journal.write', [entry]);
    expect(await value<JournalRecord>('journal.read', ['a.txt'])).toMatchObject({ ...entry });
    expect(await readdir(path.join(t.work, 'journal'))).toHaveLength(1);
    // Nothing of the journal in the corpus: only the pages and the corpus lock (one writer per corpus).
    expect((await readdir(t.corpus.root)).sort()).toEqual(['.jiaodui.lock', 'a.txt', 'b.txt']);
    const bad = await t.handlers.handle('journal.write', [{ ...entry, caret: -1 }]);
    expect(bad.ok ? null : bad.error.code).toBe('invalid-argument');
    await value('journal.clear', ['a.txt']);
    expect(await value('journal.read', ['a.txt'])).toBeNull();
  });
});
