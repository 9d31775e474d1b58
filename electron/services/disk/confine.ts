import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { reason, reasonEnglish, withReason, type Reason } from '../../../shared/errors/reasons';

/// Resolves a renderer-supplied relative path to an absolute path inside the corpus, or refuses it.
///
/// A check only, true at the moment it ran: never open, read or write the path it returns, since another process
/// can swap a file or folder for a symlink in between (docs/confinement.md). Corpus I/O goes through
/// confined-fs.ts / confined-write.ts, which open first and verify what was opened.
///
/// Refuses empty paths, NUL characters, absolute paths, Windows drive and UNC paths, backslashes (which would
/// be separators on Windows only), `.` and `..` segments, and any path whose real location (after following
/// symlinks) leaves the corpus. A path that does not exist yet is accepted when its nearest existing parent is
/// inside the corpus, so sidecars can be created. Every refusal has the code 'outside-corpus'.
export async function resolveInCorpus(root: string, rel: string): Promise<Result<string>> {
  const shape = relativePathReason(rel);
  if (shape) return pathNotAllowed(rel, shape);

  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  return resolveInRealRoot(realRoot, rel);
}

/// Like resolveInCorpus, for callers that resolve many paths and already know the corpus root's real path.
///
/// `realRoot` must be the result of `realpath(root)`; the same refusals apply, and the same warning: a check only.
export async function resolveInRealRoot(realRoot: string, rel: string): Promise<Result<string>> {
  const shape = relativePathReason(rel);
  if (shape) return pathNotAllowed(rel, shape);
  const candidate = path.join(realRoot, rel.split('/').join(path.sep));
  const real = await realPathOfNearestExisting(candidate);
  if (real === null || !isInside(realRoot, real)) {
    return failWith('path.outside', { path: printable(rel) });
  }
  return ok(candidate);
}

/// Why a relative path is unacceptable in shape alone (no disk access), as a reason worded on screen in the UI
/// language, or null when it is fine.
export function relativePathReason(rel: string): Reason | null {
  if (rel.length === 0) return reason('path.empty');
  if (rel.includes('\0')) return reason('path.nul');
  if (rel.includes('\\')) return reason('path.backslash');
  if (rel.startsWith('/')) return reason('path.absolute');
  if (/^[A-Za-z]:/.test(rel)) return reason('path.drive');
  const segments = rel.split('/');
  if (segments.some((s) => s === '..')) return reason('path.dotDot');
  if (segments.some((s) => s === '.' || s === '')) return reason('path.emptySegment');
  return null;
}

/// The English of `relativePathReason` (logs, messages that are not shown), or null when the path is fine.
export function relativePathProblem(rel: string): string | null {
  const why = relativePathReason(rel);
  return why === null ? null : reasonEnglish(why);
}

/// A failure for a path of the wrong shape: its reason under `problem`.
export function pathNotAllowed(rel: string, why: Reason): Result<never> {
  return failWith('path.notAllowed', withReason({ path: printable(rel) }, 'problem', why));
}

/// True when `child` is `parent` itself or lies below it (both absolute, already resolved).
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function realPathOfNearestExisting(target: string): Promise<string | null> {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      const real = await realpath(current);
      return path.join(real, missing.reverse().join(path.sep));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
      const parent = path.dirname(current);
      if (parent === current) return null;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

function printable(rel: string): string {
  return rel.replace(/\0/g, '\\0');
}
