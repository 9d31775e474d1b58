import type { BatchReplaceOutcome, BatchReplaceRequest, BatchSummary } from '../../../shared/ipc/contract';
import { problemOf, problemWith, type WordedProblem } from '../../../shared/errors/fail-with';
import { mapSpansThroughCorrections } from '../../../shared/entities/spans';
import type { Correction, RejectedCorrection, RejectedEntity, Sidecar } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { problemWithReason } from '../../../shared/errors/with-reason';
import { osReason } from '../../../shared/errors/os-reason';
import { technicalReason } from '../../../shared/errors/reasons';
import { unusableReason } from '../page/sidecar-file';
import { savePage } from '../page/save-page';
import { arrangeText } from '../../../shared/model/moves';
import { correctionsAfterBatch } from './batch-corrections';
import { BatchJournals, type JournalPage } from './journal';
import { readPageOnDiskSync } from '../page/page-on-disk';
import { planPageReplacement, shiftPlace } from '../../../shared/batch/plan-page';
import { compileQuery } from '../../../shared/batch/query';
import { findMatches } from './find-matches';

/// What a batch replacement needs besides the request.
export interface ReplaceContext {
  /// The corpus root after realpath.
  realRoot: string;
  appVersion: string;
  journals: BatchJournals;
  onProgress?(done: number, total: number): void;
  now?(): Date;
}

/// Replaces the ticked hits of a batch search, page by page, and journals the batch so it can be undone at once.
///
/// Each page is read again and must have the version the search saw; pages whose sidecar cannot be used are
/// refused. The new corrected text is saved through `savePage` (atomic write, sidecar-hash check, corrections
/// recomputed against the original, line origins), with entity spans and rejected suggestions carried through
/// the change. Problems with single pages are collected; the other pages still change.
export async function replaceInCorpus(context: ReplaceContext, request: BatchReplaceRequest): Promise<Result<BatchReplaceOutcome>> {
  const query = compileQuery(request.query);
  if (!query.ok) return query;
  const now = context.now ?? (() => new Date());
  const problems: BatchReplaceOutcome['problems'] = [];
  const journal: JournalPage[] = [];
  const changedPages: string[] = [];
  let replaced = 0;
  const total = request.pages.length;
  for (const [done, item] of request.pages.entries()) {
    context.onProgress?.(done, total);
    const page = readPageOnDiskSync(context.realRoot, item.path);
    if ('message' in page) {
      problems.push(page);
      continue;
    }
    if (page.texts.version !== item.version) {
      problems.push(problemWith(item.path, 'batch.pageChanged'));
      continue;
    }
    if (page.sidecar.kind === 'unusable') {
      problems.push(problemWithReason(item.path, 'batch.blocked', {}, unusableReason(page.sidecar), page.sidecar.message));
      continue;
    }
    if (page.texts.blocked !== null) {
      problems.push(problemWithReason(item.path, 'batch.blocked', {}, technicalReason(page.texts.blocked)));
      continue;
    }
    const plan = planPageReplacement(page.texts, request.query.scope, query.value, item.hits, findMatches);
    if (!plan.ok) {
      problems.push(problemOf(item.path, plan.error));
      continue;
    }
    const notes: WordedProblem[] = [];
    if (plan.value.alreadyCorrected > 0) notes.push(problemWith(item.path, 'batch.alreadyCorrected', { count: plan.value.alreadyCorrected }));
    if (plan.value.edits.length > 0) {
      const previous = page.sidecar.kind === 'usable' ? page.sidecar.sidecar : null;
      const carried = carryThrough(previous, plan.value.edits, plan.value.text);
      if (carried.removedEntities > 0) notes.push(problemWith(item.path, 'batch.entitiesRemoved', { count: carried.removedEntities }));
      const corrections = await correctionsAfterBatch(arrangedOriginal(page.texts.original, previous), plan.value.text, plan.value.edits, previous?.corrections ?? []);
      if (!corrections.ok) {
        problems.push(problemOf(item.path, corrections.error));
        continue;
      }
      const saved = await savePage(
        context.realRoot,
        {
          path: item.path,
          text: plan.value.text,
          status: previous?.status ?? 'unreviewed',
          entities: carried.entities,
          // The saved corrections are on the original arranged by the saved moves, which the save keeps.
          corrections: corrections.value,
          rejectedEntities: carried.rejectedEntities,
          rejectedCorrections: carried.rejectedCorrections,
          sourceSha256: page.texts.sourceSha256,
          expectedSidecarHash: page.texts.sidecarHash,
        },
        context.appVersion,
        now,
      );
      if (!saved.ok) {
        problems.push(problemOf(item.path, saved.error));
        continue;
      }
      journal.push({ path: item.path, before: page.sidecarBytes?.toString('base64') ?? null, afterHash: saved.value.sidecarHash });
      changedPages.push(item.path);
      replaced += plan.value.edits.length;
    }
    for (const note of notes) problems.push(note);
    if (done % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
  }
  context.onProgress?.(total, total);

  let batch: BatchSummary | null = null;
  if (journal.length > 0) {
    batch = {
      id: BatchJournals.newId(now()),
      at: now().toISOString(),
      pattern: request.query.pattern,
      replacement: request.query.replacement,
      pages: journal.length,
      replaced,
    };
    try {
      await context.journals.add({ summary: batch, root: context.realRoot, pages: journal });
    } catch (error) {
      // The pages are changed; only the undo is lost. Say so rather than pretend it can be undone.
      problems.push(problemWithReason('', 'batch.undoNotWritten', {}, osReason(error), (error as Error).message));
      batch = null;
    }
  }
  return changedPages.length === 0 && problems.length === 0 && request.pages.length > 0
    ? failWith('batch.nothingChanges')
    : ok({ batch, changedPages, replaced, problems });
}

interface Carried {
  entities: Sidecar['entities'];
  rejectedEntities: RejectedEntity[];
  rejectedCorrections: RejectedCorrection[];
  removedEntities: number;
}

// Entity spans move with the change (and go when all their text was replaced); rejected suggestions keep their
// place when the batch did not touch it, and are dropped when it did, since what was rejected is gone.
function carryThrough(previous: Sidecar | null, edits: readonly Correction[], text: string): Carried {
  if (previous === null) return { entities: [], rejectedEntities: [], rejectedCorrections: [], removedEntities: 0 };
  const mapped = mapSpansThroughCorrections(previous.entities, edits, text);
  const rejectedEntities: RejectedEntity[] = [];
  for (const r of previous.rejectedEntities) {
    if (r.start === undefined || r.end === undefined) {
      rejectedEntities.push(r);
      continue;
    }
    const place = shiftPlace(r.start, r.end, edits);
    if (place) rejectedEntities.push({ ...r, ...place });
  }
  const rejectedCorrections: RejectedCorrection[] = [];
  for (const r of previous.rejectedCorrections) {
    const place = shiftPlace(r.start, r.end, edits);
    if (place) rejectedCorrections.push({ ...r, ...place });
  }
  return { entities: mapped.spans, rejectedEntities, rejectedCorrections, removedEntities: mapped.removed.length };
}

// The original in the saved reading order (the saved moves applied); the original itself without usable ones.
function arrangedOriginal(original: string, sidecar: Sidecar | null): string {
  const arranged = arrangeText(original, sidecar?.moves ?? []);
  return arranged.ok ? arranged.value : original;
}
