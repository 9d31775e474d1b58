import path from 'node:path';
import type { SaveOutcome, SaveRequest } from '../../../shared/ipc/contract';
import { applyCorrections } from '../../../shared/model/corrections';
import { checkTextLimits } from '../../../shared/text-limits';
import { correctionsOffThread } from './off-thread';
import type { Correction, RejectedCorrection, RejectedEntity } from '../../../shared/model/sidecar-schema';
import { cpLength } from '../../../shared/text/codepoints';
import { carryRules } from '../../../shared/model/correction-rules';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { arrangeText } from '../../../shared/model/moves';
import { checkSidecarConsistency } from '../../../shared/model/sidecar-consistency';
import { serializeSidecar } from '../../../shared/model/sidecar-io';
import { SIDECAR_SCHEMA_VERSION, type Sidecar } from '../../../shared/model/sidecar-schema';
import { fail, ok, type Result } from '../../../shared/result';
import { corpusFile, corpusFileInRealRoot, readFileInCorpus, type CorpusFile } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { asOwnWrite } from '../disk/own-writes';
import { sha256Hex } from '../disk/hash';
import { readPageSource } from './page-source';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { readSidecarState } from './sidecar-file';
import { readSidecarSnapshot, sidecarIdentityNow } from './sidecar-snapshot';
import { SidecarLockBusy, SidecarLockLost, withSidecarLock, type SidecarLockGuard } from './sidecar-lock';

/// Saves the corrected text, status and entities of one page to its sidecar, never touching the page file.
///
/// Refuses ('sidecar-changed') when the page file's bytes or the sidecar's bytes differ from what the renderer
/// loaded, refuses ('read-only') to overwrite an unusable sidecar, and refuses ('invalid-argument') entity spans
/// that lie outside the text or do not quote it. The text is put in NFC; the editor's corrections (with their rules) are
/// used when they reproduce the text, else they are recomputed here, keeping the rules of equal ones; `created` is kept from the previous sidecar. The sidecar is written atomically.
///
/// Everything slow (reading the page, the diff, serialising) happens first, without the lock; then, holding the
/// sidecar lock (in-process queue and lock file, see sidecar-lock.ts), both hashes are checked again, the new sidecar
/// is written to a temporary file, and the sidecar's hash is checked once more right before the rename. A change
/// made by anyone in between refuses the save and writes nothing.
export async function savePage(root: string, req: SaveRequest, appVersion: string, now: () => Date = () => new Date()): Promise<Result<SaveOutcome>> {
  const pageAbs = await corpusFile(root, req.path);
  if (!pageAbs.ok) return pageAbs;
  const sidecarAbs = corpusFileInRealRoot(pageAbs.value.realRoot, sidecarPathOf(req.path));
  if (!sidecarAbs.ok) return fail('outside-corpus', `The sidecar of "${req.path}" leads outside the corpus folder.`);

  try {
    const prepared = await prepareSave(pageAbs.value, sidecarAbs.value, req, appVersion, now);
    if (!prepared.ok) return prepared;
    return await withSidecarLock(sidecarAbs.value, (guard) => commitSave(pageAbs.value, sidecarAbs.value, req, prepared.value, guard));
  } catch (error) {
    if (error instanceof SidecarLockBusy) return fail('io', `"${req.path}" could not be saved: ${error.message} Try again in a moment.`);
    return fail('io', `The corrections of "${req.path}" could not be saved.`, (error as Error).message);
  }
}

// What a save writes, computed before the lock is taken.
interface PreparedSave {
  serialized: string;
  outcome: SaveOutcome;
}

async function prepareSave(pageAbs: CorpusFile, sidecarAbs: CorpusFile, req: SaveRequest, appVersion: string, now: () => Date): Promise<Result<PreparedSave>> {
  const source = await readPageSource(pageAbs, req.path);
  if (!source.ok) return source;
  if (source.value.sha256 !== req.sourceSha256) return pageFileChanged(req.path);

  const existing = await readSidecarState(sidecarAbs, source.value);
  if (!existing.ok) return existing;
  const existingHash = existing.value.kind === 'none' ? null : existing.value.hash;
  if (existingHash !== req.expectedSidecarHash) return sidecarChanged(req.path, existingHash);
  if (existing.value.kind === 'unusable') return fail('read-only', existing.value.message, existing.value.reason);

  const text = req.text.normalize('NFC');
  const duplicate = findDuplicateId(req.entities.map((e) => e.id));
  if (duplicate !== null) return fail('invalid-argument', `Two entities share the id "${duplicate}".`);

  const timestamp = now().toISOString();
  const previous = existing.value.kind === 'usable' ? existing.value.sidecar : null;
  // The editor's block moves (or, from a batch or propagation that sends none, the saved ones): its corrections are
  // on the original arranged by them.
  const moves = req.moves ?? previous?.moves ?? [];
  const arranged = arrangeText(source.value.originalText, moves);
  if (!arranged.ok) return fail('invalid-argument', `The page cannot be saved: the moves do not fit the original text (${arranged.error.message}).`);
  const computed = await correctionsFor(arranged.value, text, req.corrections, previous?.corrections ?? [], req.path);
  if (!computed.ok) return computed;
  const corrections = computed.value;
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: SIDECAR_SCHEMA_VERSION,
    app: { name: 'jiaodui', version: appVersion },
    source: {
      file: path.posix.basename(pageAbs.rel),
      format: source.value.format,
      bytes: source.value.bytes.length,
      sha256: source.value.sha256,
      encoding: source.value.encoding.name,
      bom: source.value.encoding.bom,
      lineEnding: source.value.lineEnding,
    },
    status: req.status,
    created: previous?.created ?? timestamp,
    modified: timestamp,
    text,
    moves,
    corrections,
    entities: req.entities,
    lineOrigins: computeLineOrigins(source.value.originalText, text, corrections, moves),
    ...rejectionsInside(text, req.rejectedEntities ?? previous?.rejectedEntities ?? [], req.rejectedCorrections ?? previous?.rejectedCorrections ?? []),
  };
  const problems = checkSidecarConsistency(sidecar, source.value.originalText);
  if (problems.length > 0) return fail('invalid-argument', `The page cannot be saved: ${problems.join(' ')}`);

  const serialized = serializeSidecar(sidecar);
  return ok({ serialized, outcome: { sidecarHash: sha256Hex(serialized), modified: timestamp, corrections: sidecar.corrections, moves: sidecar.moves } });
}

