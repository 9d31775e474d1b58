import { z } from 'zod';
import { relativePathSchema, requestSchemas, type CorpusInfo, type RequestChannel } from '../../../shared/ipc/contract';
import { fail, type Result } from '../../../shared/result';
import { openAppStore, type AppStore } from '../app/app-state';
import { BatchJournals } from '../batch/journal';
import { appHandlers } from './app';
import { batchHandlers } from './batch';
import type { ChannelHandlers, HandlerContext, HandlerDeps } from './context';
import { corpusHandlers, openCorpus } from './corpus';
import { entitiesHandlers } from './entities';
import { exportHandlers } from './export';
import { journalHandlers } from './journal';
import { ocrHandlers } from './ocr';
import { pageHandlers } from './page';
import { findScanImage, type ScanImageFile } from '../scans/scan-image';
import { ScanPreviews, type ScanPreview } from '../scans/scan-preview';
import { sharedTextWorker } from '../text-worker/text-worker';

export type { HandlerDeps } from './context';

/// The request handler table both shells call: Electron's ipcMain wrapper and the browser harness.
export interface Handlers {
  /// Validates `rawArgs` against the channel's schema, then runs it; unknown channels and bad arguments fail
  /// with 'invalid-argument' before any implementation runs. Never throws.
  handle(channel: string, rawArgs: unknown): Promise<Result<unknown>>;
  /// Opens a corpus folder directly (command line, tests, reopening the last corpus).
  openCorpus(root: string): Promise<Result<CorpusInfo>>;
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
}

/// Builds the handler table over the given shell dependencies.
///
/// State (open corpus, chosen export folder, scan generation) lives in the table; the app store is opened on
/// first use from `deps.stateFile`.
export function createHandlers(deps: HandlerDeps): Handlers {
  let storePromise: Promise<AppStore> | null = null;
  const previews = new ScanPreviews();
  const textWorker = sharedTextWorker();
  const ctx: HandlerContext = {
    deps,
    store: () => (storePromise ??= openAppStore(deps.stateFile)),
    corpus: null,
    exportFolder: null,
    scan: { generation: 0, abort: null, finished: Promise.resolve(), done: true, pages: new Map(), paths: null },
    corpusText: null,
    batch: { journals: new BatchJournals(batchJournalFolderOf(deps.stateFile)), running: Promise.resolve() },
    changedSidecars: new Set(),
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
  };

  return {
    async handle(channel, rawArgs) {
      if (!Object.hasOwn(requestSchemas, channel)) return fail('invalid-argument', `Unknown request "${channel}".`);
      const name = channel as RequestChannel;
      const parsed = requestSchemas[name].safeParse(rawArgs);
      if (!parsed.success) {
        return fail('invalid-argument', `Invalid arguments for "${name}": ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
      }
      try {
        // The schema and the implementation come from the same channel name, so the tuple fits.
        const implementation = table[name] as (...args: unknown[]) => Promise<Result<unknown>>;
        // eslint-disable-next-line no-restricted-syntax -- a channel's argument tuple, checked by its schema (at most three)
        return await implementation(...(parsed.data as unknown[]));
      } catch (error) {
        return fail('internal', `Something went wrong while handling "${name}".`, (error as Error).stack ?? String(error));
      }
    },
    openCorpus: (root) => openCorpus(ctx, root),
    channels: Object.keys(requestSchemas),
    scanFinished: () => ctx.scan.finished,
    corpusTextsLoaded: async () => {
      await ctx.scan.finished;
      await ctx.corpusText?.idle();
    },
    scanImageFile: async (rel) => {
      const shape = relativePathSchema.safeParse(rel);
      if (!shape.success) return fail('invalid-argument', 'The scan image path is not a relative path.');
      return ctx.corpus ? findScanImage(ctx.corpus.root, rel) : fail('no-corpus', 'No corpus folder is open.');
    },
    scanImagePreview: async (rel, width) => {
      const shape = relativePathSchema.safeParse(rel);
      if (!shape.success) return fail('invalid-argument', 'The scan image path is not a relative path.');
      if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
      const found = await findScanImage(ctx.corpus.root, rel);
      if (!found.ok) return found;
      try {
        return await previews.make(found.value, width);
      } finally {
        await found.value.handle.close();
      }
    },
    scanImageAsPng: async (rel) => {
      const shape = relativePathSchema.safeParse(rel);
      if (!shape.success) return fail('invalid-argument', 'The scan image path is not a relative path.');
      if (!ctx.corpus) return fail('no-corpus', 'No corpus folder is open.');
      const found = await findScanImage(ctx.corpus.root, rel);
      if (!found.ok) return found;
      try {
        if (found.value.mime !== 'image/tiff') return fail('invalid-argument', `"${rel}" is not a TIFF scan.`);
        return await previews.png(found.value);
      } finally {
        await found.value.handle.close();
      }
    },
  };
}

/// The folder of batch-replacement undo journals that belongs to a state file (beside it, like its index).
export function batchJournalFolderOf(stateFile: string): string {
  return stateFile.replace(/(\.json)?$/, '.batch-undo');
}
