import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';

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
  const shapeProblem = relativePathProblem(rel);
  if (shapeProblem) return failWith('path.notAllowed', { path: printable(rel), problem: shapeProblem });

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
  const shapeProblem = relativePathProblem(rel);
  if (shapeProblem) return failWith('path.notAllowed', { path: printable(rel), problem: shapeProblem });
  const candidate = path.join(realRoot, rel.split('/').join(path.sep));
  const real = await realPathOfNearestExisting(candidate);
  if (real === null || !isInside(realRoot, real)) {
    return failWith('path.outside', { path: printable(rel) });
  }
  return ok(candidate);
}

/// Why a relative path is unacceptable in shape alone (no disk access), or null when it is fine.
export function relativePathProblem(rel: string): string | null {
  if (rel.length === 0) return 'it is empty';
  if (rel.includes('\0')) return 'it contains a NUL character';
  if (rel.includes('\\')) return 'it contains a backslash';
  if (rel.startsWith('/')) return 'it is an absolute path';
  if (/^[A-Za-z]:/.test(rel)) return 'it names a Windows drive';
  const segments = rel.split('/');
  if (segments.some((s) => s === '..')) return 'it contains a ".." segment';
  if (segments.some((s) => s === '.' || s === '')) return 'it contains an empty or "." segment';
  return null;
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
