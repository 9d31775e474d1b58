import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../electron/services/disk/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the given content', async () => {
    const target = path.join(dir, 'a.json');
    await writeFileAtomic(target, '校对𠮷\n');
    expect(await readFile(target, 'utf8')).toBe('校对𠮷\n');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('fails without leaving a temporary file when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.json'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails and cleans up when the target is a folder', async () => {
    const target = path.join(dir, 'folder');
    await (await import('node:fs/promises')).mkdir(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('runs beforeRename after the temporary file is written, and aborts cleanly when it throws', async () => {
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'old');
    let seenTemp: string[] = [];
    await expect(
      writeFileAtomic(target, 'new 𠮷', {
        beforeRename: async () => {
          seenTemp = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
          throw new Error('changed meanwhile');
        },
      }),
    ).rejects.toThrow('changed meanwhile');
    expect(seenTemp).toHaveLength(1);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
    await writeFileAtomic(target, 'new 𠮷', { beforeRename: async () => undefined });
    expect(await readFile(target, 'utf8')).toBe('new 𠮷');
  });
});
