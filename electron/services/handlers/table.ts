import path from 'node:path';
import { z } from 'zod';
import { relativePathSchema, requestSchemas, type CorpusInfo, type RequestChannel } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { technicalReason, withReason } from '../../../shared/errors/reasons';
import { openAppStore, type AppStore } from '../app/app-state';
import { BatchJournals } from '../batch/journal';
import { appHandlers } from './app';
import { batchHandlers } from './batch';
import type { ChannelHandlers, HandlerContext, HandlerDeps } from './context';
import { corpusHandlers, openCorpus, openCorpusPath } from './corpus';
import { releaseCorpusLock } from './corpus-write-gate';
import { stopWatching } from './corpus-watch';
import { entitiesHandlers } from './entities';
import { exportHandlers } from './export';
import { journalHandlers } from './journal';
import { logHandlers } from './log';
import { ignoreHandlers } from './ignore';
import { learnedHandlers } from './learned';
import { ocrHandlers } from './ocr';
import { pageHandlers } from './page';
import { findScanImage, type ScanImageFile } from '../scans/scan-image';
import { ScanPreviews, type ScanPreview } from '../scans/scan-preview';
import { DeepZoomTiles } from '../scans/deep-zoom-tiles';
import { answerTileRequest } from '../scans/deep-zoom-parts';
import type { TileRequest } from '../../../shared/ipc/scan-tile-url';
import { corpusDataDir } from '../app/corpus-data-dir';
import { sharedTextWorker } from '../text-worker/text-worker';
import { openErrorLog, type ErrorLog } from '../app/error-log';
import { guardHandler } from './error-guard';

export type { HandlerDeps } from './context';

/// The request handler table both shells call: Electron's ipcMain wrapper and the browser harness.
export interface Handlers {
  /// Validates `rawArgs` against the channel's schema, then runs it; unknown channels and bad arguments fail
  /// with 'invalid-argument' before any implementation runs. Never throws: an exception becomes 'internal' with
  /// an error id (details in the error log), and no error carries a stack or an absolute path outside the corpus.
  handle(channel: string, rawArgs: unknown): Promise<Result<unknown>>;
  /// The app log beside the state file (the shells write their own failures to it; tests read it after closing it).
  errorLog: ErrorLog;
  /// Opens a corpus folder directly (command line, tests, reopening the last corpus).
  openCorpus(root: string): Promise<Result<CorpusInfo>>;
  /// The app state store (the Electron shell keeps the window's size and position there).
  appStore(): Promise<AppStore>;
  /// Every request channel the table serves.
  channels: string[];
  /// Resolves when the scan currently running (if any) has finished and its last event was sent.
  scanFinished(): Promise<void>;
  /// Resolves when the open corpus's text cache has no fill or refresh running (tests and benchmarks).
  corpusTextsLoaded(): Promise<void>;
  /// A scan image of the open corpus, opened and verified like page.scanImage, for shells that stream it (the
  /// harness GET, the Electron scheme); the caller streams from its handle and closes it.
  scanImageFile(rel: string): Promise<Result<ScanImageFile>>;
  /// The downscaled copy (`width` pixels wide) of a scan image of the open corpus, confined the same way.
  scanImagePreview(rel: string, width: number): Promise<Result<ScanPreview>>;
  /// A TIFF scan of the open corpus converted to PNG, confined the same way; fails for other images.
  scanImageAsPng(rel: string): Promise<Result<{ bytes: Buffer; mime: string }>>;
  /// A deep-zoom answer for a large scan (see DeepZoomTiles), its tiles cached in the corpus's data folder.
  scanTile(rel: string, request: TileRequest): Promise<Result<{ bytes: Buffer; mime: string }>>;
  /// Resolves when the open corpus's watcher (if any) follows every folder and knows every file (tests).
  corpusWatched(): Promise<void>;
  /// Stops watching the open corpus and gives back its lock (the shell calls it when the window closes or the app
  /// quits). The table stays usable; opening a corpus takes a lock again.
  close(): Promise<void>;
}

