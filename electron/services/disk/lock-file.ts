import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/// What a lock file says about its holder (JSON). `extra` fields (app version, shell) ride along.
export interface LockHolder {
  pid: number;
  host: string;
  /// When the lock was taken (ISO time).
  started: string;
  /// When the holder last said it is still alive (ISO time); equal to `started` for locks that are not refreshed.
  refreshed: string;
  /// A random value only the holder knows, so it can tell its own lock from a successor's.
  token: string;
  [extra: string]: unknown;
}

/// How a lock file is judged and written.
export interface LockOptions {
  /// A lock whose file was last written longer ago than this is stale, whoever holds it.
  staleAfterMs: number;
  /// Fields written into the lock besides pid, host, times and token.
  extra?: Record<string, unknown>;
  /// The clock (tests).
  now?: () => number;
}

/// The outcome of one attempt to take a lock: taken, or held by someone else (null when the file is unreadable,
/// e.g. being written this instant).
export type LockAttempt = { kind: 'acquired'; lock: HeldLock } | { kind: 'busy'; holder: LockHolder | null };

/// This machine's name as written into lock files.
export const HOST = hostname();

// Locks this process holds, removed synchronously if the process exits without releasing them.
const held = new Set<HeldLock>();
let exitHookInstalled = false;

/// Tries once to take the lock file `file`: created exclusively (`wx`) with the holder's pid, host and times.
///
/// An existing lock is taken over only when it is stale (`isStale`): it is first renamed aside, and only when the
/// file moved is the very one judged stale (same device and inode) is a new lock created, again exclusively. Two
/// processes racing to take over the same stale lock therefore cannot both win, and a fresh lock moved aside by
/// mistake is put back (with `link`, which never overwrites). Errors other than "exists" (a read-only folder) throw.
export async function tryAcquireLock(file: string, options: LockOptions): Promise<LockAttempt> {
  const now = options.now ?? Date.now;
  for (let attempt = 0; attempt < 3; attempt++) {
    const iso = new Date(now()).toISOString();
    const content: LockHolder = { ...options.extra, pid: process.pid, host: HOST, started: iso, refreshed: iso, token: randomBytes(12).toString('hex') };
    const created = await createExclusive(file, content);
    if (created !== null) return { kind: 'acquired', lock: new HeldLock(file, content, created, options) };
    const seen = await inspectLock(file);
    // Released between our create and our look: try again.
    if (seen === null) continue;
    if (!isStale(seen.holder, seen.mtimeMs, now(), options.staleAfterMs)) return { kind: 'busy', holder: seen.holder };
    await moveAsideIf(file, seen.id);
  }
  const last = await inspectLock(file);
  return { kind: 'busy', holder: last?.holder ?? null };
}

/// True when a lock can be taken over: its holder is a process of this machine that no longer runs, or the file was
/// not written for longer than `staleAfterMs` (a holder on another machine, an unreadable file, or a pid reused).
export function isStale(holder: LockHolder | null, mtimeMs: number, nowMs: number, staleAfterMs: number): boolean {
  if (holder !== null && holder.host === HOST && !processAlive(holder.pid)) return true;
  return nowMs - mtimeMs > staleAfterMs;
}

/// Whether a process with this id runs on this machine (signal 0 checks without sending anything).
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/// Reads a lock file's holder and identity, or null when there is none. The holder is null when the file cannot
/// be parsed (being written, or damaged); it is then judged by its age alone.
export async function inspectLock(file: string): Promise<{ holder: LockHolder | null; mtimeMs: number; id: string } | null> {
  try {
    const info = await stat(file, { bigint: true });
    let holder: LockHolder | null = null;
    try {
      holder = parseHolder(await readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    }
    return { holder, mtimeMs: Number(info.mtimeMs), id: `${info.dev}:${info.ino}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/// A lock this process holds. `release` gives it back; `stillHeld` tells whether the file is still ours (someone
/// may have judged it stale and taken it over); `refresh` rewrites it with a new `refreshed` time.
export class HeldLock {
  private released = false;

  constructor(
    readonly file: string,
    private content: LockHolder,
    private id: string,
    private readonly options: LockOptions,
  ) {
    held.add(this);
    installExitHook();
  }

  /// What the lock file says (pid, host, times and extra fields).
  get holder(): LockHolder {
    return this.content;
  }

  /// True while the lock file is still the one this holder wrote (same token).
  async stillHeld(): Promise<boolean> {
    if (this.released) return false;
    const seen = await inspectLock(this.file);
    return seen?.holder?.token === this.content.token;
  }

  /// Rewrites the lock with the current time as `refreshed` (keeping it fresh for other processes); false, and
  /// nothing written, when the lock is no longer ours.
  async refresh(): Promise<boolean> {
    if (!(await this.stillHeld())) return false;
    const now = this.options.now ?? Date.now;
    const next = { ...this.content, refreshed: new Date(now()).toISOString() };
    // Written beside it and renamed over it, so a reader never sees a half-written lock.
    const temp = path.join(path.dirname(this.file), `${path.basename(this.file)}.${randomBytes(6).toString('hex')}.refresh`);
    const id = await createExclusive(temp, next);
    if (id === null) return false;
    try {
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.content = next;
    this.id = id;
    return true;
  }

  /// Removes the lock file if it is still ours (moved aside first, and put back if it turned out to be another's).
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    await moveAsideIf(this.file, this.id);
  }

  /// The synchronous release used when the process exits.
  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    try {
      if (parseHolder(readFileSync(this.file, 'utf8'))?.token === this.content.token) rmSync(this.file, { force: true });
    } catch {
      // Gone already, or unreadable: nothing of ours to remove.
    }
  }
}

// Creates `file` exclusively with the holder as JSON; returns its identity, or null when it exists already.
async function createExclusive(file: string, content: LockHolder): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(content));
    const info = await handle.stat({ bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// Renames `file` aside and deletes it when it is the file with identity `id`; otherwise (someone replaced it in the
// meantime) puts it back without overwriting whatever may have taken its place since.
async function moveAsideIf(file: string, id: string): Promise<void> {
  const aside = path.join(path.dirname(file), `${path.basename(file)}.${randomBytes(6).toString('hex')}.stale`);
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const info = await stat(aside, { bigint: true });
  if (`${info.dev}:${info.ino}` !== id) {
    try {
      await link(aside, file);
    } catch (error) {
      // EEXIST: a newer lock took the place; the moved one's holder finds it lost. Without hard links, rename back.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rename(aside, file).catch(() => undefined);
    }
  }
  await rm(aside, { force: true });
}

function parseHolder(text: string): LockHolder | null {
  try {
    const data = JSON.parse(text) as Partial<LockHolder> | null;
    if (typeof data?.pid !== 'number' || typeof data.host !== 'string' || typeof data.token !== 'string') return null;
    const started = typeof data.started === 'string' ? data.started : '';
    return { ...data, pid: data.pid, host: data.host, token: data.token, started, refreshed: typeof data.refreshed === 'string' ? data.refreshed : started };
  } catch {
    return null;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lock of [...held]) lock.releaseSync();
  });
}
