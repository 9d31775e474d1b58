/// Entry point of an export pool thread (see ExportPool): does the pages the main thread posts, one at a time, and
/// sends each page's files back as transferred buffers.
import { parentPort } from 'node:worker_threads';
import { doPageJob, transferablesOf, type PageJob } from './page-work';

const port = parentPort;
if (port !== null) {
  port.on('message', (message: { id: number; job: PageJob }) => {
    const work = doPageJob(message.job);
    port.postMessage({ id: message.id, work }, transferablesOf(work));
  });
}
