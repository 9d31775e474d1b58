import { isOutside, readFileInCorpus, type CorpusFile } from '../disk/confined-fs';
import type { ReadOnlyReason } from '../../../shared/ipc/contract';
import { sidecarProblems, type SidecarProblem } from '../../../shared/model/sidecar-consistency';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { reason, technicalReason, type Reason } from '../../../shared/errors/reasons';
import { decodeUtf8 } from './encoding';
import { sha256Hex } from '../disk/hash';

/// A page's sidecar as found on disk: absent, usable, or present but not to be touched.
export type SidecarState =
  | { kind: 'none' }
  | { kind: 'usable'; sidecar: Sidecar; hash: string }
  | { kind: 'unusable'; hash: string; reason: ReadOnlyReason; message: string; why?: Reason; more: number; problems?: SidecarProblem[] };

/// What a sidecar is judged against: the page file's hash and its original text (decoded, LF, NFC).
export interface PageFacts {
  sha256: string;
  originalText: string;
}

const REASONS = {
  'invalid-json': 'sidecar-invalid-json',
  schema: 'sidecar-schema',
  'newer-version': 'sidecar-newer-version',
  foreign: 'sidecar-foreign',
} as const satisfies Record<string, ReadOnlyReason>;

/// Reads the sidecar `file` (through a verified handle, see openInCorpus) and judges whether it belongs to the page
/// `page` describes.
///
/// Unusable sidecars (bad JSON, schema errors, a newer format version, someone else's file, written for
/// different page bytes, or not fitting the page's text: every problem `sidecarProblems` finds) come back with a
/// reason, a plain-words English message, and what exactly is wrong as a reason the UI words (`why`, the first
/// problem, with `more` further ones); the page is then read-only so the file is never overwritten. Fails with
/// 'outside-corpus' when it leads outside the corpus, 'io' when the file exists but cannot be read.
export async function readSidecarState(file: CorpusFile, page: PageFacts): Promise<Result<SidecarState>> {
  const bytes = await readSidecarBytes(file);
  if (!bytes.ok) return bytes;
  return ok(bytes.value === null ? { kind: 'none' } : sidecarStateFromBytes(bytes.value, page));
}

/// Reads the sidecar `file`'s bytes (null: there is none), failing as readSidecarState does; nothing is judged.
export async function readSidecarBytes(file: CorpusFile): Promise<Result<Uint8Array | null>> {
  try {
    return ok(await readFileInCorpus(file));
  } catch (error) {
    if (isOutside(error)) return failWith('path.sidecarOutside', { path: file.rel });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return failWith('sidecar.unreadable', {}, (error as Error).message);
  }
}

/// Judges sidecar bytes already read against the page `page` describes (see readSidecarState).
export function sidecarStateFromBytes(bytes: Uint8Array, page: PageFacts): SidecarState {
  const hash = sha256Hex(bytes);
  const parsed = parseSidecar(decodeUtf8(bytes));
  if (parsed.kind !== 'ok') {
    return { kind: 'unusable', hash, reason: REASONS[parsed.kind], message: `${parsed.message} The page is read-only so the sidecar is not overwritten.`, why: parsed.reason, more: parsed.more };
  }
  if (parsed.sidecar.source.sha256 !== page.sha256) {
    return {
      kind: 'unusable',
      hash,
      reason: 'sidecar-hash-mismatch',
      why: reason('sidecar.hashMismatch'),
      more: 0,
      message:
        'The page file has changed since its corrections were saved (its SHA-256 no longer matches the sidecar). ' +
        'The original text is shown read-only so the saved corrections are not lost.',
    };
  }
  const problems = sidecarProblems(parsed.sidecar, page.originalText);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '';
    return {
      kind: 'unusable',
      hash,
      reason: 'sidecar-inconsistent',
      message: `The sidecar does not fit this page: ${problems[0]!.message}${more} The page is read-only so the sidecar is not overwritten.`,
      why: problems[0]!.reason,
      more: problems.length - 1,
      problems,
    };
  }
  return { kind: 'usable', sidecar: parsed.sidecar, hash };
}

/// Why an unusable sidecar cannot be used, as a reason (the first problem the checker found).
export function unusableReason(state: Extract<SidecarState, { kind: 'unusable' }>): Reason {
  return state.why ?? technicalReason(state.message);
}
