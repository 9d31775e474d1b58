import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventStream } from '../../../electron/harness/event-stream';
import { createHarnessDialogs } from '../../../electron/harness/harness-dialogs';
import { startHarnessServer } from '../../../electron/harness/server';
import { errorLogFileOf, openErrorLog } from '../../../electron/services/app/error-log';
import { guardHandler, sanitizePaths } from '../../../electron/services/handlers/error-guard';
import { testHandlers } from './handler-table-fixture';
import { fail } from '../../../shared/result';
import { rawRequest } from '../shell/harness-test-helpers';

describe('sanitizePaths', () => {
  const root = { corpusRoot: '/data/报纸 1950', chosen: [] };
  it('makes paths inside the corpus relative and hides every other absolute path', () => {
    expect(sanitizePaths(`ENOENT: no such file or directory, open '/data/报纸 1950/版面/𠮷.txt'`, root)).toBe(`ENOENT: no such file or directory, open '版面/𠮷.txt'`);
    expect(sanitizePaths(`EACCES: permission denied, open '/home/ann/My Files/x.json'`, root)).toBe(`EACCES: permission denied, open '<path>'`);
    expect(sanitizePaths('cannot write /opt/Jiaodui/resources/app.asar/x.js now', root)).toBe('cannot write <path> now');
    expect(sanitizePaths(`"/data/报纸 1950"`, root)).toBe('"."');
    expect(sanitizePaths(`'C:\\Users\\ann\\AppData\\state.json' and \\\\server\\share\\a.txt`, { corpusRoot: null, chosen: [] })).toBe(`'<path>' and <path>`);
  });

  it('does not take a climb out of the corpus for a path inside it', () => {
    expect(sanitizePaths(`'/data/报纸 1950/../secret.txt'`, root)).toBe(`'<path>'`);
  });

  it('keeps paths in a folder the user chose (the renderer named it)', () => {
    const known = { corpusRoot: null, chosen: ['/home/ann/out'] };
    expect(sanitizePaths(`The folder "/home/ann/out" cannot be found; '/home/ann/out/a.txt'; '/home/ann/outside'`, known)).toBe(
      `The folder "/home/ann/out" cannot be found; '/home/ann/out/a.txt'; '<path>'`,
    );
  });

  it('leaves relative paths, fractions, URLs and regular expressions alone', () => {
    for (const text of ['The page "版面/𠮷.txt" does not exist.', 'page 1/2', 'see http://127.0.0.1:5173/x', 'must match pattern /^[0-9a-f]{64}$/', 'a / b']) {
      expect(sanitizePaths(text, root)).toBe(text);
    }
  });
});

