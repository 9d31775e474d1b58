import path from 'node:path';
import { reason, type Reason } from '../../../shared/errors/reasons';
import { openFolderInCorpus, type CorpusFile } from '../disk/confined-fs';
import { tryAcquireLock, type HeldLock, type LockHolder } from '../disk/lock-file';

// Every write of a sidecar (saving a page, batch replace and undo, corpus propagation and its undo) goes through
// this lock, so two writers cannot both pass the "sidecar unchanged" check and the second overwrite the first.
// Two layers: a queue per sidecar inside this process, then a lock file beside the sidecar shared by every process
// (another app window, the browser harness, the command line).
const queues = new Map<string, Promise<unknown>>();

/// A sidecar lock file older than this is stale even when its holder seems alive (a save holds it for a second or
/// two at most: everything slow is done before the lock is taken).
export const SIDECAR_LOCK_STALE_MS = 2 * 60_000;

/// How long a writer waits for another process's sidecar lock before giving up.
export const SIDECAR_LOCK_WAIT_MS = 20_000;

/// The lock file of a sidecar: `.<sidecar name>.lock` beside it (dot-prefixed, so corpus scans skip it).
export function sidecarLockPathOf(sidecarAbs: string): string {
  return path.join(path.dirname(sidecarAbs), `.${path.basename(sidecarAbs)}.lock`);
}

/// What the work under the lock can ask: whether the lock file is still its own (check right before a rename).
export interface SidecarLockGuard {
  /// Throws SidecarLockLost when another process has taken the lock over (this one was judged stale).
  assertHeld(): Promise<void>;
}

/// Another process held the sidecar's lock for longer than the wait.
export class SidecarLockBusy extends Error {
  constructor(readonly holder: LockHolder | null) {
    super(
      holder
        ? `Another program (process ${holder.pid} on ${holder.host}) is writing this sidecar right now.`
        : 'Another program is writing this sidecar right now.',
    );
    this.name = 'SidecarLockBusy';
  }
}

/// Why a sidecar's lock is busy, as a reason (who holds it, when its lock file says).
export function lockBusyReason(busy: SidecarLockBusy): Reason {
  return busy.holder ? reason('lock.busy', { pid: busy.holder.pid, host: busy.holder.host }) : reason('lock.busyUnknown');
}

/// The sidecar lock was taken over by another process while this one held it.
export class SidecarLockLost extends Error {
  constructor() {
    super('The sidecar lock was taken over by another program.');
    this.name = 'SidecarLockLost';
  }
}

/// Runs `work` holding the sidecar's lock: after every earlier task of this process for the same sidecar has
/// settled, and while holding the lock file beside it. The lock file is created, refreshed and removed through the
/// sidecar's verified folder (see openFolderInCorpus), so a folder swapped for a symlink cannot put it outside the
/// corpus.
///
/// Tasks for different sidecars run in parallel. Waits up to `waitMs` for a lock held by another process, polling,
/// then throws SidecarLockBusy; stale locks (dead holder on this machine, or older than SIDECAR_LOCK_STALE_MS) are
/// taken over. The lock file is removed when `work` settles.
export async function withSidecarLock<T>(
  sidecar: CorpusFile,
  work: (guard: SidecarLockGuard) => Promise<T>,
  options: { waitMs?: number } = {},
): Promise<T> {
  const key = sidecar.abs;
  const run = (queues.get(key) ?? Promise.resolve()).then(() => withLockFile(sidecar, work, options.waitMs ?? SIDECAR_LOCK_WAIT_MS));
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  try {
    return await run;
  } finally {
    if (queues.get(key) === settled) queues.delete(key);
  }
}

async function withLockFile<T>(sidecar: CorpusFile, work: (guard: SidecarLockGuard) => Promise<T>, waitMs: number): Promise<T> {
  const slash = sidecar.rel.lastIndexOf('/');
  const folder = await openFolderInCorpus(sidecar.realRoot, slash < 0 ? null : sidecar.rel.slice(0, slash));
  try {
    return await withLockFileIn(folder.entry(path.basename(sidecarLockPathOf(sidecar.abs))), work, waitMs);
  } finally {
    await folder.close();
  }
}

async function withLockFileIn<T>(lockPath: string, work: (guard: SidecarLockGuard) => Promise<T>, waitMs: number): Promise<T> {
  const lock = await acquire(lockPath, waitMs);
  const guard: SidecarLockGuard = {
    assertHeld: async () => {
      if (!(await lock.stillHeld())) throw new SidecarLockLost();
    },
  };
  try {
    return await work(guard);
  } finally {
    await lock.release();
  }
}

async function acquire(file: string, waitMs: number): Promise<HeldLock> {
  const deadline = Date.now() + waitMs;
  let pause = 5;
  for (;;) {
    const attempt = await tryAcquireLock(file, { staleAfterMs: SIDECAR_LOCK_STALE_MS });
    if (attempt.kind === 'acquired') return attempt.lock;
    if (Date.now() >= deadline) throw new SidecarLockBusy(attempt.holder);
    // A little randomness keeps two waiting processes from polling in step.
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    pause = Math.min(pause * 2, 100);
  }
}
