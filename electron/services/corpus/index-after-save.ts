import type { PageStats } from '../../../shared/model/page-stats';
import { sidecarPathOf } from '../../../shared/model/page-files';
import type { ReviewStatus } from '../../../shared/model/sidecar-schema';
import type { IndexEntry } from '../app/app-state';
import { corpusFile, statInCorpus } from '../disk/confined-fs';

/// The corpus index entry of page `rel` right after the app saved its sidecar with `status` and `stats`: the
/// sidecar's new mtime and size with what the save wrote, so the index need not read the sidecar again. Null when
/// the sidecar cannot be looked at (then the next scan reads it).
export async function indexEntryAfterSave(root: string, rel: string, status: ReviewStatus, stats: PageStats): Promise<IndexEntry | null> {
  try {
    const file = await corpusFile(root, sidecarPathOf(rel));
    if (!file.ok) return null;
    const info = await statInCorpus(file.value);
    return { sidecarMtime: info.mtimeMs, sidecarSize: info.size, status, stats };
  } catch {
    return null;
  }
}
