/// Entry point of the text worker thread (see `TextWorker`): runs the jobs the main process posts, one at a time.
import { parentPort } from 'node:worker_threads';
import { failWith } from '../../../shared/errors/fail-with';
import { runTextJob, transferablesOf, warmUpTextJobs, type TextJob } from './jobs';

const port = parentPort;
if (port !== null) {
  port.on('message', (message: { id: number; job: TextJob }) => {
    void runTextJob(message.job)
      .catch((error: unknown) => failWith('worker.failed', {}, (error as Error).stack ?? String(error)))
      .then((result) => port.postMessage({ id: message.id, result }, transferablesOf(result)));
  });
  // The first request would otherwise wait for these; the worker has nothing else to do yet.
  setImmediate(() => void warmUpTextJobs());
}
