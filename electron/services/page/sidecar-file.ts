import { isOutside, readFileInCorpus, type CorpusFile } from '../disk/confined-fs';
import type { ReadOnlyReason } from '../../../shared/ipc/contract';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import type { Sidecar } from '../../../shared/model/sidecar-schema';
import { fail, ok, type Result } from '../../../shared/result';
import { decodeUtf8 } from './encoding';
import { sha256Hex } from '../disk/hash';

/// A page's sidecar as found on disk: absent, usable, or present but not to be touched.
export type SidecarState =
  | { kind: 'none' }
  | { kind: 'usable'; sidecar: Sidecar; hash: string }
  | { kind: 'unusable'; hash: string; reason: ReadOnlyReason; message: string };

const REASONS = {
  'invalid-json': 'sidecar-invalid-json',
  schema: 'sidecar-schema',
  'newer-version': 'sidecar-newer-version',
  foreign: 'sidecar-foreign',
} as const satisfies Record<string, ReadOnlyReason>;

/// Reads the sidecar `file` (through a verified handle, see openInCorpus) and judges whether it belongs to the page whose bytes hash to `pageSha256`.
///
/// Unusable sidecars (bad JSON, schema errors, a newer format version, someone else's file, or written for
/// different page bytes) come back with a reason and a plain-words message; the page is then read-only so the
/// file is never overwritten. Fails with 'outside-corpus' when it leads outside the corpus, 'io' when the file
/// exists but cannot be read.
export async function readSidecarState(file: CorpusFile, pageSha256: string): Promise<Result<SidecarState>> {
  let bytes: Buffer;
  try {
    bytes = await readFileInCorpus(file);
  } catch (error) {
    if (isOutside(error)) return fail('outside-corpus', `The sidecar "${file.rel}" leads outside the corpus folder.`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ kind: 'none' });
    return fail('io', 'The sidecar file exists but cannot be read.', (error as Error).message);
  }
  return ok(sidecarStateFromBytes(bytes, pageSha256));
}

/// Judges sidecar bytes already read against the page whose bytes hash to `pageSha256` (see readSidecarState).
export function sidecarStateFromBytes(bytes: Uint8Array, pageSha256: string): SidecarState {
  const hash = sha256Hex(bytes);
  const parsed = parseSidecar(decodeUtf8(bytes));
  if (parsed.kind !== 'ok') {
    return { kind: 'unusable', hash, reason: REASONS[parsed.kind], message: `${parsed.message} The page is read-only so the sidecar is not overwritten.` };
  }
  if (parsed.sidecar.source.sha256 !== pageSha256) {
    return {
      kind: 'unusable',
      hash,
      reason: 'sidecar-hash-mismatch',
      message:
        'The page file has changed since its corrections were saved (its SHA-256 no longer matches the sidecar). ' +
        'The original text is shown read-only so the saved corrections are not lost.',
    };
  }
  return { kind: 'usable', sidecar: parsed.sidecar, hash };
}

/// The hash of the sidecar file's current bytes, or null when there is none.
export async function currentSidecarHash(file: CorpusFile): Promise<Result<string | null>> {
  try {
    return ok(sha256Hex(await readFileInCorpus(file)));
  } catch (error) {
    if (isOutside(error)) return fail('outside-corpus', `The sidecar "${file.rel}" leads outside the corpus folder.`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return fail('io', 'The sidecar file exists but cannot be read.', (error as Error).message);
  }
}
