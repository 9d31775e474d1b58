import type { SaveOutcome, SaveRequest } from '../../../shared/ipc/contract';
import { applyCorrections, computeCorrections } from '../../../shared/model/corrections';
import { checkTextLimits } from '../../../shared/text-limits';
import type { Correction, RejectedCorrection, RejectedEntity } from '../../../shared/model/sidecar-schema';
import { cpLength } from '../../../shared/text/codepoints';
import { carryRules } from '../../../shared/model/correction-rules';
import { computeLineOrigins } from '../../../shared/layout/line-links';
import { arrangeText } from '../../../shared/model/moves';
import { sidecarProblems } from '../../../shared/model/sidecar-consistency';
import { reasonOfError } from '../../../shared/errors/error-reason';
import { failWithReason } from '../../../shared/errors/with-reason';
import { serializeSidecar } from '../../../shared/model/sidecar-io';
import { sidecarVersionFor, type Sidecar } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { englishOf, failWith } from '../../../shared/errors/fail-with';
import { pageStatsOf, type PageStats } from '../../../shared/model/page-stats';
import { sha256Hex } from '../disk/hash';
import { pageSourceFromBytes } from './page-source';
import { sidecarStateFromBytes } from './sidecar-file';

/// Everything a save's sidecar is built from, as plain data (so it can be sent to the text worker): the bytes of
/// the page file and of the sidecar (null: none) as read before the lock, the request, and the save's clock time.
export interface SaveInput {
  /// The page's path in the corpus (for messages).
  rel: string;
  /// The page file's name (the sidecar's `source.file`).
  fileName: string;
  pageBytes: Uint8Array;
  sidecarBytes: Uint8Array | null;
  req: SaveRequest;
  appVersion: string;
  /// ISO time of the save (`modified`, and `created` of a first save).
  timestamp: string;
}

/// What a save reports inside the main process: SaveOutcome with the page's full statistics (top entities
/// included, for the corpus index); the page.save handler sends the renderer their list form.
export interface SavedPage extends Omit<SaveOutcome, 'stats'> {
  stats: PageStats;
}

/// What a save writes, computed before the lock is taken.
export interface PreparedSave {
  /// The sidecar's text, or its UTF-8 bytes (from the text worker).
  serialized: string | Uint8Array;
  outcome: SavedPage;
}

/// Decodes the page, judges the sidecar, checks the request against both, and builds and serialises the new
/// sidecar (the slow part of a save: seconds on a 20 MB page, so the save path runs it on the text worker then).
///
/// Refuses ('sidecar-changed') when the page file's bytes or the sidecar's bytes differ from what the renderer
/// loaded, ('read-only') an unusable sidecar, and ('invalid-argument') duplicate entity ids, moves that do not fit,
/// and anything the consistency check finds; ('too-large') a text past the page limits. Synchronous and pure.
export function prepareSaveFromBytes(input: SaveInput): Result<PreparedSave & { serialized: string }> {
  const { req, rel } = input;
  const source = pageSourceFromBytes(input.pageBytes, rel);
  if (!source.ok) return source;
  if (source.value.sha256 !== req.sourceSha256) return pageFileChanged(rel);

  const existing = input.sidecarBytes === null ? ({ kind: 'none' } as const) : sidecarStateFromBytes(input.sidecarBytes, source.value);
  const existingHash = existing.kind === 'none' ? null : existing.hash;
  if (existingHash !== req.expectedSidecarHash) return sidecarChanged(rel, existingHash);
  if (existing.kind === 'unusable') return failWith('save.sidecarUnusable', { path: rel }, existing.reason);

  const text = req.text.normalize('NFC');
  const duplicate = findDuplicateId(req.entities.map((e) => e.id));
  if (duplicate !== null) return failWith('save.duplicateEntity', { id: duplicate });

  const timestamp = input.timestamp;
  const previous = existing.kind === 'usable' ? existing.sidecar : null;
  // The editor's block moves (or, from a batch or propagation that sends none, the saved ones): its corrections are
  // on the original arranged by them.
  const moves = req.moves ?? previous?.moves ?? [];
  const arranged = arrangeText(source.value.originalText, moves);
  if (!arranged.ok) return failWithReason('save.movesDoNotFit', {}, reasonOfError(arranged.error), arranged.error.message);
  const computed = correctionsFor(arranged.value, text, req.corrections, previous?.corrections ?? [], rel);
  if (!computed.ok) return computed;
  const corrections = computed.value;
  // The page note: an empty one removes it; absent from the request keeps the saved one.
  const note = req.note === undefined ? previous?.note : req.note.trim() === '' ? undefined : req.note.trim();
  const sidecar: Sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: sidecarVersionFor(note),
    app: { name: 'jiaodui', version: input.appVersion },
    source: {
      file: input.fileName,
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
    ...(note === undefined ? {} : { note }),
  };
  // The first problem is worded for the UI (with the count of the others); the message keeps them all.
  const problems = sidecarProblems(sidecar, source.value.originalText);
  if (problems.length === 1) return failWithReason('save.inconsistent', {}, problems[0]!.reason, problems[0]!.message);
  if (problems.length > 1) return failWithReason('save.inconsistentMany', { count: problems.length - 1 }, problems[0]!.reason, problems.map((p) => p.message).join(' '));

  const serialized = serializeSidecar(sidecar);
  return ok({ serialized, outcome: { sidecarHash: sha256Hex(serialized), modified: timestamp, corrections: sidecar.corrections, moves: sidecar.moves, stats: pageStatsOf(sidecar) } });
}

/// The page file changed since the renderer loaded it.
export function pageFileChanged(rel: string): Result<never> {
  return failWith('save.pageChanged', { path: rel }, 'page-file');
}

/// The sidecar's bytes are now those hashing to `nowHash` (null: deleted), not what the renderer loaded.
export function sidecarChanged(rel: string, nowHash: string | null): Result<never> {
  return failWith(nowHash === null ? 'save.sidecarDeleted' : 'save.sidecarChanged', { path: rel }, 'sidecar');
}

// `original` is the arranged original. The editor keeps its corrections up to date as the user types; using them saves a whole-page diff (hundreds
// of milliseconds on a 200,000-character page). They are only trusted when they really turn the original into the
// text, which costs one linear pass; otherwise the page is diffed here. A recomputed correction keeps the rule of an
// equal proposed one (or, when the editor sent none, as a batch replace does, of an equal saved one). A text past
// the page limits is refused.
function correctionsFor(original: string, text: string, proposed: Correction[] | undefined, saved: readonly Correction[], rel: string): Result<Correction[]> {
  // The page's path names it in the limit's values (an English phrase there would show in every UI language); the
  // English message says which text it is.
  const limits = checkTextLimits(text, rel);
  if (!limits.ok) {
    const { messageId, values } = limits.error;
    return messageId === undefined ? limits : { ok: false, error: { ...limits.error, message: englishOf(messageId, { ...values, path: `The corrected text of "${rel}"` }) } };
  }
  if (proposed) {
    const applied = applyCorrections(original, proposed);
    if (applied.ok && applied.value === text) return ok(proposed);
  }
  return ok(carryRules(computeCorrections(original, text), proposed ?? saved));
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
