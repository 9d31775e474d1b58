import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusInfo } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { readCorpusSettings, writeTextSource } from '../corpus/corpus-config';
import { scanCorpus } from '../corpus/corpus-scan';
import { corpusTopEntities, listEntries } from '../corpus/scanned-page';
import { TOP_CORPUS_ENTITIES } from '../../../shared/model/page-stats';
import { corpusTextCacheOf } from './corpus-texts';
import { lockCorpus, refuseUnlessWritable } from './corpus-write-gate';
import { stopWatching, watchCorpus } from './corpus-watch';
import type { ChannelHandlers, HandlerContext } from './context';

/// Opens a corpus folder: takes its lock (or opens it read-only when another program holds it), remembers it,
/// adds it to the recent list and starts a streaming scan.
///
/// Returns as soon as the folder is known to exist; pages arrive as 'corpus.scanProgress' events.
export async function openCorpus(ctx: HandlerContext, root: string): Promise<Result<CorpusInfo>> {
  let real: string;
  try {
    real = await realpath(path.resolve(root));
    if (!(await stat(real)).isDirectory()) return failWith('corpus.notFolder', { root });
  } catch {
    return failWith('folder.notFound', { root });
  }
  // The last corpus's watcher stops before its state goes, so no late batch of it lands in the new corpus's list.
  void stopWatching(ctx);
  // One writer per corpus: when another program holds the corpus, it is opened read-only here.
  const readOnly = await lockCorpus(ctx, real);
  const info: CorpusInfo = { root: real, name: path.basename(real) || real, ...(readOnly ? { readOnly } : {}) };
  ctx.corpus = info;
  ctx.exportFolder = null;
  ctx.scan.pages = new Map();
  ctx.scan.paths = null;
  // The previous corpus's texts are let go; the new one's fill when its scan ends.
  ctx.corpusText?.dispose();
  ctx.corpusText = null;
  await (await ctx.store()).addRecentCorpus(real);
  ctx.deps.onAppStateChange?.();
  // Changes made outside the app from now on are followed; the scan lists what is there already.
  watchCorpus(ctx, info, () => {
    if (ctx.corpus === info) startScan(ctx, info);
  });
  startScan(ctx, info);
  return ok(info);
}

/// Opens the folder at an absolute path (corpus.openPath: dropped on the window, Open Recent, a second launch).
///
/// A relative path is refused (there is no working folder to read it against); the path naming the corpus that
/// is open already leaves it open as it is (no new scan, no lost list position).
export async function openCorpusPath(ctx: HandlerContext, folder: string): Promise<Result<CorpusInfo>> {
  if (!path.isAbsolute(folder)) return failWith('folder.notAbsolute', { path: folder });
  if (ctx.corpus) {
    const real = await realpath(folder).catch(() => null);
    if (real === ctx.corpus.root) return ok(ctx.corpus);
  }
  return openCorpus(ctx, folder);
}

/// Starts a new scan of the open corpus, cancelling any scan still running; batches go out as events.
export function startScan(ctx: HandlerContext, info: CorpusInfo): void {
  ctx.scan.abort?.abort();
  const abort = new AbortController();
  const generation = ++ctx.scan.generation;
  ctx.scan.abort = abort;
  const current = () => ctx.scan.generation === generation;
  ctx.scan.pages = new Map();
  ctx.scan.done = false;
  ctx.scan.finished = (async () => {
    const store = await ctx.store();
    let scanned = 0;
    const result = await scanCorpus(info.root, {
      signal: abort.signal,
      index: store.corpusIndex(info.root),
      onBatch: (pages, seen) => {
        scanned = seen;
        if (current()) for (const page of pages) ctx.scan.pages.set(page.path, page);
        if (current()) ctx.deps.emit('corpus.scanProgress', { generation, pages: listEntries(pages), scanned: seen, done: false, corpus: info });
      },
    });
    if (!current()) return;
    if (result.ok) {
      scanned = result.value.scanned;
      ctx.scan.paths = result.value.pages.map((page) => page.path);
      await store.setCorpusIndex(info.root, result.value.index);
    }
    // A newer scan may have started while the index was written: its events stand, this one's end does not.
    if (!current()) return;
    ctx.scan.done = true;
    ctx.deps.emit('corpus.scanProgress', { generation, pages: [], scanned, done: true, corpus: info });
    ctx.scan.abort = null;
    // The first corpus search or propagation then finds every page's text in memory.
    if (result.ok && ctx.scan.paths !== null) corpusTextCacheOf(ctx, info.root).fill(ctx.scan.paths);
  })().catch(() => {
    // A scan that throws (the folder vanished mid-way) still ends the progress, so the UI stops waiting.
    if (!current()) return;
    ctx.scan.done = true;
    ctx.deps.emit('corpus.scanProgress', { generation, pages: [], scanned: 0, done: true, corpus: info });
  });
}

/// The corpus.* channels: choose and open a folder, the current corpus, rescan.
export function corpusHandlers(
  ctx: HandlerContext,
): ChannelHandlers<
  'corpus.chooseAndOpen' | 'corpus.current' | 'corpus.rescan' | 'corpus.settings' | 'corpus.setTextSource' | 'corpus.pages' | 'corpus.rememberPage' | 'corpus.topEntities'
> {
  return {
    'corpus.chooseAndOpen': async () => {
      const folder = await ctx.deps.dialogs.chooseFolder('open-corpus');
      if (folder === null) return ok(null);
      return openCorpus(ctx, folder);
    },
    'corpus.current': async () => ok(ctx.corpus),
    // A renderer that starts (a reload, a second window) asks for the scan so far instead of waiting for events
    // that were sent before it listened.
    'corpus.pages': async () => {
      const corpus = ctx.corpus;
      const lastPage = corpus ? (await ctx.store()).lastPage(corpus.root) : null;
      return ok({ corpus, generation: ctx.scan.generation, pages: listEntries(ctx.scan.pages.values()), done: ctx.scan.done, lastPage });
    },
    // The dashboard's most frequent entities, summed here so the page list need not carry each page's top list.
    'corpus.topEntities': async () => ok(corpusTopEntities(ctx.scan.pages.values(), TOP_CORPUS_ENTITIES)),
    'corpus.rememberPage': async (lastPage) => {
      if (!ctx.corpus) return failWith('corpus.notOpen');
      await (await ctx.store()).setLastPage(ctx.corpus.root, lastPage);
      return ok(null);
    },
    'corpus.rescan': async () => {
      if (!ctx.corpus) return failWith('corpus.notOpen');
      startScan(ctx, ctx.corpus);
      return ok(null);
    },
    'corpus.settings': async () => (ctx.corpus ? ok(await readCorpusSettings(ctx.corpus.root)) : failWith('corpus.notOpen')),
    'corpus.setTextSource': async (source) => {
      const refused = await refuseUnlessWritable(ctx);
      if (refused || !ctx.corpus) return refused ?? failWith('corpus.notOpen');
      const written = await writeTextSource(ctx.corpus.root, source);
      if (written.ok) startScan(ctx, ctx.corpus);
      return written;
    },
  };
}
