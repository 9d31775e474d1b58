import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFolders } from '../../../electron/harness/folders';
import { presentFolders } from '../../../renderer/desktop/present-folders';
import { failWith } from '../../../shared/errors/fail-with';

// The harness folder picker's recent list leaves out folders that are gone, like File → Open Recent.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-present-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the recent folders the harness picker offers', () => {
  it('keeps folders still there, in order, and leaves out gone ones and files (the real folder listing)', async () => {
    const a = path.join(dir, '报纸 𠮷');
    await mkdir(a);
    await writeFile(path.join(dir, 'file.txt'), 'x');
    const list = [path.join(dir, 'gone folder 已删除'), a, path.join(dir, 'file.txt'), dir];
    expect(await presentFolders(list, listFolders)).toEqual([a, dir]);
  });

  it('leaves out the corpus open now, and looks it up no more', async () => {
    const open = path.join(dir, '在用 𠮷');
    const other = path.join(dir, '其他');
    await mkdir(open);
    await mkdir(other);
    const asked: string[] = [];
    const list = async (folder: string) => {
      asked.push(folder);
      return listFolders(folder);
    };
    expect(await presentFolders([open, other], list, open)).toEqual([other]);
    expect(asked).toEqual([other]);
    // With none open, or another open, it stays in the list.
    expect(await presentFolders([open, other], listFolders, null)).toEqual([open, other]);
    expect(await presentFolders([open, other], listFolders, path.join(dir, 'elsewhere'))).toEqual([open, other]);
  });

  it('keeps a folder the listing fails on for another reason (choosing it says what is wrong)', async () => {
    const unreadable = async () => failWith('harness.folderUnreadable', {});
    expect(await presentFolders(['/x'], unreadable)).toEqual(['/x']);
  });
});
