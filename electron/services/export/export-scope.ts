import type { ExportScope, PageEntry } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { scanCorpus } from '../corpus/corpus-scan';

/// A page to export: its path, and its companions when a corpus scan has listed them (for the scan image).
export interface ScopedPage {
  path: string;
  companions: readonly string[];
}

/// The pages an export covers, in the corpus's display order (named pages in the order given).
///
/// `known` is the page list of a finished scan of the same corpus (the app's; statuses kept current by the app);
/// without it the corpus is scanned here, reporting but never removing leftover temporary files (an export
/// writes nothing into the corpus). A page without sidecar counts as 'unreviewed'. `filter` (the command line's
/// `--pages <glob>`) keeps the pages whose relative path it accepts.
export async function pagesInScope(
  root: string,
  scope: ExportScope,
  options: { known?: readonly PageEntry[]; filter?: (rel: string) => boolean; signal?: AbortSignal } = {},
): Promise<Result<ScopedPage[]>> {
  let listed = options.known;
  if (listed === undefined) {
    // Statuses cost a read of every sidecar (nearly half of a 10,000-page export's reading); only the status scope
    // needs them.
    const scan = await scanCorpus(root, { temps: 'report', signal: options.signal, statuses: scope.kind === 'status' });
    if (!scan.ok) return scan.error.code === 'cancelled' ? failWith('export.cancelled') : scan;
    listed = scan.value.pages;
  }
  const filter = options.filter ?? (() => true);
  if (scope.kind === 'pages') {
    const byPath = new Map(listed.map((page) => [page.path, page]));
    // A named page the scan does not list is still tried: reading it says why it cannot be exported.
    return ok([...new Set(scope.pages)].filter(filter).map((rel) => ({ path: rel, companions: byPath.get(rel)?.companions ?? [] })));
  }
  const statuses = scope.kind === 'status' ? new Set<string>(scope.statuses) : null;
  return ok(
    listed
      .filter((page) => (statuses === null || statuses.has(page.status ?? 'unreviewed')) && filter(page.path))
      .map((page) => ({ path: page.path, companions: page.companions })),
  );
}
