import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUpToDateSync, newestMtimeSync } from '../../../scripts/build-steps';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-build-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeAt(file: string, seconds: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, 'x');
  await fs.utimes(file, seconds, seconds);
}

describe('build staleness check', () => {
  it('skips a step whose output is newer than every source file, however deep', async () => {
    await writeAt(path.join(dir, 'src', 'a', 'b', 'deep.ts'), 1000);
    // Folder times count too (a deleted source makes the output stale), and the folders were just created.
    await writeAt(path.join(dir, 'out', 'main.cjs'), Date.now() / 1000 + 60);
    expect(isUpToDateSync(path.join(dir, 'out', 'main.cjs'), [path.join(dir, 'src')])).toBe(true);
  });

  it('rebuilds when any source file changed after the output', async () => {
    await writeAt(path.join(dir, 'src', 'a', 'b', 'deep.ts'), 3000);
    await writeAt(path.join(dir, 'out', 'main.cjs'), 2000);
    expect(isUpToDateSync(path.join(dir, 'out', 'main.cjs'), [path.join(dir, 'src')])).toBe(false);
  });

  it('rebuilds when the output is missing', async () => {
    await writeAt(path.join(dir, 'src', 'x.ts'), 1000);
    expect(isUpToDateSync(path.join(dir, 'out', 'missing.cjs'), [path.join(dir, 'src')])).toBe(false);
  });

  it('ignores node_modules and dot-folders inside sources', async () => {
    await writeAt(path.join(dir, 'src', 'x.ts'), 1000);
    await writeAt(path.join(dir, 'src', 'node_modules', 'dep.js'), 9000);
    await writeAt(path.join(dir, 'src', '.cache', 'c'), 9000);
    await fs.utimes(path.join(dir, 'src'), 1000, 1000);
    expect(newestMtimeSync(path.join(dir, 'src'))).toBe(1000 * 1000);
  });
});
