import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { exportPoolScript } from './export-pool-script';
import type { PageJob, PageWork } from './page-work';

/// Worker threads that do pages' CPU-bound share of an export (read and judge the sidecar, run the per-page
/// exporters; see page-work.ts) while the main thread writes the files in page order. Jobs go to the thread with
/// the fewest waiting; each answer comes back as its own promise, so the caller awaits them in page order and
/// bounds memory by how many it has asked for.
///
/// A thread that cannot start or dies makes its jobs, and every later one, fail with an Error: the caller then
/// does the pages itself (see runPagesInPool).
export class ExportPool {
  private readonly workers: { worker: Worker; waiting: Map<number, { resolve: (work: PageWork) => void; reject: (error: Error) => void }> }[] = [];
  private nextId = 1;
  private broken: Error | null = null;

  /// Starts `size` threads (`script` says how; tests give one that fails to load).
  constructor(size: number, script: typeof exportPoolScript = exportPoolScript) {
    const { script: source, eval: isCode } = script();
    for (let n = 0; n < size; n++) {
      const worker = new Worker(source, { eval: isCode });
      const entry = { worker, waiting: new Map<number, { resolve: (work: PageWork) => void; reject: (error: Error) => void }>() };
      worker.on('message', ({ id, work }: { id: number; work: PageWork }) => {
        const waiting = entry.waiting.get(id);
        entry.waiting.delete(id);
        waiting?.resolve(work);
      });
      const lost = (error: Error) => {
        this.broken ??= error;
        for (const waiting of entry.waiting.values()) waiting.reject(error);
        entry.waiting.clear();
      };
      worker.on('error', lost);
      worker.on('exit', (code) => lost(new Error(`An export thread stopped (exit code ${code}).`)));
      this.workers.push(entry);
    }
  }

  /// How many threads a pool here should have: one per core the process may use (none on a single core, where a
  /// thread would only compete with the main one).
  static defaultSize(): number {
    const cores = availableParallelism();
    return cores >= 2 ? Math.min(cores, 8) : 0;
  }

  /// Does `job` on the least busy thread.
  run(job: PageJob): Promise<PageWork> {
    if (this.broken) return Promise.reject(this.broken);
    let entry = this.workers[0]!;
    for (const other of this.workers) if (other.waiting.size < entry.waiting.size) entry = other;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.waiting.set(id, { resolve, reject });
      entry.worker.postMessage({ id, job });
    });
  }

  /// Stops every thread; jobs still waiting fail.
  async close(): Promise<void> {
    this.broken ??= new Error('The export pool was closed.');
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
