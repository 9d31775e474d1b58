import { statSync } from 'node:fs';
import { openInCorpus, isOutside, type CorpusFile } from '../disk/confined-fs';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { sha256Hex } from '../disk/hash';

/// A sidecar file as read at one moment: the hash of its bytes and the identity of the file they came from.
export interface SidecarSnapshot {
  hash: string;
  /// Device, inode, size and change time (ctime, which every write, rename or replacement updates and no program
  /// can set back): equal identities mean the bytes are still the ones hashed.
  identity: string;
}

/// Reads the sidecar (hash and identity from the same verified open file, see confined-fs), or null when there is none.
export async function readSidecarSnapshot(file: CorpusFile): Promise<Result<SidecarSnapshot | null>> {
  let handle;
  try {
    handle = (await openInCorpus(file)).handle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    if (isOutside(error)) return failWith('sidecar.outside');
    return failWith('sidecar.unreadable', {}, (error as Error).message);
  }
  try {
    const info = await handle.stat({ bigint: true });
    const bytes = await handle.readFile();
    return ok({ hash: sha256Hex(bytes), identity: identityOf(info) });
  } catch (error) {
    return failWith('sidecar.unreadable', {}, (error as Error).message);
  } finally {
    await handle.close();
  }
}

/// The identity of the file at `abs` now (null when there is none), read synchronously: the very last check before
/// a rename, so that nothing else runs in this process between the check and the rename being issued.
export function sidecarIdentityNow(abs: string): string | null {
  const info = statSync(abs, { bigint: true, throwIfNoEntry: false });
  return info === undefined ? null : identityOf(info);
}

function identityOf(info: { dev: bigint; ino: bigint; size: bigint; ctimeNs: bigint }): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.ctimeNs}`;
}
