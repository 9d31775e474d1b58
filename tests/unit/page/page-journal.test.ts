import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_COMPACT_BYTES, PageJournals, journalFolderOf } from '../../../electron/services/journal/page-journal';
import type { JournalEntry } from '../../../shared/ipc/contract';

let dir: string;
let journals: PageJournals;
const entry = (text: string): JournalEntry => ({
  path: 'p/页.txt',
  sourceSha256: 'a'.repeat(64),
  sidecarHash: null,
  text,
  entities: [],
  status: 'unreviewed',
  rejectedEntities: [],
  rejectedCorrections: [],
  caret: 1,
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jiaodui-journal-'));
  journals = new PageJournals(journalFolderOf(path.join(dir, 'state.json')));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('PageJournals', () => {
  it('keeps entries beside the state file, per corpus and page, and reads back the latest', async () => {
    await journals.append('/corpus', entry('一𠮷'));
    await journals.append('/corpus', entry('二𠮷'));
    await journals.append('/other', entry('别的'));
    expect(journals.fileOf('/corpus', 'p/页.txt').startsWith(path.join(dir, 'journal'))).toBe(true);
    expect((await journals.read('/corpus', 'p/页.txt'))?.text).toBe('二𠮷');
    expect((await journals.read('/other', 'p/页.txt'))?.text).toBe('别的');
    expect(await journals.read('/corpus', 'q.txt')).toBeNull();
  });

  it('ignores a torn last line (a crash mid-write) and falls back to the entry before', async () => {
    await journals.append('/corpus', entry('完整'));
    await appendFile(journals.fileOf('/corpus', 'p/页.txt'), '{"path":"p/页.txt","text":"半');
    expect((await journals.read('/corpus', 'p/页.txt'))?.text).toBe('完整');
  });

  it('clears a journal, and compacts one that grew large to its latest entry', async () => {
    const big = 'x'.repeat(Math.ceil(JOURNAL_COMPACT_BYTES / 3));
    for (let i = 0; i < 4; i++) await journals.append('/corpus', entry(`${i}${big}`));
    const file = journals.fileOf('/corpus', 'p/页.txt');
    expect((await stat(file)).size).toBeLessThanOrEqual(JOURNAL_COMPACT_BYTES);
    expect((await readFile(file, 'utf8')).trim().split('\n').length).toBeLessThan(4);
    expect((await journals.read('/corpus', 'p/页.txt'))?.text.startsWith('3x')).toBe(true);
    await journals.clear('/corpus', 'p/页.txt');
    expect(await journals.read('/corpus', 'p/页.txt')).toBeNull();
    await journals.clear('/corpus', 'p/页.txt');
  });
});
