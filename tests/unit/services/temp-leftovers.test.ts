import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as validate } from '../../../electron/cli/commands/validate';
import { scanCorpus } from '../../../electron/services/corpus/corpus-scan';
import { corpusFile } from '../../../electron/services/disk/confined-fs';
import { tempNameFor, writeFileAtomicInCorpus } from '../../../electron/services/disk/confined-write';
import { findLeftoverTemps, lockNameOf, removeStaleTemps, STALE_TEMP_MS, tempTargetOf } from '../../../electron/services/disk/temp-leftovers';
import { openPage } from '../../../electron/services/page/open-page';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
  await corpus.put('a/p.txt', '页𠮷\n');
});
afterEach(async () => {
  await corpus.remove();
});

// A temporary file as a crashed save leaves it, `ageMs` old.
async function leftover(rel: string, target: string, ageMs: number): Promise<string> {
  const name = tempNameFor(target);
  const tempRel = rel === '' ? name : `${rel}/${name}`;
  const abs = await corpus.put(tempRel, '{"half":');
  const when = new Date(Date.now() - ageMs);
  await utimes(abs, when, when);
  return tempRel;
}

describe('leftover temporary files', () => {
  it('recognises exactly the names atomic writes use', () => {
    expect(tempTargetOf(tempNameFor('p.txt.jiaodui.json'))).toBe('p.txt.jiaodui.json');
    expect(tempTargetOf('.p.txt.jiaodui.json.0123456789ab.tmp')).toBe('p.txt.jiaodui.json');
    for (const name of ['p.txt.0123456789ab.tmp', '.p.txt.0123456789AB.tmp', '.p.txt.0123456789a.tmp', '.p.txt.0123456789ab.tmp.bak', 'notes.tmp', '..0123456789ab.tmp']) {
      expect(tempTargetOf(name)).toBeNull();
    }
  });

  it('calls a temp stale only when it is old and no lock file is beside its target', async () => {
    const old = await leftover('a', 'p.txt.jiaodui.json', STALE_TEMP_MS + 60_000);
    const recent = await leftover('a', 'q.txt.jiaodui.json', 10_000);
    const locked = await leftover('a', 'r.txt.jiaodui.json', STALE_TEMP_MS + 60_000);
    await corpus.put(`a/${lockNameOf('r.txt.jiaodui.json')}`, '');
    const found = await findLeftoverTemps(corpus.root, 'a');
    expect(found.map((t) => [t.rel, t.target, t.stale]).sort()).toEqual(
      [
        [old, 'a/p.txt.jiaodui.json', true],
        [recent, 'a/q.txt.jiaodui.json', false],
        [locked, 'a/r.txt.jiaodui.json', false],
      ].sort(),
    );
    expect(await removeStaleTemps(corpus.root, 'a')).toEqual([old]);
    expect((await readdir(path.join(corpus.root, 'a'))).sort()).toEqual([lockNameOf('r.txt.jiaodui.json'), 'p.txt', recent.slice(2), locked.slice(2)].sort());
  });

  it('never calls the temp of a save still running in this process stale', async () => {
    const file = await corpusFile(corpus.root, 'a/p.txt.jiaodui.json');
    if (!file.ok) throw new Error(file.error.message);
    let seen: Awaited<ReturnType<typeof findLeftoverTemps>> = [];
    await writeFileAtomicInCorpus(file.value, '{}', {
      beforeRename: async () => {
        // Even "an hour later", the live temp is not stale.
        seen = await findLeftoverTemps(corpus.root, 'a', { now: Date.now() + 3_600_000 });
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.stale).toBe(false);
  });

  it('opening a page removes the stale temps of its own sidecar only', async () => {
    const mine = await leftover('a', 'p.txt.jiaodui.json', STALE_TEMP_MS + 60_000);
    const other = await leftover('a', 'other.txt.jiaodui.json', STALE_TEMP_MS + 60_000);
    const opened = await openPage(corpus.root, 'a/p.txt');
    expect(opened.ok).toBe(true);
    const names = await readdir(path.join(corpus.root, 'a'));
    expect(names).not.toContain(mine.slice(2));
    expect(names).toContain(other.slice(2));
  });

  it('a corpus scan removes stale temps everywhere and lists them; validate only reports them with a count', async () => {
    await mkdir(path.join(corpus.root, 'b'));
    const stale = await leftover('b', 'x.txt.jiaodui.json', STALE_TEMP_MS + 60_000);
    const atRoot = await leftover('', 'jiaodui.tagset.json', STALE_TEMP_MS + 60_000);
    const recent = await leftover('a', 'p.txt.jiaodui.json', 1_000);

    const out: string[] = [];
    const code = await validate([corpus.root], { cwd: '/', stdout: (line) => out.push(line), stderr: () => undefined });
    expect(code).toBe(1);
    expect(out).toContain('3 temporary files of interrupted or running saves (2 stale):');
    expect(out.filter((line) => line.includes('interrupted save')).map((line) => line.split(':')[0]).sort()).toEqual([atRoot, stale].sort());
    expect(out.some((line) => line.startsWith(`${recent}: Temporary file of a save`))).toBe(true);
    expect(await readdir(path.join(corpus.root, 'b'))).toEqual([stale.slice(2)]);

    const scan = await scanCorpus(corpus.root);
    expect(scan.ok && scan.value.removedTemps.sort()).toEqual([atRoot, stale].sort());
    expect(await readdir(path.join(corpus.root, 'b'))).toEqual([]);
    expect(await readdir(path.join(corpus.root, 'a'))).toContain(recent.slice(2));
  });

  it('leaves a file that only looks like a temp but is a folder', async () => {
    await mkdir(path.join(corpus.root, 'a', tempNameFor('p.txt.jiaodui.json')));
    await writeFile(path.join(corpus.root, 'a', 'keep.txt'), 'k');
    expect(await findLeftoverTemps(corpus.root, 'a', { now: Date.now() + STALE_TEMP_MS * 2 })).toEqual([]);
  });
});
