import { access } from 'node:fs/promises';
import path from 'node:path';
import { TAGSET_FILE_NAME } from '../../../shared/entities/tagset';
import type { CorpusEntityIndex } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { CorpusEntityIndexer } from '../entities/corpus-entity-index';
import { scanCorpus, type ScanResult } from './corpus-scan';

/// Builds the corpus entity index of the corpus at `root` in one go (no cache kept), e.g. for the command line.
export async function readCorpusEntityIndex(root: string): Promise<Result<CorpusEntityIndex>> {
  const scanned = await scanCorpus(root);
  if (!scanned.ok) return scanned;
  return ok(await entityIndexOfScan(root, scanned.value));
}

/// The corpus entity index of a finished scan of the corpus at `root` (its pages with a sidecar are read).
export function entityIndexOfScan(root: string, scan: Pick<ScanResult, 'pages' | 'index'>): Promise<CorpusEntityIndex> {
  const withSidecar = scan.pages.filter((p) => Object.hasOwn(scan.index, p.path)).map((p) => p.path);
  return new CorpusEntityIndexer(root).build(withSidecar);
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
