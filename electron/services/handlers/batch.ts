import { realpath } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/result';
import { scanCorpus } from '../corpus-scan';
import { replaceInCorpus } from '../batch/replace';
import { searchCorpus } from '../batch/search';
import { CorpusTextCache } from '../batch/text-cache';
import { undoLastBatch } from '../batch/undo';
import type { ChannelHandlers, HandlerContext } from './context';

// Progress events at most this often (plus the last one).
const PROGRESS_INTERVAL_MS = 100;

/// The batch.* channels: corpus-wide search, replacement of the ticked hits, and undo of the last batch.
///
/// batch.last (asked when the dialog opens) also starts filling the corpus text cache in the background.
export function batchHandlers(ctx: HandlerContext): ChannelHandlers<'batch.search' | 'batch.replace' | 'batch.undo' | 'batch.last'> {
  return {
    'batch.search': async (query) => {
      const corpus = await corpusPages(ctx);
      if (!corpus.ok) return corpus;
      return searchCorpus(corpus.value.cache, corpus.value.pages, query);
    },
    'batch.replace': async (request) => {
      const root = await realRoot(ctx);
      if (!root.ok) return root;
      const done = await oneAtATime(ctx, () =>
        replaceInCorpus({ realRoot: root.value, appVersion: ctx.deps.appVersion, journals: ctx.batch.journals, onProgress: progressEmitter(ctx) }, request),
      );
      // Entity spans moved with the text: the corpus entity index re-reads these sidecars next time.
      if (done.ok) for (const page of done.value.changedPages) ctx.changedSidecars.add(page);
      return done;
    },
    'batch.undo': async () => {
      const root = await realRoot(ctx);
      if (!root.ok) return root;
      const undone = await oneAtATime(ctx, () => undoLastBatch(root.value, ctx.batch.journals, progressEmitter(ctx)));
      if (undone.ok) for (const page of undone.value.restoredPages) ctx.changedSidecars.add(page);
      return undone;
    },
    'batch.last': async () => {
      const root = await realRoot(ctx);
      if (!root.ok) return root;
      // The dialog asks this when it opens: fill the text cache meanwhile, so the first search is a warm one.
      void corpusPages(ctx).then((corpus) => (corpus.ok ? corpus.value.cache.texts(corpus.value.pages) : null));
      return ok((await ctx.batch.journals.last(root.value))?.summary ?? null);
    },
  };
}

async function realRoot(ctx: HandlerContext): Promise<Result<string>> {
  if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
  try {
    return ok(await realpath(ctx.corpus.root));
  } catch {
    return fail('no-corpus', `The corpus folder "${ctx.corpus.root}" cannot be found.`);
  }
}

// The open corpus's pages (from the last scan; waits for a running one, or scans when there was none) and its
// text cache.
async function corpusPages(ctx: HandlerContext): Promise<Result<{ pages: string[]; cache: CorpusTextCache }>> {
  const root = await realRoot(ctx);
  if (!root.ok) return root;
  if (ctx.scannedPaths === null) await ctx.scan.finished;
  let pages = ctx.scannedPaths;
  if (pages === null) {
    const scan = await scanCorpus(root.value);
    if (!scan.ok) return scan;
    pages = scan.value.pages.map((page) => page.path);
  }
  if (ctx.batch.cache?.realRoot !== root.value) ctx.batch.cache = new CorpusTextCache(root.value);
  return ok({ pages, cache: ctx.batch.cache });
}

function oneAtATime<T>(ctx: HandlerContext, run: () => Promise<T>): Promise<T> {
  const next = ctx.batch.running.then(run, run);
  ctx.batch.running = next.catch(() => undefined);
  return next;
}

function progressEmitter(ctx: HandlerContext): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done === total || now - last >= PROGRESS_INTERVAL_MS) {
      last = now;
      ctx.deps.emit('batch.progress', { done, total });
    }
  };
}
