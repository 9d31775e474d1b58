import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST, isStale, processAlive, tryAcquireLock, type HeldLock, type LockHolder } from '../../../electron/services/disk/lock-file';

let dir: string;
let file: string;
const options = { staleAfterMs: 60_000 };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jiaodui-lock-'));
  file = path.join(dir, '.x.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function acquired(): Promise<HeldLock> {
  const attempt = await tryAcquireLock(file, options);
  if (attempt.kind !== 'acquired') throw new Error('expected to get the lock');
  return attempt.lock;
}

// A pid that surely ran on this machine and has ended: a child that exited.
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

function lockJson(holder: Partial<LockHolder>): string {
  return JSON.stringify({ pid: process.pid, host: HOST, started: '2020-01-01T00:00:00.000Z', refreshed: '2020-01-01T00:00:00.000Z', token: 'other', ...holder });
}

async function age(ms: number): Promise<void> {
  const then = new Date(Date.now() - ms);
  await utimes(file, then, then);
}

describe('tryAcquireLock', () => {
  it('creates the lock exclusively: a second attempt finds it busy and learns the holder', async () => {
    const lock = await acquired();
    const written = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    expect(written).toMatchObject({ pid: process.pid, host: HOST });
    expect(written.token).toMatch(/^[0-9a-f]{24}$/);
    const second = await tryAcquireLock(file, options);
    expect(second.kind).toBe('busy');
    expect(second.kind === 'busy' && second.holder?.pid).toBe(process.pid);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
    const third = await acquired();
    await third.release();
  });

  it('writes extra fields (app version, shell) into the lock', async () => {
    const attempt = await tryAcquireLock(file, { ...options, extra: { appVersion: '1.2.3', shell: 'cli' } });
    expect(attempt.kind).toBe('acquired');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ appVersion: '1.2.3', shell: 'cli', pid: process.pid });
    if (attempt.kind === 'acquired') await attempt.lock.release();
  });

  it('takes over the lock of a process of this machine that has ended', async () => {
    await writeFile(file, lockJson({ pid: await deadPid() }));
    const lock = await acquired();
    expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
    // Nothing left beside it: the stale lock moved aside was deleted.
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves a fresh lock of a live process or another machine alone, and takes it over once it is older than the bound', async () => {
    await writeFile(file, lockJson({ host: 'elsewhere', pid: 1 }));
    expect((await tryAcquireLock(file, options)).kind).toBe('busy');
    await writeFile(file, lockJson({}));
    expect((await tryAcquireLock(file, options)).kind).toBe('busy');
    await age(61_000);
    const lock = await acquired();
    await lock.release();
  });

  it('judges an unreadable lock (being written, or damaged) by its age alone', async () => {
    await writeFile(file, '');
    const busy = await tryAcquireLock(file, options);
    expect(busy).toEqual({ kind: 'busy', holder: null });
    await age(61_000);
    const lock = await acquired();
    await lock.release();
  });

  it('lets exactly one of many racing attempts take over the same stale lock', async () => {
    for (let round = 0; round < 50; round++) {
      await writeFile(file, lockJson({ pid: 1, host: 'elsewhere' }));
      await age(120_000);
      const attempts = await Promise.all(Array.from({ length: 8 }, () => tryAcquireLock(file, options)));
      const winners = attempts.filter((a) => a.kind === 'acquired');
      expect(winners).toHaveLength(1);
      const winner = winners[0]!;
      if (winner.kind !== 'acquired') throw new Error('unreachable');
      expect(await winner.lock.stillHeld()).toBe(true);
      await winner.lock.release();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('fails with the file system error when no lock can be created (missing folder)', async () => {
    await expect(tryAcquireLock(path.join(dir, 'missing', '.x.lock'), options)).rejects.toThrow(/ENOENT/);
  });
});

describe('HeldLock', () => {
  it('refreshes: rewrites the refreshed time, keeps the token and start, and stays held', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const attempt = await tryAcquireLock(file, { ...options, now: () => clock });
    if (attempt.kind !== 'acquired') throw new Error('expected the lock');
    const before = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    clock += 30_000;
    expect(await attempt.lock.refresh()).toBe(true);
    const after = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    expect(after.token).toBe(before.token);
    expect(after.started).toBe('2030-01-01T00:00:00.000Z');
    expect(after.refreshed).toBe('2030-01-01T00:00:30.000Z');
    expect(await attempt.lock.stillHeld()).toBe(true);
    expect(await readdir(dir)).toEqual(['.x.lock']);
    await attempt.lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('notices a takeover: stillHeld and refresh are false, and release leaves the new holder\'s lock alone', async () => {
    const lock = await acquired();
    // Someone judged it stale and replaced it.
    await rm(file);
    await writeFile(file, lockJson({ token: 'successor' }));
    expect(await lock.stillHeld()).toBe(false);
    expect(await lock.refresh()).toBe(false);
    await lock.release();
    expect(JSON.parse(await readFile(file, 'utf8')).token).toBe('successor');
  });

  it('a release during a refresh leaves no lock behind: the refresh lands first, then the lock goes', async () => {
    // The release comes at a different point of the refresh each round (after 0 to 39 turns of the event loop).
    for (let round = 0; round < 40; round++) {
      const lock = await acquired();
      const refreshing = lock.refresh();
      for (let turn = 0; turn < round; turn++) await new Promise((resolve) => setImmediate(resolve));
      await lock.release();
      await refreshing;
      expect(await readdir(dir)).toEqual([]);
      // Released: a later refresh writes nothing.
      expect(await lock.refresh()).toBe(false);
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('releases synchronously (the exit hook) only a lock that is still its own', async () => {
    const lock = await acquired();
    lock.releaseSync();
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    const other = await acquired();
    lock.releaseSync();
    expect(await other.stillHeld()).toBe(true);
    await other.release();
  });

  it('is removed when the process holding it exits without releasing it', async () => {
    const script = `import { tryAcquireLock } from ${JSON.stringify(path.resolve('electron/services/disk/lock-file.ts'))};
const a = await tryAcquireLock(${JSON.stringify(file)}, { staleAfterMs: 60000 });
console.log(a.kind);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out.trim()).toBe('acquired');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('isStale and processAlive', () => {
  it('tells live and ended processes apart', async () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(await deadPid())).toBe(false);
    expect(processAlive(0)).toBe(false);
  });

  it('is stale for a dead holder on this machine at once, otherwise only past the bound', async () => {
    const now = Date.now();
    const holder = JSON.parse(lockJson({})) as LockHolder;
    expect(isStale({ ...holder, pid: await deadPid() }, now, now, 60_000)).toBe(true);
    expect(isStale(holder, now - 59_000, now, 60_000)).toBe(false);
    expect(isStale(holder, now - 61_000, now, 60_000)).toBe(true);
    // Another machine's process cannot be checked: only its age counts.
    expect(isStale({ ...holder, host: 'elsewhere', pid: 999_999 }, now, now, 60_000)).toBe(false);
    expect(isStale(null, now - 61_000, now, 60_000)).toBe(true);
  });
});
