import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../electron/services/disk/map-limit';
import { withSidecarLock } from '../../../electron/services/page/sidecar-lock';
import { corpusFileInRealRoot, type CorpusFile } from '../../../electron/services/disk/confined-fs';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withSidecarLock', () => {
  it('runs tasks on the same sidecar one after another, even when one fails, and others in parallel', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`${name} start`);
      await tick(ms);
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'jiaodui-sidecar-lock-')));
    const file = (rel: string): CorpusFile => {
      const r = corpusFileInRealRoot(dir, rel);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const results = await Promise.allSettled([
      withSidecarLock(file('a.json'), task('a1', 30, true)),
      withSidecarLock(file('a.json'), task('a2', 1)),
      withSidecarLock(file('b.json'), task('b1', 1)),
    ]);
    // Every lock file is gone once its task has settled, failed or not.
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    // b1 ran while a1 was still running; a2 only after a1 had ended.
    expect(log.indexOf('b1 end')).toBeLessThan(log.indexOf('a1 end'));
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
  });
});

describe('mapLimit', () => {
  it('keeps the order of results and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await tick(ms);
      running--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
    expect(peak).toBe(2);
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
