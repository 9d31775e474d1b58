import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { removeInCorpus } from '../disk/confined-fs';
import type { PropagationApplyRequest, PropagationPageOutcome } from '../../../shared/ipc/contract';
import type { EntitySpan } from '../../../shared/model/sidecar-schema';
import { ok, type AppError, type Result } from '../../../shared/result';
import { failWith, worded, wordedOfError, type Worded } from '../../../shared/errors/fail-with';
import { CodePointIndex } from '../../../shared/text/codepoints';
import { readPageForPropagation } from './propagation-preview';
import { savePage } from '../page/save-page';
import { asOwnWrite } from '../disk/own-writes';
import { readSidecarState } from '../page/sidecar-file';
import { readSidecarSnapshot, sidecarIdentityNow } from '../page/sidecar-snapshot';
import { SidecarLockBusy, withSidecarLock } from '../page/sidecar-lock';

/// What apply did to one page, kept so that undo can remove exactly those spans.
export interface AppliedPage {
  path: string;
  sourceSha256: string;
  /// The sidecar's hash right after apply wrote it: undo refuses the page if it is not that any more.
  sidecarHashAfter: string;
  addedIds: string[];
  /// True when the page had no sidecar and apply created it; undo then removes the file.
  createdSidecar: boolean;
}

/// The outcome of applying propagation: per page, and the record undo needs.
export interface ApplyResult {
  pages: PropagationPageOutcome[];
  added: number;
  applied: AppliedPage[];
}

/// Adds a span of `request.type` for each requested occurrence of `request.text`, one page at a time, each
/// page's sidecar written atomically through the page save (so the same checks apply).
///
/// A page is refused as a whole when its file or sidecar changed since the preview (hashes differ), its sidecar
/// is unusable, or a requested place no longer quotes the text; the other pages still get their spans. A place
/// already tagged with exactly that extent is left as it is. A page without a sidecar gets a new one (the original
/// text, no corrections, status unreviewed).
export async function applyCorpusPropagation(
  root: string,
  request: PropagationApplyRequest,
  appVersion: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<ApplyResult>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  const needle = request.text.normalize('NFC');
  const result: ApplyResult = { pages: [], added: 0, applied: [] };
  for (const [i, wanted] of request.pages.entries()) {
    onProgress?.(i, request.pages.length);
    const outcome = await applyToPage(realRoot, wanted, needle, request.type, appVersion);
    if (outcome.kind === 'refused') {
      result.pages.push({ path: wanted.path, outcome: 'refused', spans: 0, ...outcome.why });
      continue;
    }
    result.pages.push({ path: wanted.path, outcome: 'done', spans: outcome.applied?.addedIds.length ?? 0, ...(outcome.applied ? { message: null } : worded('propagation.alreadyTagged')) });
    if (outcome.applied) {
      result.applied.push(outcome.applied);
      result.added += outcome.applied.addedIds.length;
    }
  }
  onProgress?.(request.pages.length, request.pages.length);
  return ok(result);
}

type PageApply = { kind: 'done'; applied: AppliedPage | null } | { kind: 'refused'; why: Worded };

async function applyToPage(
  realRoot: string,
  wanted: PropagationApplyRequest['pages'][number],
  needle: string,
  type: string,
  appVersion: string,
): Promise<PageApply> {
  const page = await readPageForPropagation(realRoot, wanted.path);
  if (page.kind === 'refused') return page;
  if (page.sourceSha256 !== wanted.sourceSha256 || page.sidecarHash !== wanted.sidecarHash) {
    return { kind: 'refused', why: worded('propagation.changedSincePreview') };
  }
  const index = new CodePointIndex(page.text);
  const taken = new Set(page.spans.map((s) => `${s.start}:${s.end}`));
  const added: EntitySpan[] = [];
  for (const { start, end } of wanted.occurrences) {
    if (end > index.length || start >= end || page.text.slice(index.toUtf16(start), index.toUtf16(end)) !== needle) {
      return { kind: 'refused', why: worded('propagation.textMoved', { start, end, text: needle }) };
    }
    if (taken.has(`${start}:${end}`)) continue;
    taken.add(`${start}:${end}`);
    added.push({ id: randomUUID(), start, end, type, text: needle });
  }
  if (added.length === 0) return { kind: 'done', applied: null };

  const previous = await readSidecarState(page.sidecarAbs, { sha256: page.sourceSha256, originalText: page.originalText });
  const sidecar = previous.ok && previous.value.kind === 'usable' ? previous.value.sidecar : null;
  const saved = await savePage(
    realRoot,
    {
      path: wanted.path,
      text: page.text,
      status: sidecar?.status ?? 'unreviewed',
      entities: [...page.spans, ...added],
      corrections: sidecar?.corrections ?? [],
      sourceSha256: page.sourceSha256,
      expectedSidecarHash: page.sidecarHash,
    },
    appVersion,
  );
  if (!saved.ok) return { kind: 'refused', why: refusalOf(saved.error) };
  return {
    kind: 'done',
    applied: {
      path: wanted.path,
      sourceSha256: page.sourceSha256,
      sidecarHashAfter: saved.value.sidecarHash,
      addedIds: added.map((s) => s.id),
      createdSidecar: page.sidecarHash === null,
    },
  };
}

