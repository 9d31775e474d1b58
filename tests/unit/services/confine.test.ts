import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveInCorpus } from '../../../electron/services/disk/confine';

let base: string;
let root: string;
beforeEach(async () => {
  base = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-confine-')));
  root = path.join(base, 'corpus');
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await writeFile(path.join(root, 'sub', 'page.txt'), '页');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function refused(rel: string) {
  const r = await resolveInCorpus(root, rel);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe('outside-corpus');
}

describe('resolveInCorpus', () => {
  it('resolves a page inside the corpus to its absolute path', async () => {
    expect(await resolveInCorpus(root, 'sub/page.txt')).toEqual({ ok: true, value: path.join(root, 'sub', 'page.txt') });
  });

  it('accepts a file that does not exist yet inside the corpus', async () => {
    const r = await resolveInCorpus(root, 'sub/page.txt.jiaodui.json');
    expect(r).toEqual({ ok: true, value: path.join(root, 'sub', 'page.txt.jiaodui.json') });
  });

  it('refuses ../../../.bashrc', () => refused('../../../.bashrc'));
  it('refuses /etc/passwd', () => refused('/etc/passwd'));
  it('refuses a Windows drive path', () => refused('C:\\x'));
  it('refuses a drive path with forward slashes', () => refused('C:/x'));
  it('refuses a UNC path', () => refused('\\\\server\\share\\x.txt'));
  it('refuses a/../../b', () => refused('a/../../b'));
  it('refuses a backslash traversal', () => refused('sub\\..\\..\\secret.txt'));
  it('refuses a NUL character', () => refused('sub/page.txt\0.png'));
  it('refuses an empty path', () => refused(''));

  it('refuses a symlink whose target leaves the corpus', async () => {
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
    await refused('link.txt');
  });

  it('refuses a path through a symlinked folder that leaves the corpus', async () => {
    await symlink(base, path.join(root, 'up'));
    await refused('up/secret.txt');
  });

  it('accepts a symlink that stays inside the corpus', async () => {
    await symlink(path.join(root, 'sub', 'page.txt'), path.join(root, 'alias.txt'));
    const r = await resolveInCorpus(root, 'alias.txt');
    expect(r.ok).toBe(true);
  });
});
