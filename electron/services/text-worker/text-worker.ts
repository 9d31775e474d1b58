import { Worker } from 'node:worker_threads';
import type { Result } from '../../../shared/result';
import { failWith } from '../../../shared/errors/fail-with';
import { runTextJob, type TextJob, type TextJobResults } from './jobs';
import { textWorkerScript } from './worker-script';

/// Runs text jobs (OCR suggestions, word tagging) on a worker thread, so the main process keeps answering the
/// renderer (opening pages, serving scan images) while they run.
///
/// The thread starts on first use or `warmUp`, and loads its models as soon as it starts. Should it die after it has
/// answered, the jobs waiting on it fail with a plain message and the next job starts a new one. Where no thread can
/// be started, or the first one dies before its first answer, jobs run in the calling thread, as before this worker
/// existed.
export class TextWorker {
  /// `script` says how to start the thread (tests give one that fails to load).
  constructor(private readonly script: typeof textWorkerScript = textWorkerScript) {}

  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { job: TextJob; resolve: (result: Result<unknown>) => void }>();
  private unavailable = false;
  private closing = false;

  /// Does `job` on the worker thread.
  run<K extends TextJob['kind']>(job: Extract<TextJob, { kind: K }>): Promise<Result<TextJobResults[K]>> {
    const worker = this.started();
    if (worker === null) return runTextJob(job) as Promise<Result<TextJobResults[K]>>;
    const id = this.nextId++;
    // A thread with work to give back keeps the process alive; an idle one does not (the CLI and the tests end
    // when their own work is done).
    worker.ref();
    return new Promise((resolve) => {
      this.waiting.set(id, { job, resolve: resolve as (result: Result<unknown>) => void });
      worker.postMessage({ id, job });
    });
  }

  /// Starts the thread now, so its models are loaded before the first job (called when a page opens).
  warmUp(): void {
    this.started();
  }

  /// Stops the thread; jobs still waiting fail.
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.closing = true;
    try {
      if (worker !== null) await worker.terminate();
    } finally {
      this.closing = false;
    }
  }

  private started(): Worker | null {
    if (this.worker !== null || this.unavailable) return this.worker;
    let worker: Worker;
    try {
      const { script, eval: isCode } = this.script();
      worker = new Worker(script, { eval: isCode });
    } catch {
      this.unavailable = true;
      return null;
    }
    worker.unref();
    let answered = false;
    worker.on('message', ({ id, result }: { id: number; result: Result<unknown> }) => {
      answered = true;
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      waiting?.resolve(result);
    });
    const lost = (why: string) => {
      if (this.worker === worker) this.worker = null;
      const jobs = [...this.waiting.values()];
      this.waiting.clear();
      if (!answered && this.worker === null && !this.closing) {
        // A thread that died before its first answer could not load (a packaged app without the script, a missing
        // native module): do the jobs here from now on, as before the worker existed.
        this.unavailable = true;
        for (const { job, resolve } of jobs) void runTextJob(job).then(resolve);
        return;
      }
      for (const { resolve } of jobs) resolve(failWith('worker.stopped', {}, why));
    };
    worker.on('error', (error) => lost(error.stack ?? String(error)));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }
}

let shared: TextWorker | null = null;

/// The process's one text worker: every handler table (a window, a test) shares its thread and loaded models.
export function sharedTextWorker(): TextWorker {
  shared ??= new TextWorker();
  return shared;
}
