import { readdir, realpath, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withCorpusWriteLock } from '../../../electron/cli/corpus-write-lock';
import { acquireCorpusLock, CORPUS_LOCK_NAME } from '../../../electron/services/corpus/corpus-lock';
import { HOST } from '../../../electron/services/disk/lock-file';
import { makeTempCorpus, type TempCorpus } from '../services/temp-corpus';

let corpus: TempCorpus;
let lines: string[];
const io = () => ({ stdout: (l: string) => lines.push(`out: ${l}`), stderr: (l: string) => lines.push(`err: ${l}`), cwd: corpus.root });

beforeEach(async () => {
  corpus = await makeTempCorpus();
  lines = [];
});
afterEach(async () => {
  await corpus.remove();
});

describe('withCorpusWriteLock (CLI commands that write)', () => {
  it('holds the corpus lock (shell cli) while the command runs and gives it back after, even when it throws', async () => {
    let seen: string[] = [];
    const code = await withCorpusWriteLock(corpus.root, io(), '1.0.0', async () => {
      seen = await readdir(corpus.root);
      return 0;
    });
    expect(code).toBe(0);
    expect(seen).toEqual([CORPUS_LOCK_NAME]);
    expect(await readdir(corpus.root)).toEqual([]);
    await expect(withCorpusWriteLock(corpus.root, io(), '1.0.0', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(corpus.root)).toEqual([]);
  });

  it('refuses, naming the holder, when the app has the corpus open, and runs nothing', async () => {
    const app = await acquireCorpusLock(await realpath(corpus.root), { appVersion: '1.0.0', shell: 'electron' });
    let ran = false;
    const code = await withCorpusWriteLock(corpus.root, io(), '1.0.0', async () => {
      ran = true;
      return 0;
    });
    expect(code).toBe(1);
    expect(ran).toBe(false);
    expect(lines.join('\n')).toContain(`open for editing in another Jiaodui (process ${process.pid} on ${HOST}`);
    if (app.kind === 'held') await app.lock.release();
  });

  it('says plainly when the corpus folder does not exist', async () => {
    await rm(corpus.root, { recursive: true });
    expect(await withCorpusWriteLock(corpus.root, io(), '1.0.0', async () => 0)).toBe(1);
    expect(lines.join('\n')).toMatch(/cannot be found/);
  });
});
