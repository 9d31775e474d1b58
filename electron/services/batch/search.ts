import type { BatchPageInfo, BatchQuery, BatchSearchOutcome } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { buildConcordance } from './concordance';
import { findMatches } from './find-matches';
import { compileQuery } from '../../../shared/batch/query';
import type { CorpusTextCache } from '../corpus/corpus-text-cache';

/// Hits returned by one search at most; the outcome says how many more there are.
export const HIT_LIMIT = 10_000;

/// Searches every page of the corpus for a query and returns a keyword-in-context concordance.
///
/// Hits the replacement would leave unchanged are left out and counted in `unchanged`.
///
/// Texts come from the cache (read again where a file changed). In the corrected scope a page with an unusable
/// sidecar is searched in its original text and marked `blocked`. Hits beyond `limit` are counted, not returned.
export async function searchCorpus(cache: CorpusTextCache, pages: readonly string[], query: BatchQuery, limit = HIT_LIMIT): Promise<Result<BatchSearchOutcome>> {
  const started = performance.now();
  const compiled = compileQuery(query);
  if (!compiled.ok) return compiled;
  const corpus = await cache.texts(pages);
  const texts = corpus.pages.map((p) => (query.scope === 'corrected' ? p.corrected : p.original));
  const found = findMatches(compiled.value, texts, limit);
  if (!found.ok) return found;
  const all = buildConcordance(
    compiled.value,
    corpus.pages.map((p) => p.path),
    texts,
    found.value.matches,
  );
  // A hit the replacement would leave as it is is not offered: ticking it would change nothing, and the count
  // reported after replacing would differ from the count ticked. In the literal modes that is every hit or none;
  // in the regex mode only the hits listed are known (those past the limit are counted as found).
  const hits = all.filter((hit) => hit.match !== hit.replacement);
  const unchanged = compiled.value.mode !== 'regex' && hits.length === 0 && all.length > 0 ? found.value.total : all.length - hits.length;
  const info: Record<string, BatchPageInfo> = {};
  const byPath = new Map(corpus.pages.map((page) => [page.path, page]));
  for (const hit of hits) {
    const page = byPath.get(hit.page)!;
    info[page.path] ??= { version: page.version, blocked: page.blocked };
  }
  return ok({
    hits,
    total: found.value.total - unchanged,
    unchanged,
    limit,
    pagesSearched: corpus.pages.length,
    pages: info,
    unreadable: corpus.unreadable,
    elapsedMs: Math.round(performance.now() - started),
  });
}
