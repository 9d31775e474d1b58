import { createHash } from 'node:crypto';
import { corpusFile, readFileInCorpus } from '../disk/confined-fs';
import { mapLimit } from '../disk/map-limit';
import { parseSidecar } from '../../../shared/model/sidecar-io';
import { sidecarPathOf } from '../../../shared/model/page-files';
import type { TrainingPage } from '../../../shared/entities/learn/training-data';

// Sidecars read at once.
const READ_CONCURRENCY = 16;

/// The training material of a corpus: for every page whose sidecar holds entity tags or placed rejections, its
/// corrected text, tags and rejections; and a signature of all of it, so training is skipped when nothing changed.
///
/// Sidecars that cannot be read or parsed are skipped (the corpus index reports them); the corpus is only read.
export async function readTrainingPages(root: string, pages: readonly string[]): Promise<{ pages: TrainingPage[]; signature: string }> {
  const read = await mapLimit(pages, READ_CONCURRENCY, async (page): Promise<TrainingPage | null> => {
    const file = await corpusFile(root, sidecarPathOf(page));
    if (!file.ok) return null;
    let json: string;
    try {
      json = (await readFileInCorpus(file.value)).toString('utf8');
    } catch {
      return null;
    }
    const parsed = parseSidecar(json);
    if (parsed.kind !== 'ok') return null;
    const { text, entities, rejectedEntities } = parsed.sidecar;
    const rejected = rejectedEntities.filter((r) => r.start !== undefined && r.end !== undefined).map((r) => ({ start: r.start!, end: r.end! }));
    if (entities.length === 0 && rejected.length === 0) return null;
    return { text, spans: entities.map(({ start, end, type }) => ({ start, end, type })), rejected };
  });
  const kept = read.filter((p): p is TrainingPage => p !== null);
  const hash = createHash('sha256');
  for (const p of kept) hash.update(JSON.stringify([p.text, p.spans, p.rejected]));
  return { pages: kept, signature: hash.digest('hex') };
}
