import path from 'node:path';
import type { CorpusLockHolder } from '../../../shared/ipc/contract';
import { inspectLock, tryAcquireLock, type HeldLock, type LockHolder } from '../disk/lock-file';

/// The corpus lock's file name at the corpus root (dot-prefixed, so corpus scans skip it).
export const CORPUS_LOCK_NAME = '.jiaodui.lock';

/// How often the holder rewrites its lock to show it is still alive.
export const CORPUS_LOCK_REFRESH_MS = 30_000;

/// A corpus lock not refreshed for this long is stale, whoever holds it (a holder on this machine whose process
/// is gone is stale at once).
export const CORPUS_LOCK_STALE_MS = 5 * 60_000;

/// Who takes the lock, written into it.
export interface CorpusLockOwner {
  appVersion: string;
  shell: 'electron' | 'browser' | 'cli';
}

/// The outcome of opening a corpus for writing: the lock is ours, another program holds it, or the folder cannot
/// hold a lock file at all (a read-only folder; nothing can be written there anyway).
export type CorpusLockAttempt =
  | { kind: 'held'; lock: CorpusLock }
  | { kind: 'busy'; holder: CorpusLockHolder }
  | { kind: 'unlockable'; message: string };

/// Takes the lock of the corpus at `realRoot` (after realpath): `.jiaodui.lock` created exclusively at its root,
/// holding pid, host, app version, shell, and the times it was taken and last refreshed.
///
/// A stale lock (its process is gone on this machine, or it was not refreshed for CORPUS_LOCK_STALE_MS) is taken
/// over. The lock held is refreshed every `refreshMs` (the timer does not keep the process alive).
export async function acquireCorpusLock(realRoot: string, owner: CorpusLockOwner, options: { refreshMs?: number; staleAfterMs?: number } = {}): Promise<CorpusLockAttempt> {
  const file = corpusLockPathOf(realRoot);
  try {
    const attempt = await tryAcquireLock(file, { staleAfterMs: options.staleAfterMs ?? CORPUS_LOCK_STALE_MS, extra: { ...owner } });
    if (attempt.kind === 'acquired') return { kind: 'held', lock: new CorpusLock(realRoot, attempt.lock, options.refreshMs ?? CORPUS_LOCK_REFRESH_MS) };
    return { kind: 'busy', holder: holderOf(attempt.holder) };
  } catch (error) {
    return { kind: 'unlockable', message: (error as Error).message };
  }
}

/// The holder of the corpus's lock as the file says now, or null when there is no lock file.
export async function corpusLockHolder(realRoot: string): Promise<CorpusLockHolder | null> {
  const seen = await inspectLock(corpusLockPathOf(realRoot));
  return seen === null ? null : holderOf(seen.holder);
}

/// The path of the corpus lock file.
export function corpusLockPathOf(realRoot: string): string {
  return path.join(realRoot, CORPUS_LOCK_NAME);
}

/// A corpus lock this process holds: refreshed on a timer until released. `lost` turns true when a refresh or a
/// check finds the file is no longer ours (another program judged it stale and took it over).
export class CorpusLock {
  private timer: NodeJS.Timeout;
  private lostLock = false;

  constructor(
    readonly root: string,
    private readonly lock: HeldLock,
    refreshMs: number,
  ) {
    this.timer = setInterval(() => void this.refresh(), refreshMs);
    this.timer.unref();
  }

  /// True once the lock was found taken over.
  get lost(): boolean {
    return this.lostLock;
  }

  /// Whether the lock file is still ours (reads it); marks the lock lost when it is not.
  async verify(): Promise<boolean> {
    if (this.lostLock) return false;
    if (await this.lock.stillHeld()) return true;
    this.markLost();
    return false;
  }

  /// Rewrites the lock's `refreshed` time now; false (and lost) when it is no longer ours.
  async refresh(): Promise<boolean> {
    if (this.lostLock) return false;
    const refreshed = await this.lock.refresh().catch(() => true);
    if (!refreshed) this.markLost();
    return refreshed;
  }

  /// Stops refreshing and removes the lock file (if it is still ours).
  async release(): Promise<void> {
    clearInterval(this.timer);
    await this.lock.release();
  }

  private markLost(): void {
    this.lostLock = true;
    clearInterval(this.timer);
  }
}

function holderOf(holder: LockHolder | null): CorpusLockHolder {
  if (holder === null) return { host: 'unknown', pid: 0, since: '' };
  return {
    host: holder.host,
    pid: holder.pid,
    since: holder.started,
    ...(typeof holder.shell === 'string' ? { shell: holder.shell } : {}),
    ...(typeof holder.appVersion === 'string' ? { appVersion: holder.appVersion } : {}),
  };
}
