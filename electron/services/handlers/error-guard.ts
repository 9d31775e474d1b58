import type { AppError, Result } from '../../../shared/result';
import { englishOf, failWith } from '../../../shared/errors/fail-with';
import type { ErrorLog } from '../app/error-log';

/// The message the renderer gets for any exception inside the main process; the details go to the error log.
export const INTERNAL_ERROR_MESSAGE = englishOf('internal');

/// The paths an error may name as they are: read after the handler ran (it may have opened another corpus).
export interface KnownPaths {
  /// The open corpus folder: paths inside it become corpus-relative.
  corpusRoot: string | null;
  /// Folders the user chose in a folder dialog (the renderer shows them anyway): paths equal to or inside them
  /// are kept.
  chosen: readonly string[];
}

/// Runs one request handler so that what reaches the renderer is a Result with a code and values, never a stack
/// trace or an absolute path outside the corpus.
///
/// A throw becomes `failWith('internal', { id })` and is logged in full (message, stack) under
/// that id. A failed Result keeps its code; its message, detail and values have absolute paths replaced: inside
/// the corpus by the corpus-relative path, inside a folder the user chose kept, elsewhere "<path>". An 'io'
/// failure whose text changed is logged with its original detail, so the path is not lost. Successful values pass
/// unchanged.
export async function guardHandler<T>(channel: string, run: () => Promise<Result<T>>, log: ErrorLog | null, known: () => KnownPaths): Promise<Result<T>> {
  let result: Result<T>;
  try {
    result = await run();
  } catch (error) {
    const thrown = error instanceof Error ? error : new Error(String(error));
    const id = log?.write({ channel, kind: 'thrown', message: thrown.message, ...(thrown.stack !== undefined && { stack: thrown.stack }) }) ?? 'unlogged';
    return failWith('internal', { id });
  }
  if (result.ok) return result;
  const clean = sanitizeAppError(result.error, known());
  if (clean.code === 'io' && log && JSON.stringify(clean) !== JSON.stringify(result.error)) {
    log.write({ channel, kind: 'io', message: result.error.message, ...(result.error.detail !== undefined && { detail: result.error.detail }) });
  }
  return { ok: false, error: clean };
}

/// An error with the absolute paths in its texts rewritten as `sanitizePaths` does.
export function sanitizeAppError(error: AppError, known: KnownPaths): AppError {
  const clean: AppError = { code: error.code, message: sanitizePaths(error.message, known) };
  if (error.detail !== undefined) clean.detail = sanitizePaths(error.detail, known);
  if (error.messageId !== undefined) clean.messageId = error.messageId;
  if (error.values !== undefined) {
    clean.values = Object.fromEntries(Object.entries(error.values).map(([k, v]) => [k, typeof v === 'string' ? sanitizeValue(v, known) : v]));
  }
  return clean;
}

// An absolute path: POSIX "/a/b", Windows "C:\a" or "C:/a", or UNC "\\server\share", starting where a word may
// start (so "a/b", "1/2" and URLs are left alone). Quoted paths may hold spaces; unquoted ones end at a space.
// A POSIX path's first name starts with a letter, digit, dot, tilde or any non-ASCII character, so a regular
// expression like /^[0-9a-f]{64}$/ in a schema message is not taken for one.
const QUOTED_PATH = /(['"“‘])((?:\/[\w.~\u00a0-\uffff-]|[A-Za-z]:[\\/]|\\\\)[^'"“”‘’\n]*)(['"”’])/g;
const BARE_PATH = /(^|[\s(=,[])((?:\/[\w.~\u00a0-\uffff-]|[A-Za-z]:[\\/]|\\\\)[^\s'"“”‘’,;)\]]*)/g;

/// Replaces absolute paths in `text`: inside the corpus with the path relative to it ('/'-separated, "." for the
/// root itself), inside a chosen folder not at all, anywhere else with "<path>". Text without a path comes back
/// unchanged.
export function sanitizePaths(text: string, known: KnownPaths): string {
  const replace = (abs: string) => {
    if (known.chosen.some((folder) => relativeInside(abs, folder) !== null)) return abs;
    return relativeInside(abs, known.corpusRoot) ?? '<path>';
  };
  return text
    .replace(QUOTED_PATH, (_, open: string, abs: string, close: string) => `${open}${replace(abs)}${close}`)
    .replace(BARE_PATH, (_, before: string, abs: string) => `${before}${replace(abs)}`);
}

// A value that is one absolute path as a whole (a folder named in a message, say) is judged whole: unquoted, a path
// with a space would otherwise be cut at the space ("/data/gone folder" → "<path> folder").
function sanitizeValue(value: string, known: KnownPaths): string {
  // Only one path: a value with another path after a space is sanitized path by path.
  if (!WHOLE_PATH.test(value) || ANOTHER_PATH.test(value)) return sanitizePaths(value, known);
  if (known.chosen.some((folder) => relativeInside(value, folder) !== null)) return value;
  return relativeInside(value, known.corpusRoot) ?? '<path>';
}

const WHOLE_PATH = /^(?:\/[\w.~\u00a0-\uffff-]|[A-Za-z]:[\\/]|\\\\)[^\n'"“”‘’]*$/;
const ANOTHER_PATH = /\s(?:\/|[A-Za-z]:[\\/]|\\\\)/;

function relativeInside(abs: string, root: string | null): string | null {
  if (root === null || root === '') return null;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const a = norm(abs);
  const r = norm(root);
  // Windows paths compare without case; POSIX ones exactly.
  const same = /^[A-Za-z]:/.test(r) ? (x: string, y: string) => x.toLowerCase() === y.toLowerCase() : (x: string, y: string) => x === y;
  if (same(a, r)) return '.';
  if (a.length > r.length && a[r.length] === '/' && same(a.slice(0, r.length), r)) {
    const rest = a.slice(r.length + 1);
    // A path that climbs back out is not inside.
    return rest.split('/').includes('..') ? null : rest;
  }
  return null;
}
