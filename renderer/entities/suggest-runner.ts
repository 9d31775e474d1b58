import type { EntitySuggestion } from '../../shared/entities/suggest';
import { suggestForPage, type PageSuggestRequest } from '../../shared/entities/suggest/page-request';

/// A message to the suggestion worker.
export interface SuggestWorkerRequest {
  id: number;
  request: PageSuggestRequest;
}

/// The suggestion worker's answer to request `id`.
export type SuggestWorkerAnswer = { id: number; suggestions: EntitySuggestion[] } | { id: number; error: string };

/// Runs whole-page suggestion requests off the editor's thread.
export interface SuggestRunner {
  /// Resolves with the page's suggestions, or with null when a later `run` (or `dispose`) superseded this one.
  run(request: PageSuggestRequest): Promise<EntitySuggestion[] | null>;
  /// Abandons the run in progress (its promise resolves with null); `run` still works afterwards.
  dispose(): void;
}

/// Runs requests in a Web Worker made by `makeWorker` (renderer/entities/suggest.worker.ts), one at a time.
///
/// A new request while one is running ends the worker, whose answer would be stale, and starts a fresh one. If
/// the worker cannot start, requests are computed on the calling thread instead: slower to show, never lost.
export function workerRunner(makeWorker: () => Worker): SuggestRunner {
  let worker: Worker | null = null;
  let running: { id: number; request: PageSuggestRequest; resolve(value: EntitySuggestion[] | null): void; reject(error: Error): void } | null = null;
  let nextId = 1;
  let unavailable = false;

  const settle = () => {
    const done = running;
    running = null;
    return done;
  };
  const stop = () => {
    settle()?.resolve(null);
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker => {
    const made = makeWorker();
    made.onmessage = (event: MessageEvent<SuggestWorkerAnswer>) => {
      const answer = event.data;
      if (running === null || answer.id !== running.id) return;
      const done = settle()!;
      if ('suggestions' in answer) done.resolve(answer.suggestions);
      else done.reject(new Error(`The entity suggesters failed: ${answer.error}`));
    };
    made.onerror = (event) => {
      // The worker script did not load (the suggesters catch their own errors): compute here from now on.
      event.preventDefault();
      unavailable = true;
      worker?.terminate();
      worker = null;
      const done = settle();
      if (done) done.resolve(suggestForPage(done.request));
    };
    return made;
  };

  return {
    run(request) {
      if (unavailable) return Promise.resolve(suggestForPage(request));
      if (running) stop();
      const current = worker ?? (worker = start());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        running = { id, request, resolve, reject };
        current.postMessage({ id, request } satisfies SuggestWorkerRequest);
      });
    },
    dispose: stop,
  };
}
