import type { CorpusInfo } from '../../../shared/ipc/contract';
import { listStats } from '../../../shared/model/page-stats';
import { listEntries, type ScannedPage } from '../corpus/scanned-page';
import { baseOf, sortByPathNaturally } from '../../../shared/model/page-files';
import { SIDECAR_SUFFIX } from '../../../shared/model/sidecar-schema';
import { describeGroups } from '../corpus/corpus-scan';
import { watchedKind } from '../corpus/corpus-watch-files';
import { CorpusWatcher, type WatchedBatch } from '../corpus/corpus-watcher';
import type { HandlerContext } from './context';
import { noteProfilePages } from '../ocr/error-profile-store';

// More page groups than this in one batch (a folder of pages copied in, an OCR run writing its output): the
// corpus is scanned again instead of described group by group.
const MAX_INCREMENTAL_GROUPS = 500;

/// Starts watching the corpus just opened (`info`) for files changed outside the app, after closing the watcher
/// of the corpus open before; does nothing unless the shell asked for it (`deps.watchCorpus`).
///
/// Each batch goes out as a 'corpus.filesChanged' event; the scan state follows it: the changed page groups are
/// described again and the page list is sent anew when pages appeared, vanished or changed their files, or
/// as 'corpus.pageStatus' when only review statuses or sidecar statistics changed. A changed `jiaodui.corpus.json` calls `rescan`.
export function watchCorpus(ctx: HandlerContext, info: CorpusInfo, rescan: () => void): void {
  void stopWatching(ctx);
  if (ctx.deps.watchCorpus !== true) return;
  // Batches are followed one after another, in the order they came.
  let following: Promise<void> = Promise.resolve();
  const watcher = new CorpusWatcher(info.root, {
    onChanges: (batch) => {
      following = following.then(() => followChanges(ctx, info, watcher, batch, rescan)).catch((error: unknown) => warn(info, error));
    },
    onError: (error) => warn(info, error),
  });
  ctx.watcher = watcher;
}

/// Stops watching the open corpus (another is opened, the app quits).
export async function stopWatching(ctx: HandlerContext): Promise<void> {
  const watcher = ctx.watcher;
  ctx.watcher = null;
  await watcher?.close();
}

async function followChanges(ctx: HandlerContext, info: CorpusInfo, watcher: CorpusWatcher, batch: WatchedBatch, rescan: () => void): Promise<void> {
  // Each opening of a corpus has its own info object: a batch of an earlier opening stops here.
  const current = () => ctx.watcher === watcher && ctx.corpus === info;
  if (!current()) return;
  ctx.deps.emit('corpus.filesChanged', { changes: batch.changes });
  if (batch.settingsChanged) return rescan();
  const bases = new Set(batch.changes.map((change) => groupOf(change.path)).filter((base): base is string => base !== null));
  if (bases.size === 0) return;
  // A scan under way may or may not have seen these files: the groups are described again once it has ended.
  await ctx.scan.finished;
  if (!current() || ctx.scan.paths === null) return;
  if (bases.size > MAX_INCREMENTAL_GROUPS) return rescan();
  const generation = ctx.scan.generation;
  const fresh = await describeGroups(info.root, bases);
  // A scan started meanwhile lists these pages itself.
  if (!current() || ctx.scan.generation !== generation || ctx.scan.abort !== null) return;

  const old = new Map([...ctx.scan.pages.values()].filter((page) => bases.has(page.base)).map((page) => [page.path, page]));
  for (const path of old.keys()) ctx.scan.pages.delete(path);
  for (const page of fresh) ctx.scan.pages.set(page.path, page);
  const touched = [...new Set([...old.keys(), ...fresh.map((page) => page.path)])];
  // The corpus entity index reads these sidecars again; the text cache reads (or drops) these pages now.
  for (const path of touched) ctx.changedSidecars.add(path);
  noteProfilePages(ctx, touched);
  void ctx.corpusText?.refresh(touched).catch(() => undefined);

  const reshaped = old.size !== fresh.length || fresh.some((page) => !sameListing(old.get(page.path), page));
  if (reshaped) {
    const pages = sortByPathNaturally([...ctx.scan.pages.values()], (page) => page.path);
    ctx.scan.paths = pages.map((page) => page.path);
    // A new generation replaces the renderer's list, as at the end of a scan (nothing was walked: `scanned` is
    // the number of pages).
    ctx.deps.emit('corpus.scanProgress', { generation: ++ctx.scan.generation, pages: listEntries(pages), scanned: pages.length, done: true, corpus: info });
    return;
  }
  // A sidecar changed outside the app: its status dot and its statistics (list columns, dashboard) follow.
  const statuses = fresh
    .filter((page) => old.get(page.path)?.status !== page.status || JSON.stringify(old.get(page.path)?.stats) !== JSON.stringify(page.stats))
    .map((page) => (page.stats === undefined ? { path: page.path, status: page.status } : { path: page.path, status: page.status, stats: listStats(page.stats) }));
  if (statuses.length > 0) ctx.deps.emit('corpus.pageStatus', { pages: statuses });
}

// The page group a watched file belongs to (its page path without extension), or null for the settings file.
function groupOf(rel: string): string | null {
  const kind = watchedKind(rel);
  if (kind === 'page-file') return baseOf(rel);
  if (kind === 'sidecar') return baseOf(rel.slice(0, -SIDECAR_SUFFIX.length));
  return null;
}

// Whether two entries of one page look the same in the page list apart from the review status (size and time
// of the page file are not shown there).
function sameListing(a: ScannedPage | undefined, b: ScannedPage): boolean {
  if (a === undefined) return false;
  return (
    a.source === b.source &&
    a.companions.join('\n') === b.companions.join('\n') &&
    (a.otherSidecars ?? []).join('\n') === (b.otherSidecars ?? []).join('\n')
  );
}

function warn(info: CorpusInfo, error: unknown): void {
  console.warn(`Jiaodui: watching the corpus ${info.root} for outside changes: ${error instanceof Error ? error.message : String(error)}`);
}
