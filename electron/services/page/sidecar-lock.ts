// Every write of a sidecar (saving a page, corpus propagation and its undo) goes through this queue, so two writers
// cannot both pass the "sidecar unchanged" check and the second overwrite the first.
const queues = new Map<string, Promise<unknown>>();

/// Runs `work` after every earlier task queued for the same sidecar (absolute path) has settled.
///
/// Tasks for different sidecars run in parallel. The queue entry is dropped once the last task of a sidecar ends.
export async function withSidecarLock<T>(sidecarAbs: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(sidecarAbs) ?? Promise.resolve()).then(work);
  const settled = run.catch(() => undefined);
  queues.set(sidecarAbs, settled);
  try {
    return await run;
  } finally {
    if (queues.get(sidecarAbs) === settled) queues.delete(sidecarAbs);
  }
}
