import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existingFolders, isFolder, openRecentFolder, type RecentOpenHost } from '../../../electron/recent-folders';

// File → Open Recent leaves out folders that are gone, and will not open one that went after the menu was built.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeHost(exists: (folder: string) => Promise<boolean>) {
  const seen = { opened: [] as string[], notices: [] as { title: string; message: string; detail: string }[], refreshed: 0 };
  const host: RecentOpenHost = {
    exists,
    open: (folder) => void seen.opened.push(folder),
    notify: async (text) => void seen.notices.push(text),
    refreshMenu: () => void seen.refreshed++,
  };
  return { host, seen };
}

describe('the recent folders Open Recent lists', () => {
  it('keeps the folders still on disk, in their order, and leaves out gone ones and files', async () => {
    const a = path.join(dir, '报纸 𠮷 1950');
    const b = path.join(dir, 'b');
    await mkdir(a);
    await mkdir(b);
    await writeFile(path.join(dir, 'file.txt'), 'x');
    const list = [b, path.join(dir, 'gone'), a, path.join(dir, 'file.txt')];
    expect(await existingFolders(list)).toEqual([b, a]);
    expect(await existingFolders([])).toEqual([]);
    expect(await isFolder(a)).toBe(true);
    expect(await isFolder(path.join(dir, 'gone', 'deeper'))).toBe(false);
  });

  it('treats a folder it cannot look at as gone', async () => {
    const list = ['/a', '/b', '/c'];
    expect(await existingFolders(list, async (folder) => folder !== '/b')).toEqual(['/a', '/c']);
  });
});

describe('opening a folder from Open Recent', () => {
  it('opens a folder that is there, with no notice and no rebuild', async () => {
    const { host, seen } = fakeHost(isFolder);
    expect(await openRecentFolder(dir, 'en', host)).toBe(true);
    expect(seen).toEqual({ opened: [dir], notices: [], refreshed: 0 });
  });

  it('does not open a folder gone since the menu was built: says so in the UI language and rebuilds the menu', async () => {
    const gone = path.join(dir, '旧的 𠮷');
    await mkdir(gone);
    await rm(gone, { recursive: true });
    for (const [language, words] of [['en', /no longer exists/], ['zh-CN', /已不存在/]] as const) {
      const { host, seen } = fakeHost(isFolder);
      expect(await openRecentFolder(gone, language, host)).toBe(false);
      expect(seen.opened).toEqual([]);
      expect(seen.refreshed).toBe(1);
      expect(seen.notices).toHaveLength(1);
      expect(seen.notices[0]!.message).toMatch(words);
      expect(seen.notices[0]!.message).toContain(gone);
      expect(seen.notices[0]!.detail.length).toBeGreaterThan(10);
    }
  });
});
