import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  corpusFile,
  openFolderInCorpus,
  openInCorpus,
  readdirInCorpus,
  readFileInCorpus,
  readFileInCorpusSync,
  removeInCorpus,
  statInCorpus,
  type CorpusFile,
} from '../../../electron/services/disk/confined-fs';
import { writeFileAtomicInCorpus } from '../../../electron/services/disk/confined-write';
import { runExport } from '../../../electron/services/export/export';
import { exportRequest } from './export-request';

let base: string;
let root: string;
let outside: string;
beforeEach(async () => {
  base = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-confined-')));
  root = path.join(base, 'corpus');
  outside = path.join(base, 'outside');
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(root, 'sub', 'page.txt'), '页𠮷');
  await writeFile(path.join(outside, 'page.txt'), 'OUTSIDE');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function named(rel: string): Promise<CorpusFile> {
  const file = await corpusFile(root, rel);
  if (!file.ok) throw new Error(file.error.message);
  return file.value;
}

const outsideCode = { code: 'EOUTSIDE' };

describe('confined reads', () => {
  it('reads a corpus file through its verified handle, async and sync', async () => {
    expect((await readFileInCorpus(await named('sub/page.txt'))).toString()).toBe('页𠮷');
    expect(readFileInCorpusSync(await named('sub/page.txt')).toString()).toBe('页𠮷');
    expect((await statInCorpus(await named('sub/page.txt'))).size).toBe(Buffer.byteLength('页𠮷'));
  });

  it('refuses a path of the wrong shape before touching the disk', async () => {
    for (const rel of ['../outside/page.txt', '/etc/passwd', 'sub/../../outside/page.txt', 'C:/x', 'sub\\page.txt', '']) {
      expect(await corpusFile(root, rel)).toMatchObject({ ok: false, error: { code: 'outside-corpus' } });
    }
    await expect(readdirInCorpus(root, '../outside')).rejects.toMatchObject(outsideCode);
  });

  it('refuses a symlinked file that leads outside, async, sync, stat and open', async () => {
    await symlink(path.join(outside, 'page.txt'), path.join(root, 'link.txt'));
    const file = await named('link.txt');
    await expect(readFileInCorpus(file)).rejects.toMatchObject(outsideCode);
    expect(() => readFileInCorpusSync(file)).toThrow(expect.objectContaining(outsideCode));
    await expect(statInCorpus(file)).rejects.toMatchObject(outsideCode);
    await expect(openInCorpus(file)).rejects.toMatchObject(outsideCode);
  });

  it('refuses a file reached through a symlinked folder that leads outside, and listing that folder', async () => {
    await symlink(outside, path.join(root, 'up'));
    await expect(readFileInCorpus(await named('up/page.txt'))).rejects.toMatchObject(outsideCode);
    expect(() => readFileInCorpusSync({ realRoot: root, rel: 'up/page.txt', abs: path.join(root, 'up', 'page.txt') })).toThrow(expect.objectContaining(outsideCode));
    await expect(readdirInCorpus(root, 'up')).rejects.toMatchObject(outsideCode);
  });

  it('allows symlinks inside the corpus that point inside it, to a file and to a folder', async () => {
    await symlink(path.join(root, 'sub', 'page.txt'), path.join(root, 'alias.txt'));
    await symlink(path.join(root, 'sub'), path.join(root, 'alias-dir'));
    expect((await readFileInCorpus(await named('alias.txt'))).toString()).toBe('页𠮷');
    expect((await readFileInCorpus(await named('alias-dir/page.txt'))).toString()).toBe('页𠮷');
    expect(await readdirInCorpus(root, 'alias-dir')).toEqual(['page.txt']);
    const opened = await openInCorpus(await named('alias.txt'));
    expect(opened.realPath).toBe(path.join(root, 'sub', 'page.txt'));
    await opened.handle.close();
  });

  it('reads through a corpus root that is itself reached by a symlink', async () => {
    await symlink(root, path.join(base, 'corpus-link'));
    const file = await corpusFile(path.join(base, 'corpus-link'), 'sub/page.txt');
    expect(file.ok && (await readFileInCorpus(file.value)).toString()).toBe('页𠮷');
  });

  it('says ENOENT for a missing file and EISDIR for a folder', async () => {
    await expect(readFileInCorpus(await named('sub/none.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFileInCorpus(await named('sub'))).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it.runIf(process.platform !== 'win32')('opens a FIFO without waiting for a writer', async () => {
    execFileSync('mkfifo', [path.join(root, 'sub', 'fifo.txt')]);
    const opened = await openInCorpus(await named('sub/fifo.txt'));
    expect((await opened.handle.stat()).isFIFO()).toBe(true);
    await opened.handle.close();
  });
});

describe('confined atomic write', () => {
  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    await writeFileAtomicInCorpus(await named('sub/page.txt.jiaodui.json'), '{"a":1}');
    await writeFileAtomicInCorpus(await named('sub/page.txt.jiaodui.json'), '{"a":2}');
    expect(await readFile(path.join(root, 'sub', 'page.txt.jiaodui.json'), 'utf8')).toBe('{"a":2}');
    expect((await readdir(path.join(root, 'sub'))).sort()).toEqual(['page.txt', 'page.txt.jiaodui.json']);
  });

  it('refuses to write into a folder that is a symlink leading outside; nothing lands outside', async () => {
    await symlink(outside, path.join(root, 'up'));
    await expect(writeFileAtomicInCorpus(await named('up/page.txt.jiaodui.json'), 'x')).rejects.toMatchObject(outsideCode);
    expect(await readdir(outside)).toEqual(['page.txt']);
  });

  it('replaces a symlinked target with a regular file and never writes through the link', async () => {
    await symlink(path.join(outside, 'page.txt'), path.join(root, 'sub', 'page.txt.jiaodui.json'));
    await writeFileAtomicInCorpus(await named('sub/page.txt.jiaodui.json'), 'mine');
    expect(await readFile(path.join(outside, 'page.txt'), 'utf8')).toBe('OUTSIDE');
    expect((await lstat(path.join(root, 'sub', 'page.txt.jiaodui.json'))).isFile()).toBe(true);
  });

  it('aborts when beforeRename throws: the temporary file is removed and the target left as it was', async () => {
    await writeFile(path.join(root, 'sub', 'page.txt.jiaodui.json'), 'before');
    const abort = new Error('sidecar changed');
    await expect(
      writeFileAtomicInCorpus(await named('sub/page.txt.jiaodui.json'), 'after', {
        beforeRename: async () => {
          throw abort;
        },
      }),
    ).rejects.toBe(abort);
    expect(await readFile(path.join(root, 'sub', 'page.txt.jiaodui.json'), 'utf8')).toBe('before');
    expect((await readdir(path.join(root, 'sub'))).sort()).toEqual(['page.txt', 'page.txt.jiaodui.json']);
  });

  it('refuses when the folder is swapped for a symlink to outside after the temp was written (right before the rename)', async () => {
    await expect(
      writeFileAtomicInCorpus(await named('sub/page.txt.jiaodui.json'), 'x', {
        beforeRename: async () => {
          await rename(path.join(root, 'sub'), path.join(base, 'moved'));
          await symlink(outside, path.join(root, 'sub'));
        },
      }),
    ).rejects.toMatchObject(outsideCode);
    expect(await readdir(outside)).toEqual(['page.txt']);
    // The temp went with the moved folder and was removed there; the page is untouched.
    expect(await readdir(path.join(base, 'moved'))).toEqual(['page.txt']);
  });

  it('refuses when the temporary file was replaced by another file before the rename', async () => {
    await expect(
      writeFileAtomicInCorpus(await named('sub/page.txt.jiaodui.json'), 'x', {
        beforeRename: async () => {
          const temp = (await readdir(path.join(root, 'sub'))).find((name) => name.endsWith('.tmp'))!;
          await rm(path.join(root, 'sub', temp));
          await symlink(path.join(outside, 'page.txt'), path.join(root, 'sub', temp));
        },
      }),
    ).rejects.toMatchObject(outsideCode);
    expect(await readFile(path.join(outside, 'page.txt'), 'utf8')).toBe('OUTSIDE');
    expect(await readdir(path.join(root, 'sub'))).not.toContain('page.txt.jiaodui.json');
  });

  it('removes a file by name, never the target of a link', async () => {
    await symlink(path.join(outside, 'page.txt'), path.join(root, 'sub', 'gone.jiaodui.json'));
    await removeInCorpus(await named('sub/gone.jiaodui.json'));
    await removeInCorpus(await named('sub/never-there.json'));
    expect(await readFile(path.join(outside, 'page.txt'), 'utf8')).toBe('OUTSIDE');
    expect(await readdir(path.join(root, 'sub'))).toEqual(['page.txt']);
    const folder = await openFolderInCorpus(root, 'sub');
    expect(folder.realPath).toBe(path.join(root, 'sub'));
    await folder.close();
  });
});

describe('export writes', () => {
  it('never writes through a symlink in the export folder that points into the corpus', async () => {
    const out = path.join(base, 'export');
    await mkdir(path.join(out, 'sub'), { recursive: true });
    await writeFile(path.join(root, 'sub', 'other.txt'), '别的原件');
    await symlink(path.join(root, 'sub', 'other.txt'), path.join(out, 'sub', 'page.txt'));
    const outcome = await runExport(root, exportRequest(['sub/page.txt']), out, { appVersion: '0.1.0' });
    // The file is written under a partial name and renamed over the link: the link is replaced, never followed.
    expect(outcome.ok && outcome.value.written).toBe(1);
    expect(await readFile(path.join(root, 'sub', 'other.txt'), 'utf8')).toBe('别的原件');
    expect((await lstat(path.join(out, 'sub', 'page.txt'))).isSymbolicLink()).toBe(false);
    expect(await readFile(path.join(out, 'sub', 'page.txt'), 'utf8')).toBe('页𠮷');
  });
});
