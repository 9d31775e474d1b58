import { realpath } from 'node:fs/promises';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { scanCorpus } from '../corpus/corpus-scan';
import { readSidecarFacts } from '../corpus/sidecar-facts';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { listStats } from '../../../shared/model/page-stats';
import { CorpusTextCache } from '../corpus/corpus-text-cache';
import type { HandlerContext } from './context';
import { noteProfilePages } from '../ocr/error-profile-store';

/// The open corpus's text cache, made when there is none yet or the corpus changed (`realRoot`: after realpath).
export function corpusTextCacheOf(ctx: HandlerContext, realRoot: string): CorpusTextCache {
  if (ctx.corpusText?.realRoot !== realRoot) {
    ctx.corpusText?.dispose();
    ctx.corpusText = new CorpusTextCache(realRoot);
  }
  return ctx.corpusText;
}

/// The open corpus's pages and their text cache, for corpus-wide search, replacement and propagation.
///
/// The pages are those of the last scan; a scan still running is waited for, and a corpus never scanned (a
/// scan that failed) is scanned here.
export async function corpusPagesAndTexts(ctx: HandlerContext): Promise<Result<{ realRoot: string; pages: readonly string[]; cache: CorpusTextCache }>> {
  if (!ctx.corpus) return failWith('corpus.notOpen');
  const root = ctx.corpus.root;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  await ctx.scan.finished;
  let pages = ctx.corpus?.root === root ? ctx.scan.paths : null;
  if (pages === null) {
    const scan = await scanCorpus(root, { index: (await ctx.store()).corpusIndex(root) });
    if (!scan.ok) return scan;
    pages = scan.value.pages.map((page) => page.path);
  }
  return ok({ realRoot, pages, cache: corpusTextCacheOf(ctx, realRoot) });
}

/// Records that the app wrote (or removed) the sidecars of `pages`: the text cache reads them again now, the
/// corpus entity index re-reads them next time without checking every other sidecar, and unless the renderer
/// made the change itself (`bySave`), their review statuses go out as a 'corpus.pageStatus' event so the page
/// list's status dots follow.
/// Notes a page the app has just saved: the corpus entity index looks at it again, and the corpus text cache takes
/// the saved texts as they are (see CorpusTextCache.noteSaved) instead of reading the page again.
export function noteSaved(ctx: HandlerContext, path: string, saved: Parameters<CorpusTextCache['noteSaved']>[1]): void {
  ctx.changedSidecars.add(path);
  noteProfilePages(ctx, [path]);
  void ctx.corpusText?.noteSaved(path, saved).catch(() => undefined);
}

export function noteWritten(ctx: HandlerContext, pages: readonly string[], options: { bySave?: boolean } = {}): void {
  if (pages.length === 0) return;
  for (const page of pages) ctx.changedSidecars.add(page);
  noteProfilePages(ctx, pages);
  void ctx.corpusText?.refresh(pages).catch(() => undefined);
  if (options.bySave !== true && ctx.corpus) void announceStatuses(ctx, ctx.corpus.root, pages);
}

async function announceStatuses(ctx: HandlerContext, root: string, pages: readonly string[]): Promise<void> {
  const statuses = await Promise.all(
    pages.map(async (path) => {
      const facts = await readSidecarFacts(root, sidecarPathOf(path));
      return facts === null ? { path, status: null } : { path, status: facts.status, stats: facts.stats };
    }),
  );
  // A corpus opened meanwhile has other pages.
  if (ctx.corpus?.root !== root) return;
  for (const { path, status, stats } of statuses) {
    const entry = ctx.scan.pages.get(path);
    if (!entry) continue;
    const { stats: _old, ...rest } = entry;
    ctx.scan.pages.set(path, stats === undefined ? { ...rest, status } : { ...rest, status, stats });
  }
  ctx.deps.emit('corpus.pageStatus', { pages: statuses.map((page) => (page.stats === undefined ? page : { ...page, stats: listStats(page.stats) })) });
}