/// Builds the handler table over the given shell dependencies.
///
/// State (open corpus, chosen export folder, scan generation) lives in the table; the app store is opened on
/// first use from `deps.stateFile`.
export function createHandlers(deps: HandlerDeps): Handlers {
  let storePromise: Promise<AppStore> | null = null;
  const previews = new ScanPreviews();
  const deepZoom = new DeepZoomTiles();
  const textWorker = sharedTextWorker();
  const errorLog = deps.errorLog ?? openErrorLog(deps.stateFile);
  // Folders the user chose in a dialog may be named in errors as they are (the user typed or picked them).
  const chosen: string[] = [];
  const dialogs: HandlerDeps['dialogs'] = {
    async chooseFolder(purpose) {
      const folder = await deps.dialogs.chooseFolder(purpose);
      if (folder !== null) chosen.push(folder, path.resolve(folder));
      return folder;
    },
  };
  const known = () => ({ corpusRoot: ctx.corpus?.root ?? null, chosen });
  const ctx: HandlerContext = {
    deps: { ...deps, dialogs },
    store: () => (storePromise ??= openAppStore(deps.stateFile)),
    corpus: null,
    corpusLock: null,
    exportFolder: null,
    scan: { generation: 0, abort: null, finished: Promise.resolve(), done: true, pages: new Map(), paths: null },
    corpusText: null,
    batch: { journals: new BatchJournals(batchJournalFolderOf(deps.stateFile)), running: Promise.resolve() },
    changedSidecars: new Set(),
    watcher: null,
  };
  const table: ChannelHandlers<RequestChannel> = {
    ...appHandlers(ctx),
    ...corpusHandlers(ctx),
    ...pageHandlers(ctx, previews, textWorker),
    ...exportHandlers(ctx),
    ...ocrHandlers(ctx, textWorker),
    ...batchHandlers(ctx),
    ...entitiesHandlers(ctx, textWorker),
    ...journalHandlers(ctx),
    ...logHandlers(errorLog),
    ...ignoreHandlers(ctx),
    ...learnedHandlers(ctx),
    // A folder named by path (issue 18) may be named in errors as it is, like a folder chosen in a dialog.
    'corpus.openPath': async (folder) => {
      chosen.push(folder, path.resolve(folder));
      return openCorpusPath(ctx, folder);
    },
  };

  const scanImageFile = async (rel: string): Promise<Result<ScanImageFile>> => {
    const shape = relativePathSchema.safeParse(rel);
    if (!shape.success) return failWith('scan.badPath');
    return ctx.corpus ? findScanImage(ctx.corpus.root, rel) : failWith('corpus.notOpen');
  };
  // The found image's handle is closed here once the preview or PNG is made; scanImageFile's caller closes its own.
  const scanImagePreview = async (rel: string, width: number): Promise<Result<ScanPreview>> => {
    const found = await scanImageFile(rel);
    if (!found.ok) return found;
    try {
      return await previews.make(found.value, width);
    } finally {
      await found.value.handle.close();
    }
  };
  const scanImageAsPng = async (rel: string): Promise<Result<{ bytes: Buffer; mime: string }>> => {
    const found = await scanImageFile(rel);
    if (!found.ok) return found;
    try {
      if (found.value.mime !== 'image/tiff') return failWith('scan.notTiff', { path: rel });
      return await previews.png(found.value);
    } finally {
      await found.value.handle.close();
    }
  };

  const scanTile = async (rel: string, request: TileRequest): Promise<Result<{ bytes: Buffer; mime: string }>> => {
    const found = await scanImageFile(rel);
    if (!found.ok || !ctx.corpus) return found.ok ? failWith('corpus.notOpen') : found;
    try {
      return await answerTileRequest(deepZoom, found.value, path.join(corpusDataDir(deps.stateFile, ctx.corpus.root), 'tiles'), request);
    } finally {
      await found.value.handle.close();
    }
  };

  return {
    async handle(channel, rawArgs) {
      if (!Object.hasOwn(requestSchemas, channel)) return failWith('request.unknown', { channel: channel.slice(0, 100) });
      const name = channel as RequestChannel;
      return guardHandler(
        name,
        async () => {
          const parsed = requestSchemas[name].safeParse(rawArgs);
          if (!parsed.success) {
            // A programming error (the renderer sends what the contract types allow): zod's English is technical.
            return failWith('request.invalidArguments', withReason({ channel: name }, 'problem', technicalReason(z.prettifyError(parsed.error).replace(/\n/g, '; '))));
          }
          // The schema and the implementation come from the same channel name, so the tuple fits.
          const implementation = table[name] as (...args: unknown[]) => Promise<Result<unknown>>;
          // eslint-disable-next-line no-restricted-syntax -- a channel's argument tuple, checked by its schema (at most three)
          return implementation(...(parsed.data as unknown[]));
        },
        errorLog,
        known,
      );
    },
    errorLog,
    openCorpus: (root) => openCorpus(ctx, root),
    appStore: () => ctx.store(),
    channels: Object.keys(requestSchemas),
    scanFinished: () => ctx.scan.finished,
    corpusTextsLoaded: async () => {
      await ctx.scan.finished;
      await ctx.corpusText?.idle();
    },
    // The harness streams scan images itself; their errors are guarded like the request channels'.
    scanImageFile: (rel) => guardHandler('page.scanImage', () => scanImageFile(rel), errorLog, known),
    scanImagePreview: (rel, width) => guardHandler('page.scanImage', () => scanImagePreview(rel, width), errorLog, known),
    scanImageAsPng: (rel) => guardHandler('page.scanImage', () => scanImageAsPng(rel), errorLog, known),
    scanTile: (rel, request) => guardHandler('page.scanImage', () => scanTile(rel, request), errorLog, known),
    corpusWatched: async () => {
      await ctx.watcher?.ready;
    },
    close: async () => {
      await stopWatching(ctx);
      await releaseCorpusLock(ctx);
    },
  };
}

/// The folder of batch-replacement undo journals that belongs to a state file (beside it, like its index).
export function batchJournalFolderOf(stateFile: string): string {
  return stateFile.replace(/(\.json)?$/, '.batch-undo');
}
