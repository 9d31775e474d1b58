import type { BatchUndoOutcome } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/result';
import { corpusFileInRealRoot, removeInCorpus } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { currentSidecarHash } from '../page/sidecar-file';
import type { BatchJournals } from './journal';

/// Undoes the last batch replacement on the corpus at `realRoot`: each page gets back its sidecar from before.
///
/// A page is restored only when its sidecar is still exactly what the batch wrote (same hash); a page saved or
/// changed since is left alone and reported in plain words. A page that had no sidecar before loses the one the
/// batch created. The journal is then forgotten, so the next undo takes the batch before.
export async function undoLastBatch(realRoot: string, journals: BatchJournals, onProgress?: (done: number, total: number) => void): Promise<Result<BatchUndoOutcome>> {
  const journal = await journals.last(realRoot);
  if (journal === null) return fail('not-found', 'There is no batch replacement to undo in this corpus.');
  const restoredPages: string[] = [];
  const problems: BatchUndoOutcome['problems'] = [];
  for (const [done, page] of journal.pages.entries()) {
    onProgress?.(done, journal.pages.length);
    const sidecarAbs = corpusFileInRealRoot(realRoot, sidecarPathOf(page.path));
    if (!sidecarAbs.ok) {
      problems.push({ path: page.path, message: sidecarAbs.error.message });
      continue;
    }
    const hash = await currentSidecarHash(sidecarAbs.value);
    if (!hash.ok) {
      problems.push({ path: page.path, message: hash.error.message });
      continue;
    }
    if (hash.value !== page.afterHash) {
      problems.push({
        path: page.path,
        message:
          hash.value === null
            ? 'Its saved corrections were deleted after the batch, so it was not undone.'
            : 'Its saved corrections were changed after the batch (saved again or edited), so it was not undone; undo it by hand if needed.',
      });
      continue;
    }
    if (page.before === null) await removeInCorpus(sidecarAbs.value);
    else await writeFileAtomicInCorpus(sidecarAbs.value, Buffer.from(page.before, 'base64'));
    restoredPages.push(page.path);
  }
  onProgress?.(journal.pages.length, journal.pages.length);
  await journals.remove(journal.summary.id);
  const next = await journals.last(realRoot);
  return ok({ undone: journal.summary, restoredPages, problems, next: next?.summary ?? null });
}
