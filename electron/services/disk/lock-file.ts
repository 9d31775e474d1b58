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
/// An existing lock is taken over only when it is stale (`isStale`). Taking over is itself guarded by a second lock
/// file (`<file>.takeover`, created exclusively), so of several processes that judge the same lock stale only one
/// moves it aside, and only if it is still the very lock judged (same token); the new lock is then created
/// exclusively like any other, so exactly one process wins. Errors other than "exists" (a read-only folder) throw.
export async function tryAcquireLock(file: string, options: LockOptions): Promise<LockAttempt> {
  return acquireOnce(file, options, false);
}

// How long a takeover guard may exist before it is itself stale (its taker died within those milliseconds).
const TAKEOVER_STALE_MS = 10_000;

async function acquireOnce(file: string, options: LockOptions, isGuard: boolean): Promise<LockAttempt> {
  const now = options.now ?? Date.now;
  for (let attempt = 0; attempt < 3; attempt++) {
    const iso = new Date(now()).toISOString();
    const content: LockHolder = { ...options.extra, pid: process.pid, host: HOST, started: iso, refreshed: iso, token: randomBytes(12).toString('hex') };
    if (await createExclusive(file, content)) return { kind: 'acquired', lock: new HeldLock(file, content, options) };
    const seen = await inspectLock(file);
    // Released between our create and our look: try again.
    if (seen === null) continue;
    if (!isStale(seen.holder, seen.mtimeMs, now(), options.staleAfterMs)) return { kind: 'busy', holder: seen.holder };
    // A stale guard is simply moved aside (its taker died mid-takeover, a window of milliseconds).
    if (isGuard) await moveAsideIf(file, seen.id);
    else if (!(await takeOver(file, seen))) return { kind: 'busy', holder: seen.holder };
  }
  const last = await inspectLock(file);
  return { kind: 'busy', holder: last?.holder ?? null };
}

// Moves the stale lock `seen` aside while holding the takeover guard; false when another process is taking it over.
async function takeOver(file: string, seen: SeenLock): Promise<boolean> {
  const guard = await acquireOnce(`${file}.takeover`, { staleAfterMs: TAKEOVER_STALE_MS }, true);
  if (guard.kind !== 'acquired') return false;
  try {
    const current = await inspectLock(file);
    // Someone else replaced it meanwhile (and released the guard): judge again.
    if (current !== null && current.id !== seen.id) return true;
    if (current !== null) await moveAsideIf(file, seen.id);
    return true;
  } finally {
    await guard.lock.release();
  }
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
export async function inspectLock(file: string): Promise<SeenLock | null> {
  try {
    const info = await stat(file, { bigint: true });
    let holder: LockHolder | null = null;
    try {
      holder = parseHolder(await readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    }
    return { holder, mtimeMs: Number(info.mtimeMs), id: identityOf(holder, info) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/// A lock file as read: its holder (null when unreadable), when it was last written, and an identity that tells it
/// from any later lock file at the same path.
export interface SeenLock {
  holder: LockHolder | null;
  mtimeMs: number;
  id: string;
}

// The holder's token tells two locks apart; an unreadable file is told by inode, time and size. (The inode alone
// is not enough: a file system may give a deleted lock's inode to the very next lock created.)
function identityOf(holder: LockHolder | null, info: { dev: bigint; ino: bigint; mtimeNs: bigint; size: bigint }): string {
  return holder !== null ? `token:${holder.token}` : `file:${info.dev}:${info.ino}:${info.mtimeNs}:${info.size}`;
}

/// A lock this process holds. `release` gives it back; `stillHeld` tells whether the file is still ours (someone
/// may have judged it stale and taken it over); `refresh` rewrites it with a new `refreshed` time.
export class HeldLock {
  private released = false;
  /// The refresh being written, if any (release waits for it).
  private refreshing: Promise<boolean> | null = null;

  constructor(
    readonly file: string,
    private content: LockHolder,
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
    if (this.released) return false;
    const run = this.rewriteRefreshed();
    this.refreshing = run;
    try {
      return await run;
    } finally {
      if (this.refreshing === run) this.refreshing = null;
    }
  }

  private async rewriteRefreshed(): Promise<boolean> {
    if (!(await this.stillHeld())) return false;
    const now = this.options.now ?? Date.now;
    const next = { ...this.content, refreshed: new Date(now()).toISOString() };
    // Written beside it and renamed over it, so a reader never sees a half-written lock.
    const temp = path.join(path.dirname(this.file), `${path.basename(this.file)}.${randomBytes(6).toString('hex')}.refresh`);
    if (!(await createExclusive(temp, next))) return false;
    try {
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.content = next;
    return true;
  }

  /// Removes the lock file if it is still ours (moved aside first, and put back if it turned out to be another's).
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    // A refresh still running would rename its rewritten lock over the path after we removed it: let it land first.
    await this.refreshing?.catch(() => undefined);
    await moveAsideIf(this.file, `token:${this.content.token}`);
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

// Creates `file` exclusively with the holder as JSON; false when it exists already.
async function createExclusive(file: string, content: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(content));
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

// Renames `file` aside and deletes it when it is the lock with identity `id`; otherwise (someone replaced it in the
// meantime) puts it back without overwriting whatever may have taken its place since.
async function moveAsideIf(file: string, id: string): Promise<void> {
  const aside = path.join(path.dirname(file), `${path.basename(file)}.${randomBytes(6).toString('hex')}.stale`);
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await inspectLock(aside);
  if (moved !== null && moved.id !== id) {
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
