import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ExportFormatId } from '../../../shared/export/format-ids';
import { exporterFor } from '../../../shared/export/registry';
import type { ExportContext, Exporter } from '../../../shared/export/types';
import type { ExportOutcome, ExportRequest, PageEntry } from '../../../shared/ipc/contract';
import { ok, type Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { isInside } from '../disk/confine';
import { pagesInScope } from './export-scope';
import { ExportOutput } from './export-output';
import { ExportProblems } from './export-problems';
import { exportOnePage, finishFormats, startFormats, writeExtraFiles, type RunningFormat } from './export-formats';
import { exportPagesInPool, type PageLoopState } from './export-parallel';
import { ExportPool } from './export-pool';
import type { exportPoolScript } from './export-pool-script';
import { exportPageFromFiles, readExportFilesSync } from './read-export-page';

/// Called with how many pages are finished and how many there are in all (after each slice of pages).
export type ExportProgress = (done: number, total: number) => void;

/// What a run needs besides the request.
export interface RunExportOptions {
  /// The app's version, written by exporters that name the app.
  appVersion: string;
  onProgress?: ExportProgress;
  /// Stops the run between two pages: finished files stay, partial files are removed, `cancelled` is true.
  signal?: AbortSignal;
  /// The page list of a finished scan of this corpus (the app's); without it the corpus is scanned.
  known?: readonly PageEntry[];
  /// Keeps the pages whose relative path it accepts (the command line's `--pages <glob>`).
  filter?: (rel: string) => boolean;
  /// The clock the run's start time comes from (exporters write it instead of reading the clock).
  now?: () => Date;
  /// The exporters by format (default: the registry's `exporterFor`, which follows the options); tests pass their own.
  exporters?: Partial<Record<ExportFormatId, Exporter>>;
  /// Threads of the export pool for per-page formats, whatever the page count (default: ExportPool.defaultSize()
  /// from POOL_MIN_PAGES pages on; 0: all in this thread).
  poolSize?: number;
  /// How the pool's threads start (tests give one that fails, to see the export finish in this thread).
  poolScript?: typeof exportPoolScript;
}

// Pages are exported synchronously for at most this long before the event loop gets a turn, so the main process
// keeps answering requests during a long export.
const SLICE_MS = 12;
// Fewer pages than this are exported in this thread: starting the pool's threads would cost more than it saves.
const POOL_MIN_PAGES = 200;

/// Exports the pages `request.scope` names of the corpus at `root` in every format of `request.formats` into
/// `outDir`, one page at a time, so memory stays bounded by the largest page.
///
/// Each page is read, exported and its per-page files written before the next one, synchronously within a slice
/// of SLICE_MS: the file system calls take tens of microseconds each here, less than the promises and thread-pool
/// hand-offs that overlapping them cost (see docs/exports/pipeline.md). Pages go to the exporters, and their files
/// are claimed, strictly in scope order. Collection files are streamed, their writes overlapping the next pages.
///
/// Each page and its sidecar are read as every corpus reader does (confined, verified); a sidecar that cannot be
/// trusted leaves the page exported as its original and gives a 'sidecar-unusable' problem. Per-page formats write
/// their files as each page goes by; a collection format streams into one file. Every file is written under
/// `<final name>.jiaodui-partial` and renamed when complete, so nothing half-written stands under a final name.
/// The signal stops the run between pages: partial files are removed, finished files stay. An `outDir` inside the
/// corpus is refused, and so is any single target that would land inside it. Problems with single pages are
/// collected (see ExportProblems); the export goes on.
export async function runExport(root: string, request: ExportRequest, outDir: string, options: RunExportOptions): Promise<Result<ExportOutcome>> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return failWith('corpus.notFound', { root });
  }
  const absOut = path.resolve(outDir);
  if (isInside(realRoot, await realPathOrSelf(absOut)) || isInside(path.resolve(root), absOut)) {
    return failWith('export.folderInsideCorpus');
  }
  const problems = new ExportProblems();
  const chosen: { format: ExportFormatId; exporter: Exporter }[] = [];
  for (const format of new Set(request.formats)) {
    const exporter = options.exporters ? options.exporters[format] : exporterFor(format, request.options);
    if (exporter) chosen.push({ format, exporter });
    else problems.add('', 'unknown-format', `This version of Jiaodui cannot export the ${format} format yet.`, format);
  }
  if (chosen.length === 0) return failWith('export.noFormat', { formats: request.formats.join(', ') });

  const scoped = await pagesInScope(root, request.scope, { known: options.known, filter: options.filter, signal: options.signal });
  if (!scoped.ok) {
    return scoped.error.code === 'cancelled' ? ok({ outDir: absOut, written: 0, pages: 0, cancelled: true, problems: problems.all() }) : scoped;
  }
  const pages = scoped.value;
  try {
    await mkdir(absOut, { recursive: true });
  } catch (error) {
    return failWith('export.folderNotMade', { path: absOut }, (error as Error).message);
  }
  const context: ExportContext = { appVersion: options.appVersion, startedAt: (options.now?.() ?? new Date()).toISOString(), options: request.options };
  const output = new ExportOutput(realRoot, absOut);
  const formats: RunningFormat[] = startFormats(chosen, output, problems, context);

  const state: PageLoopState = { done: 0, exported: 0 };
  let cancelled = false;
  try {
    options.onProgress?.(0, pages.length);
    const poolSize = options.poolSize ?? ExportPool.defaultSize();
    // The pool only for per-page formats (a collection's chunks need the page here) and the registry's exporters
    // (tests' own cannot cross to a thread), and, unless a size is given, for enough pages to pay for its threads.
    const enoughPages = options.poolSize !== undefined || pages.length >= POOL_MIN_PAGES;
    if (poolSize > 0 && enoughPages && options.exporters === undefined && formats.every((running) => running.exporter.kind === 'per-page')) {
      cancelled = await exportPagesInPool({ realRoot, pages, formats, output, problems, context, signal: options.signal, onProgress: options.onProgress, poolSize, script: options.poolScript }, state);
    }
    while (!cancelled && state.done < pages.length) {
      const sliceEnd = performance.now() + SLICE_MS;
      do {
        if (options.signal?.aborted) break;
        const scopedPage = pages[state.done]!;
        const read = exportPageFromFiles(scopedPage, readExportFilesSync(realRoot, scopedPage));
        state.done++;
        if (!read.ok) {
          problems.add(scopedPage.path, 'unreadable', read.message, undefined, read.worded);
          continue;
        }
        if (read.sidecarProblem !== null) problems.addSidecarUnusable(scopedPage.path, read.sidecarProblem, read.sidecarReason);
        await exportOnePage(read.page, formats, output, problems, context, () => state.exported++);
      } while (state.done < pages.length && performance.now() < sliceEnd);
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      options.onProgress?.(state.done, pages.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The files of the pages already exported are finished, also after a cancel: each was written whole and
    // renamed before the next page began.
    if (!cancelled) await finishFormats(formats, output, problems, context);
  } finally {
    // Cancelled or failed: every collection still being written goes, with its partial file.
    await output.discardAll();
  }
  writeExtraFiles(formats, output, problems, context);
  return ok({ outDir: absOut, written: output.written, pages: state.exported, cancelled, problems: problems.all() });
}

async function realPathOrSelf(abs: string): Promise<string> {
  // The export folder may not exist yet: resolve its nearest existing parent.
  let current = abs;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), missing.reverse().join(path.sep));
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
