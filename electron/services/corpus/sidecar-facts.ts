import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/model/sidecar-schema';
import { pageStatsOf, type PageStats } from '../../../shared/model/page-stats';
import { corpusFile, readFileInCorpus } from '../disk/confined-fs';

/// What the page list needs from one sidecar: its review status (null when unknown) and its statistics.
export interface SidecarFacts {
  status: ReviewStatus | null;
  stats: PageStats;
}

/// Reads the review status and the statistics (pageStatsOf) from the sidecar `rel` of the corpus at `root`,
/// through a verified handle; null when it is not readable JSON or leads outside the corpus.
///
/// The full schema check happens when the page is opened; the list only needs these facts.
export async function readSidecarFacts(root: string, rel: string): Promise<SidecarFacts | null> {
  try {
    const file = await corpusFile(root, rel);
    if (!file.ok) return null;
    const data: unknown = JSON.parse((await readFileInCorpus(file.value)).toString('utf8'));
    const status = (data as { status?: unknown } | null)?.status;
    return {
      status: typeof status === 'string' && (REVIEW_STATUSES as readonly string[]).includes(status) ? (status as ReviewStatus) : null,
      stats: pageStatsOf(data),
    };
  } catch {
    return null;
  }
}

/// Reads only the review status from the sidecar `rel` of the corpus at `root` (see readSidecarFacts).
export async function readStatus(root: string, rel: string): Promise<ReviewStatus | null> {
  return (await readSidecarFacts(root, rel))?.status ?? null;
}
