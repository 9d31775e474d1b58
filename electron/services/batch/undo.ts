import type { BatchUndoOutcome } from '../../../shared/ipc/contract';
import { problemOf, worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';
import { problemWithReason } from '../../../shared/errors/with-reason';
import { osReason } from '../../../shared/errors/os-reason';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { corpusFileInRealRoot, removeInCorpus, type CorpusFile } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { asOwnWrite } from '../disk/own-writes';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { readSidecarSnapshot, sidecarIdentityNow } from '../page/sidecar-snapshot';
import type { BatchJournals, JournalPage } from './journal';
import { lockBusyReason, SidecarLockBusy, withSidecarLock, type SidecarLockGuard } from '../page/sidecar-lock';

/// Undoes the last batch replacement on the corpus at `realRoot`: each page gets back its sidecar from before.
///
/// A page is restored only when its sidecar is still exactly what the batch wrote (same hash); a page saved or
/// changed since is left alone and reported in plain words. A page that had no sidecar before loses the one the
/// batch created. The journal is then forgotten, so the next undo takes the batch before.
export async function undoLastBatch(realRoot: string, journals: BatchJournals, onProgress?: (done: number, total: number) => void): Promise<Result<BatchUndoOutcome>> {
  const journal = await journals.last(realRoot);
  if (journal === null) return failWith('batch.nothingToUndo');
  const restoredPages: string[] = [];
  const problems: BatchUndoOutcome['problems'] = [];
  for (const [done, page] of journal.pages.entries()) {
    onProgress?.(done, journal.pages.length);
    const sidecarAbs = corpusFileInRealRoot(realRoot, sidecarPathOf(page.path));
    if (!sidecarAbs.ok) {
      problems.push(problemOf(page.path, sidecarAbs.error));
      continue;
    }
    // Checked and restored under the sidecar lock, so a save by another process cannot slip in between.
    const problem = await withSidecarLock(sidecarAbs.value, (guard) => restorePage(sidecarAbs.value, page, guard)).catch((error: unknown) =>
      error instanceof SidecarLockBusy
        ? problemWithReason(page.path, 'batch.undoBusy', {}, lockBusyReason(error), error.message)
        : problemWithReason(page.path, 'batch.undoFailed', {}, osReason(error), (error as Error).message),
    );
    if (problem !== null) {
      problems.push('path' in problem ? problem : { path: page.path, ...problem });
      continue;
    }
    restoredPages.push(page.path);
  }
  onProgress?.(journal.pages.length, journal.pages.length);
  await journals.remove(journal.summary.id);
  const next = await journals.last(realRoot);
  return ok({ undone: journal.summary, restoredPages, problems, next: next?.summary ?? null });
}

const CHANGED_SINCE = worded('batch.changedSince');

// Puts back one page's sidecar from before the batch if it is still exactly what the batch wrote; returns why not.
// The last check before the rename (or removal) is synchronous and the change follows at once (see save-page.ts).
async function restorePage(sidecarAbs: CorpusFile, page: JournalPage, guard: SidecarLockGuard): Promise<Worded | null> {
  let identity: string | null = null;
  const unchanged = async (): Promise<Worded | null> => {
    const seen = await readSidecarSnapshot(sidecarAbs);
    if (!seen.ok) return wordedOfError(seen.error);
    if (seen.value === null) return worded('batch.deletedSince');
    identity = seen.value.identity;
    return seen.value.hash === page.afterHash ? null : CHANGED_SINCE;
  };
  const problem = await unchanged();
  if (problem !== null) return problem;
  if (page.before === null) {
    await guard.assertHeld();
    const last = await unchanged();
    if (last !== null) return last;
    if (sidecarIdentityNow(sidecarAbs.abs) !== identity) return CHANGED_SINCE;
    await asOwnWrite(sidecarAbs.abs, () => removeInCorpus(sidecarAbs));
    return null;
  }
  let late: Worded | null = null;
  try {
    const before = page.before;
    await asOwnWrite(sidecarAbs.abs, () => writeFileAtomicInCorpus(sidecarAbs, Buffer.from(before, 'base64'), {
      beforeRename: async () => {
        await guard.assertHeld();
        late = await unchanged();
        if (late !== null) throw new Error(late.message);
      },
      lastCheck: () => {
        if (sidecarIdentityNow(sidecarAbs.abs) !== identity) {
          late = CHANGED_SINCE;
          throw new Error(late.message);
        }
      },
    }));
  } catch (error) {
    if (late !== null) return late;
    throw error;
  }
  return null;
}
