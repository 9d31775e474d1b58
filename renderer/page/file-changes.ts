import type { EventPayloads } from '../../shared/ipc/contract';
import { SIDECAR_SUFFIX } from '../../shared/model/sidecar-schema';

/// One file the corpus watcher saw change.
export type FileChange = EventPayloads['corpus.filesChanged']['changes'][number];

/// Whether a changed file (relative path) is the page `page` itself or its sidecar.
export function isAboutPage(changed: string, page: string): boolean {
  return changed === page || changed === page + SIDECAR_SUFFIX;
}
