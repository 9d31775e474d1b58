import path from 'node:path';
import type { SaveOutcome, SaveRequest } from '../../../shared/ipc/contract';
import { applyCorrections } from '../../../shared/model/corrections';
import { checkTextLimits } from '../../../shared/text-limits';
import { correctionsOffThread } from './off-thread';
import type { Correction } from '../../../shared/model/sidecar-schema';
import { carryRules } from '../../../shared/model/correction-rules';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { checkSidecarConsistency } from '../../../shared/model/sidecar-consistency';
import { serializeSidecar } from '../../../shared/model/sidecar-io';
import { SIDECAR_SCHEMA_VERSION, type Sidecar } from '../../../shared/model/sidecar-schema';
import { fail, ok, type Result } from '../../../shared/result';
import { corpusFile, corpusFileInRealRoot, type CorpusFile } from '../disk/confined-fs';
import { writeFileAtomicInCorpus } from '../disk/confined-write';
import { sha256Hex } from '../disk/hash';
import { readPageSource } from './page-source';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { readSidecarState } from './sidecar-file';
import { withSidecarLock } from './sidecar-lock';

/// Saves the corrected text, status and entities of one page to its sidecar, never touching the page file.
///
/// Refuses ('sidecar-changed') when the page file's bytes or the sidecar's bytes differ from what the renderer
/// loaded, refuses ('read-only') to overwrite an unusable sidecar, and refuses ('invalid-argument') entity spans
/// that lie outside the text or do not quote it. The text is put in NFC; the editor's corrections (with their rules) are
/// used when they reproduce the text, else they are recomputed here, keeping the rules of equal ones; `created` is kept from the previous sidecar. The sidecar is written atomically.
export async function savePage(root: string, req: SaveRequest, appVersion: string, now: () => Date = () => new Date()): Promise<Result<SaveOutcome>> {
  const pageAbs = await corpusFile(root, req.path);
  if (!pageAbs.ok) return pageAbs;
  const sidecarAbs = corpusFileInRealRoot(pageAbs.value.realRoot, sidecarPathOf(req.path));
  if (!sidecarAbs.ok) return fail('outside-corpus', `The sidecar of "${req.path}" leads outside the corpus folder.`);

  // Saves of the same sidecar run one after another, so two quick saves cannot both pass the "unchanged" check.
  try {
    return await withSidecarLock(sidecarAbs.value.abs, () => saveNow(pageAbs.value, sidecarAbs.value, req, appVersion, now));
  } catch (error) {
    return fail('io', `The corrections of "${req.path}" could not be saved.`, (error as Error).message);
  }
}

async function saveNow(pageAbs: CorpusFile, sidecarAbs: CorpusFile, req: SaveRequest, appVersion: string, now: () => Date): Promise<Result<SaveOutcome>> {
  const source = await readPageSource(pageAbs, req.path);
  if (!source.ok) return source;
  if (source.value.sha256 !== req.sourceSha256) {
    return fail('sidecar-changed', `The page file "${req.path}" has changed on disk since it was opened. Reopen the page before saving.`, 'page-file');
  }

  const existing = await readSidecarState(sidecarAbs, source.value.sha256);
  if (!existing.ok) return existing;
  const existingHash = existing.value.kind === 'none' ? null : existing.value.hash;
  if (existingHash !== req.expectedSidecarHash) {
    return fail(
      'sidecar-changed',
      existingHash === null
        ? `The saved corrections of "${req.path}" were deleted since the page was opened. Reopen the page before saving.`
        : `The saved corrections of "${req.path}" were changed by someone else since the page was opened. Reopen the page before saving.`,
      'sidecar',
    );
  }
  if (existing.value.kind === 'unusable') return fail('read-only', existing.value.message, existing.value.reason);

  const text = req.text.normalize('NFC');
  const duplicate = findDuplicateId(req.entities.map((e) => e.id));
  if (duplicate !== null) return fail('invalid-argument', `Two entities share the id "${duplicate}".`);

  const timestamp = now().toISOString();
  const previous = existing.value.kind === 'usable' ? existing.value.sidecar : null;
  const computed = await correctionsFor(source.value.originalText, text, req.corrections, previous?.corrections ?? [], req.path);
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
    corrections,
    entities: req.entities,
    lineOrigins: computeLineOrigins(source.value.originalText, text, corrections),
    rejectedEntities: req.rejectedEntities ?? previous?.rejectedEntities ?? [],
    rejectedCorrections: req.rejectedCorrections ?? previous?.rejectedCorrections ?? [],
  };
  const problems = checkSidecarConsistency(sidecar, source.value.originalText);
  if (problems.length > 0) return fail('invalid-argument', `The page cannot be saved: ${problems.join(' ')}`);

  const serialized = serializeSidecar(sidecar);
  await writeFileAtomicInCorpus(sidecarAbs, serialized);
  return ok({ sidecarHash: sha256Hex(serialized), modified: timestamp, corrections: sidecar.corrections });
}

// The editor keeps its corrections up to date as the user types; using them saves a whole-page diff (hundreds
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

function findDuplicateId(ids: string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}