describe('handler errors reaching the renderer', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'jiaodui-errors-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  // A dialog that throws makes a real handler (corpus.chooseAndOpen) throw, with a path outside any corpus.
  const secret = '/home/someone/private/𠮷-notes.txt';
  const throwingDialogs = {
    chooseFolder: async (): Promise<string | null> => {
      throw new Error(`EACCES: permission denied, open '${secret}'`);
    },
  };
  const expectClean = (body: string) => {
    expect(body).not.toContain(secret);
    expect(body).not.toContain(work);
    expect(body).not.toMatch(/\n\s+at /);
    expect(body).not.toContain('error-guard.test');
  };

  it('a throw becomes internal with an id and no stack or path; the log has the stack and the path', async () => {
    const stateFile = path.join(work, 'state.json');
    const handlers = testHandlers(stateFile, { dialogs: throwingDialogs });
    const result = await handlers.handle('corpus.chooseAndOpen', []);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'An internal error occurred.', messageId: 'internal', values: { id: expect.stringMatching(/^[0-9a-f]{12}$/) as string } } });
    expectClean(JSON.stringify(result));

    await handlers.errorLog.close();
    expect(handlers.errorLog.file).toBe(errorLogFileOf(stateFile));
    expect(path.dirname(handlers.errorLog.file)).toBe(work);
    const entries = (await readFile(handlers.errorLog.file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(entries).toHaveLength(1);
    const id = result.ok ? '' : String(result.error.values?.id);
    expect(entries[0]).toMatchObject({ id, channel: 'corpus.chooseAndOpen', kind: 'thrown' });
    expect(entries[0]!.message).toContain(secret);
    expect(entries[0]!.stack).toContain('error-guard.test');
  });

  it('over the harness bridge the answer has no stack or path either', async () => {
    const stateFile = path.join(work, 'state.json');
    const handlers = testHandlers(stateFile, { dialogs: throwingDialogs });
    const events = createEventStream();
    const server = await startHarnessServer({ staticDir: work, port: 0, handlers, dialogs: createHarnessDialogs(() => {}, () => false), events });
    try {
      const response = await rawRequest(server.port, {
        method: 'POST',
        path: '/api/invoke/corpus.chooseAndOpen',
        headers: { 'X-Jiaodui-Token': server.token, 'Content-Type': 'application/json' },
        body: '[]',
      });
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'internal', message: 'An internal error occurred.' } });
      expectClean(response.body);
    } finally {
      await server.close();
      await handlers.errorLog.close();
    }
  });

  it('an error naming the folder the user chose in the dialog keeps it', async () => {
    const missing = path.join(work, 'no-such-folder');
    const handlers = testHandlers(path.join(work, 'state.json'), { dialogs: { chooseFolder: async () => missing } });
    const result = await handlers.handle('corpus.chooseAndOpen', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'no-corpus', message: `The folder "${missing}" cannot be found.` } });
  });

  it('a value that is one path with spaces is kept whole when chosen, hidden whole otherwise, never cut at a space', async () => {
    const gone = path.join(work, 'gone folder 已删除 𠮷');
    const chosen = () => ({ corpusRoot: null, chosen: [gone] });
    const named = await guardHandler('corpus.openPath', async () => fail('no-corpus', 'Not found.', { path: gone }), null, chosen);
    expect(named).toMatchObject({ ok: false, error: { values: { path: gone } } });
    const other = await guardHandler('corpus.openPath', async () => fail('no-corpus', 'Not found.', { path: gone }), null, () => ({ corpusRoot: null, chosen: [] }));
    expect(other).toMatchObject({ ok: false, error: { values: { path: '<path>' } } });
    // A second path after the chosen one is still judged on its own.
    const two = await guardHandler('corpus.openPath', async () => fail('no-corpus', 'Not found.', { path: `${gone}/a and /etc/secret` }), null, chosen);
    expect(JSON.stringify(two)).not.toContain('/etc/secret');
  });

  it('a failed result keeps its code; its paths become corpus-relative or hidden, and an io failure is logged whole', async () => {
    const log = openErrorLog(path.join(work, 'state.json'));
    const root = path.join(work, 'corpus');
    const result = await guardHandler(
      'page.open',
      async () => fail('io', `The page "a/𠮷.txt" cannot be read.`, `EIO: i/o error, read '${root}/a/𠮷.txt' (cache ${work}/state.index)`),
      log,
      () => ({ corpusRoot: root, chosen: [] }),
    );
    expect(result).toEqual({ ok: false, error: { code: 'io', message: 'The page "a/𠮷.txt" cannot be read.', detail: `EIO: i/o error, read 'a/𠮷.txt' (cache <path>)` } });
    await log.close();
    const logged = await readFile(log.file, 'utf8');
    expect(logged).toContain(`${work}/state.index`);
  });

  it('keeps values that are not paths, and successful results unchanged (a corpus root in a value is for display)', async () => {
    const root = path.join(work, 'corpus');
    const okResult = await guardHandler('corpus.current', async () => ({ ok: true as const, value: { root, name: 'corpus' } }), null, () => ({ corpusRoot: root, chosen: [] }));
    expect(okResult).toEqual({ ok: true, value: { root, name: 'corpus' } });
    const tooLarge = await guardHandler('page.save', async () => fail('too-large', 'Too large.', { limit: 5, where: `${work}/x` }), null, () => ({ corpusRoot: root, chosen: [] }));
    expect(tooLarge).toEqual({ ok: false, error: { code: 'too-large', message: 'Too large.', values: { limit: 5, where: '<path>' } } });
  });
});
