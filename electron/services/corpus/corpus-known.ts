import { access } from 'node:fs/promises';
import path from 'node:path';
import { TAGSET_FILE_NAME } from '../../../shared/entities/tagset';
import type { CorpusEntityIndex } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { CorpusEntityIndexer } from '../entities/corpus-entity-index';
import { scanCorpus } from './corpus-scan';

/// Builds the corpus entity index of the corpus at `root` in one go (no cache kept), e.g. for the command line.
export async function readCorpusEntityIndex(root: string): Promise<Result<CorpusEntityIndex>> {
  const scanned = await scanCorpus(root);
  if (!scanned.ok) return scanned;
  const withSidecar = scanned.value.pages.filter((p) => Object.hasOwn(scanned.value.index, p.path)).map((p) => p.path);
  return ok(await new CorpusEntityIndexer(root).build(withSidecar));
}

/// The nearest folder at or above `fromDir` that holds a `jiaodui.tagset.json`, i.e. a corpus root; null if none.
export async function findCorpusRoot(fromDir: string): Promise<string | null> {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    try {
      await access(path.join(dir, TAGSET_FILE_NAME));
      return dir;
    } catch {
      // Not here: try the parent.
    }
    if (path.dirname(dir) === dir) return null;
  }
}
