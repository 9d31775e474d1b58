import { realpath } from 'node:fs/promises';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { replaceInCorpus } from '../batch/replace';
import { searchCorpus } from '../batch/search';
import { undoLastBatch } from '../batch/undo';
import type { ChannelHandlers, HandlerContext } from './context';
import { corpusPagesAndTexts, noteWritten } from './corpus-texts';
import { refuseUnlessWritable } from './corpus-write-gate';

// Progress events at most this often (plus the last one).
const PROGRESS_INTERVAL_MS = 100;

/// The batch.* channels: corpus-wide search (over the open corpus's text cache), replacement of the ticked hits,
/// and undo of the last batch.
export function batchHandlers(ctx: HandlerContext): ChannelHandlers<'batch.search' | 'batch.replace' | 'batch.undo' | 'batch.last'> {
  return {
    'batch.search': async (query) => {
      const corpus = await corpusPagesAndTexts(ctx);
      if (!corpus.ok) return corpus;
      return searchCorpus(corpus.value.cache, corpus.value.pages, query);
    },
    'batch.replace': async (request) => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused) return refused;
      const root = await realRoot(ctx);
      if (!root.ok) return root;
      const done = await oneAtATime(ctx, () =>
        replaceInCorpus({ realRoot: root.value, appVersion: ctx.deps.appVersion, journals: ctx.batch.journals, onProgress: progressEmitter(ctx) }, request),
      );
      if (done.ok) noteWritten(ctx, done.value.changedPages);
      return done;
    },
    'batch.undo': async () => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused) return refused;
      const root = await realRoot(ctx);
      if (!root.ok) return root;
      const undone = await oneAtATime(ctx, () => undoLastBatch(root.value, ctx.batch.journals, progressEmitter(ctx)));
      if (undone.ok) noteWritten(ctx, undone.value.restoredPages);
      return undone;
    },
    'batch.last': async () => {
      const root = await realRoot(ctx);
      if (!root.ok) return root;
      return ok((await ctx.batch.journals.last(root.value))?.summary ?? null);
    },
  };
}

async function realRoot(ctx: HandlerContext): Promise<Result<string>> {
  if (!ctx.corpus) return failWith('corpus.notOpen');
  try {
    return ok(await realpath(ctx.corpus.root));
  } catch {
    return failWith('corpus.notFound', { root: ctx.corpus.root });
  }
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
