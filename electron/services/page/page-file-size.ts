import { statInCorpus, type CorpusFile } from '../disk/confined-fs';
import { formatCount, MAX_PAGE_FILE_BYTES } from '../../../shared/limits';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';

/// Refuses ('too-large') a page file larger than `MAX_PAGE_FILE_BYTES`, before it is read into memory.
///
/// The size is read through a verified handle (see confined-fs); a file that cannot be stat'ed passes: the read that
/// follows reports why.
export async function checkPageFileSize(file: CorpusFile, displayPath: string): Promise<Result<void>> {
  try {
    return pageBytesWithinLimit((await statInCorpus(file)).size, displayPath);
  } catch {
    return ok(undefined);
  }
}

/// Refuses ('too-large') a page file of `bytes` bytes when that is over `MAX_PAGE_FILE_BYTES`.
export function pageBytesWithinLimit(bytes: number, displayPath: string): Result<void> {
  if (bytes <= MAX_PAGE_FILE_BYTES) return ok(undefined);
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return failWith(
    'page.fileTooLarge',
    { path: displayPath, size: mib(bytes), limit: mib(MAX_PAGE_FILE_BYTES) },
    `page-file-bytes=${formatCount(bytes)}/${formatCount(MAX_PAGE_FILE_BYTES)}`,
  );
}