/// The outcome of undoing a propagation.
export interface UndoResult {
  pages: PropagationPageOutcome[];
  removed: number;
  /// Pages that could not be undone (changed since), kept so a later undo can be tried again.
  remaining: AppliedPage[];
}

/// Removes exactly the spans an apply added, page by page, where the sidecar is byte-for-byte what apply wrote.
///
/// A sidecar apply created is removed again; any other gets the same content minus the added spans. A page whose
/// sidecar (or page file) changed since is refused with a plain-words message and left alone.
export async function undoCorpusPropagation(
  root: string,
  applied: readonly AppliedPage[],
  appVersion: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<UndoResult>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  const result: UndoResult = { pages: [], removed: 0, remaining: [] };
  for (const [i, record] of applied.entries()) {
    onProgress?.(i, applied.length);
    const outcome = await undoPage(realRoot, record, appVersion);
    if (outcome === null) {
      result.pages.push({ path: record.path, outcome: 'done', spans: record.addedIds.length, message: null });
      result.removed += record.addedIds.length;
    } else {
      result.pages.push({ path: record.path, outcome: 'refused', spans: 0, ...outcome });
      result.remaining.push(record);
    }
  }
  onProgress?.(applied.length, applied.length);
  return ok(result);
}

const CHANGED_SINCE = worded('propagation.changedAfter');

// Undoes one page; returns null when done, else why not.
async function undoPage(realRoot: string, record: AppliedPage, appVersion: string): Promise<Worded | null> {
  const page = await readPageForPropagation(realRoot, record.path);
  if (page.kind === 'refused') return page.why;
  if (page.sidecarHash !== record.sidecarHashAfter || page.sourceSha256 !== record.sourceSha256) return CHANGED_SINCE;
  if (record.createdSidecar) {
    return withSidecarLock(page.sidecarAbs, async (guard) => {
      await guard.assertHeld();
      const now = await readSidecarSnapshot(page.sidecarAbs);
      if (!now.ok) return wordedOfError(now.error);
      if (now.value?.hash !== record.sidecarHashAfter) return CHANGED_SINCE;
      // Checked right before the removal, so another program's write can hardly slip in between (see save-page.ts).
      if (sidecarIdentityNow(page.sidecarAbs.abs) !== now.value.identity) return CHANGED_SINCE;
      await asOwnWrite(page.sidecarAbs.abs, () => removeInCorpus(page.sidecarAbs));
      return null;
    }).catch((error: unknown) =>
      error instanceof SidecarLockBusy
        ? worded('propagation.undoBusy', { path: record.path })
        : worded('propagation.undoFailed', { path: record.path }, `It could not be undone: ${(error as Error).message}`),
    );
  }
  const state = await readSidecarState(page.sidecarAbs, { sha256: page.sourceSha256, originalText: page.originalText });
  if (!state.ok || state.value.kind !== 'usable') return CHANGED_SINCE;
  const sidecar = state.value.sidecar;
  const added = new Set(record.addedIds);
  const saved = await savePage(
    realRoot,
    {
      path: record.path,
      text: sidecar.text,
      status: sidecar.status,
      entities: sidecar.entities.filter((e) => !added.has(e.id)),
      corrections: sidecar.corrections,
      sourceSha256: page.sourceSha256,
      expectedSidecarHash: record.sidecarHashAfter,
    },
    appVersion,
  );
  return saved.ok ? null : refusalOf(saved.error);
}

// A save refused because the sidecar changed is worded for the run; other failures keep their own words.
function refusalOf(error: AppError): Worded {
  return error.code === 'sidecar-changed' ? worded('propagation.changedWhileRunning') : wordedOfError(error);
}
