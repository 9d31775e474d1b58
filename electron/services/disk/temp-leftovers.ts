import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { corpusFileInRealRoot, openFolderInCorpus, readdirInCorpus, removeInCorpus } from './confined-fs';
import { isLiveTemp } from './confined-write';

/// How old a temporary file must be before it counts as left over by a crash (a save takes well under a second;
/// a slow disk or a very large sidecar gets a wide margin).
export const STALE_TEMP_MS = 5 * 60 * 1000;

// Exactly the names tempNameFor makes: "." + target name + "." + 12 lowercase hex digits + ".tmp".
const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/// The name of the file a temporary file was going to replace, or null when `name` is not an atomic write's temp.
export function tempTargetOf(name: string): string | null {
  return TEMP_NAME.exec(name)?.[1] ?? null;
}

/// The lock file the sidecar locks keep beside a sidecar while a save of it runs (`.<sidecar>.lock`).
export function lockNameOf(target: string): string {
  return `.${target}.lock`;
}

/// A temporary file found in a corpus folder.
export interface LeftoverTemp {
  /// Relative path of the temporary file.
  rel: string;
  /// Relative path of the file it was going to replace.
  target: string;
  /// True when no save can still hold it: not a write of this process, older than STALE_TEMP_MS, and no lock
  /// file beside its target.
  stale: boolean;
}

/// The temporary files of atomic writes in a corpus folder (`folderRel` null: the root), with whether each is stale.
///
/// `names` are the folder's entry names when the caller has already listed it; `onlyTarget` keeps the temps of one
/// target name (opening a page looks only at its sidecar's). Never throws: an unreadable folder has none.
export async function findLeftoverTemps(
  realRoot: string,
  folderRel: string | null,
  options: { names?: readonly string[]; onlyTarget?: string; now?: number } = {},
): Promise<LeftoverTemp[]> {
  const prefix = folderRel === null ? '' : `${folderRel}/`;
  let names: readonly string[];
  try {
    names = options.names ?? (await readdirInCorpus(realRoot, folderRel));
  } catch {
    return [];
  }
  const temps = names.flatMap((name) => {
    const target = tempTargetOf(name);
    return target !== null && (options.onlyTarget === undefined || target === options.onlyTarget) ? [{ name, target }] : [];
  });
  if (temps.length === 0) return [];
  let folderReal: string;
  try {
    const folder = await openFolderInCorpus(realRoot, folderRel);
    folderReal = folder.realPath;
    await folder.close();
  } catch {
    return [];
  }
  const now = options.now ?? Date.now();
  const present = new Set(names);
  const found: LeftoverTemp[] = [];
  for (const { name, target } of temps) {
    const abs = path.join(folderReal, name);
    const info = await lstat(abs).catch(() => null);
    if (info === null || !info.isFile()) continue;
    const locked = present.has(lockNameOf(target)) || (await exists(path.join(folderReal, lockNameOf(target))));
    const stale = !isLiveTemp(abs) && now - info.mtimeMs > STALE_TEMP_MS && !locked;
    found.push({ rel: prefix + name, target: prefix + target, stale });
  }
  return found;
}

/// Removes the stale temporary files of a corpus folder (see findLeftoverTemps) and returns their relative paths.
///
/// A temp that cannot be removed is left and not returned; this never throws.
export async function removeStaleTemps(realRoot: string, folderRel: string | null, options: { names?: readonly string[]; onlyTarget?: string; now?: number } = {}): Promise<string[]> {
  const removed: string[] = [];
  for (const temp of await findLeftoverTemps(realRoot, folderRel, options)) {
    if (!temp.stale) continue;
    const file = corpusFileInRealRoot(realRoot, temp.rel);
    if (!file.ok) continue;
    try {
      await removeInCorpus(file.value);
      removed.push(temp.rel);
    } catch {
      // Left for the next sweep.
    }
  }
  return removed;
}

async function exists(abs: string): Promise<boolean> {
  return (await lstat(abs).catch(() => null)) !== null;
}