// Under the sidecar lock: the files must still be what the request was made from, up to the moment of the rename.
async function commitSave(pageAbs: CorpusFile, sidecarAbs: CorpusFile, req: SaveRequest, prepared: PreparedSave, guard: SidecarLockGuard): Promise<Result<SaveOutcome>> {
  const before = await readSidecarSnapshot(sidecarAbs);
  if (!before.ok) return before;
  if ((before.value?.hash ?? null) !== req.expectedSidecarHash) return sidecarChanged(req.path, before.value?.hash ?? null);
  if (sha256Hex(await readFileInCorpus(pageAbs)) !== req.sourceSha256) return pageFileChanged(req.path);
  try {
    let identity: string | null = null;
    // Remembered as the app's own write, so the corpus watcher does not report it as a change from outside.
    await asOwnWrite(sidecarAbs.abs, () => writeFileAtomicInCorpus(sidecarAbs, prepared.serialized, {
      beforeRename: async () => {
        await guard.assertHeld();
        const last = await readSidecarSnapshot(sidecarAbs);
        if (!last.ok) throw new Error(last.error.message);
        const hash = last.value?.hash ?? null;
        if (hash !== req.expectedSidecarHash) throw new ChangedMeanwhile(hash);
        identity = last.value?.identity ?? null;
      },
      // Synchronous, and the rename is issued right after it: a program that does not take the lock (a sync tool,
      // an editor) can only slip in within microseconds.
      lastCheck: () => {
        if (sidecarIdentityNow(sidecarAbs.abs) !== identity) throw new ChangedMeanwhile('changed');
      },
    }));
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return sidecarChanged(req.path, error.hash);
    if (error instanceof SidecarLockLost) return fail('sidecar-changed', `Another program took over saving "${req.path}". Reopen the page before saving.`, 'sidecar');
    throw error;
  }
  return ok(prepared.outcome);
}

// Thrown from the last check before the rename: the sidecar's bytes are now those hashing to `hash` (null: gone).
class ChangedMeanwhile extends Error {
  constructor(readonly hash: string | null) {
    super('The sidecar changed while the save was being written.');
  }
}

function pageFileChanged(rel: string): Result<never> {
  return fail('sidecar-changed', `The page file "${rel}" has changed on disk since it was opened. Reopen the page before saving.`, 'page-file');
}

function sidecarChanged(rel: string, nowHash: string | null): Result<never> {
  return fail(
    'sidecar-changed',
    nowHash === null
      ? `The saved corrections of "${rel}" were deleted since the page was opened. Reopen the page before saving.`
      : `The saved corrections of "${rel}" were changed by someone else since the page was opened. Reopen the page before saving.`,
    'sidecar',
  );
}

// `original` is the arranged original. The editor keeps its corrections up to date as the user types; using them saves a whole-page diff (hundreds
// of milliseconds on a 200,000-character page). They are only trusted when they really turn the original into the
// text, which costs one linear pass; otherwise the page is diffed here (on the text worker when it is long, so the
// main process keeps answering). A recomputed correction keeps the rule of an equal proposed one (or, when the
// editor sent none, as a batch replace does, of an equal saved one). A text past the page limits is refused.
async function correctionsFor(original: string, text: string, proposed: Correction[] | undefined, saved: readonly Correction[], rel: string): Promise<Result<Correction[]>> {
  const limits = checkTextLimits(text, `The corrected text of "${rel}"`);
  if (!limits.ok) return limits;
  if (proposed) {
    const applied = applyCorrections(original, proposed);
    if (applied.ok && applied.value === text) return ok(proposed);
  }
  const computed = await correctionsOffThread(original, text);
  return computed.ok ? ok(carryRules(computed.value, proposed ?? saved)) : computed;
}

// A rejected place past the end of the text can never match again (the text there is gone); it is dropped rather
// than refusing the whole save, since the consistency check would otherwise turn it into an unsaveable page.
function rejectionsInside(text: string, entities: RejectedEntity[], corrections: RejectedCorrection[]): Pick<Sidecar, 'rejectedEntities' | 'rejectedCorrections'> {
  const length = cpLength(text);
  return {
    rejectedEntities: entities.filter((r) => r.end === undefined || r.end <= length),
    rejectedCorrections: corrections.filter((r) => r.start <= r.end && r.end <= length),
  };
}

function findDuplicateId(ids: string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}
