import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../electron/services/handlers/table';
import type { CorpusPagesSnapshot, JournalEntry, JournalRecord, PageData } from '../../../shared/ipc/contract';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';

let corpus: TempCorpus;
let work: string;
let handlers: Handlers;
const makeHandlers = () =>
  createHandlers({
    dialogs: { chooseFolder: async () => null },
    emit: () => undefined,
    stateFile: path.join(work, 'state.json'),
    appVersion: '9.9.9',
    shell: 'browser',
  });

beforeEach(async () => {
  corpus = await makeTempCorpus();
  await corpus.put('a.txt', '甲乙𠮷\n丙丁\n');
  await corpus.put('b.txt', '戊己\n');
  work = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-session-handlers-')));
  handlers = makeHandlers();
});
afterEach(async () => {
  await handlers.scanFinished();
  await corpus.remove();
  await rm(work, { recursive: true, force: true });
});

async function value<T>(channel: string, args: unknown): Promise<T> {
  const r = await handlers.handle(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('corpus.pages and corpus.rememberPage', () => {
  it('answers the scan so far and the page last open, also to a table started again on the same state', async () => {
    expect(await value<CorpusPagesSnapshot>('corpus.pages', [])).toMatchObject({ corpus: null, pages: [], lastPage: null });
    await handlers.openCorpus(corpus.root);
    await handlers.scanFinished();
    const snapshot = await value<CorpusPagesSnapshot>('corpus.pages', []);
    expect(snapshot.done).toBe(true);
    expect(snapshot.pages.map((p) => p.path).sort()).toEqual(['a.txt', 'b.txt']);
    await value('corpus.rememberPage', [{ path: 'b.txt', caret: 2 }]);
    // A restart: a new table on the same state file.
    await handlers.scanFinished();
    handlers = makeHandlers();
    await handlers.openCorpus(corpus.root);
    expect((await value<CorpusPagesSnapshot>('corpus.pages', [])).lastPage).toEqual({ path: 'b.txt', caret: 2 });
  });
});

describe('journal.write / read / clear', () => {
  it('keeps the journal beside the state file, not in the corpus, and validates entries', async () => {
    await handlers.openCorpus(corpus.root);
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
    expect(await readdir(path.join(work, 'journal'))).toHaveLength(1);
    // Nothing of the journal in the corpus: only the pages and the corpus lock (one writer per corpus).
    expect((await readdir(corpus.root)).sort()).toEqual(['.jiaodui.lock', 'a.txt', 'b.txt']);
    const bad = await handlers.handle('journal.write', [{ ...entry, caret: -1 }]);
    expect(bad.ok ? null : bad.error.code).toBe('invalid-argument');
    await value('journal.clear', ['a.txt']);
    expect(await value('journal.read', ['a.txt'])).toBeNull();
  });
});
