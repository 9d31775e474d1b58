/// The export's page loop on an ExportPool: pages handed to the threads ahead of the writer, a window of them at a
/// time (memory bounded by the window, not the corpus). The threads write each page's files under staged names
/// (see export-stage.ts); this thread claims and renames them strictly in page order.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ExportContext } from '../../../shared/export/types';
import { applyPageWork, type RunningFormat } from './export-formats';
import type { ExportOutput } from './export-output';
import { ExportPool } from './export-pool';
import type { exportPoolScript } from './export-pool-script';
import type { ExportProblems } from './export-problems';
import type { ScopedPage } from './export-scope';
import { stagedFilesOf, type PageWork } from './page-work';

/// Where the loop stands: pages done (in order) and pages with an output written.
export interface PageLoopState {
  done: number;
  exported: number;
}

/// What the pool loop needs of the run.
export interface PoolRun {
  realRoot: string;
  pages: readonly ScopedPage[];
  formats: readonly RunningFormat[];
  output: ExportOutput;
  problems: ExportProblems;
  context: ExportContext;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  poolSize: number;
  /// How the threads start (default exportPoolScript).
  script?: typeof exportPoolScript;
}

// Pages asked for ahead of the writer, per thread: enough to keep every thread busy while the writer catches up.
const AHEAD_PER_THREAD = 4;
// Progress is reported at most this often.
const PROGRESS_MS = 50;

/// Exports `run.pages` from `state.done` on, their CPU-bound share on a pool of `run.poolSize` threads. Returns
/// whether the run was cancelled. Should a thread fail to start or die, the loop stops at the first page not yet
/// written and returns false with `state.done` there: the caller does the rest itself. The pool is closed on return.
export async function exportPagesInPool(run: PoolRun, state: PageLoopState): Promise<boolean> {
  let pool: ExportPool;
  try {
    pool = new ExportPool(run.poolSize, run.script);
  } catch {
    return false;
  }
  const perPage = run.formats.map((running) => running.format);
  const window = run.poolSize * AHEAD_PER_THREAD;
  // The threads write the files themselves, under names of this run; this thread renames them in page order.
  const stage = { outDir: run.output.outDir, tag: run.output.tag };
  const asked: Promise<PageWork>[] = [];
  let next = state.done;
  const ask = () => {
    while (next < run.pages.length && next - state.done < window) {
      const promise = pool.run({ realRoot: run.realRoot, page: run.pages[next]!, formats: perPage, context: run.context, stage, index: next });
      // A rejection is handled when this page's turn comes; until then it must not count as unhandled.
      promise.catch(() => undefined);
      asked.push(promise);
      next++;
    }
  };
  let lastProgress = performance.now();
  try {
    while (state.done < run.pages.length) {
      if (run.signal?.aborted) return true;
      ask();
      let work: PageWork;
      try {
        work = await asked.shift()!;
      } catch {
        return false;
      }
      const page = run.pages[state.done]!;
      state.done++;
      if (!work.ok) run.problems.add(page.path, 'unreadable', work.message, undefined, work.worded);
      else {
        if (work.sidecarProblem !== null) run.problems.addSidecarUnusable(page.path, work.sidecarProblem, work.sidecarReason);
        applyPageWork(page.path, work.outcomes, run.formats, run.output, run.problems, () => state.exported++);
      }
      if (performance.now() - lastProgress >= PROGRESS_MS) {
        lastProgress = performance.now();
        run.onProgress?.(state.done, run.pages.length);
      }
    }
    return run.signal?.aborted ?? false;
  } finally {
    // Pages asked for and not written (a cancel, a thread that died): their staged files go, once their threads
    // are done with them; then whatever else the run staged and did not rename.
    const folders = new Set<string>();
    for (const promise of asked) {
      try {
        for (const staged of stagedFilesOf(await promise)) {
          rmSync(staged, { force: true });
          folders.add(path.dirname(staged));
        }
      } catch {
        // The thread died: what it staged is found by the sweep below.
      }
    }
    await pool.close();
    run.output.removeStaged(folders);
  }
}
