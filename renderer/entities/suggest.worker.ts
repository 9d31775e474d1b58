// The entity suggesters in a Web Worker: a whole-page run on a 200,000-character page takes a second or more,
// which on the renderer's main thread would freeze typing. See suggest-runner.ts for the other side.
import { suggestForPage } from '../../shared/entities/suggest/page-request';
import type { SuggestWorkerAnswer, SuggestWorkerRequest } from './suggest-runner';

// The DOM typings describe a window; a dedicated worker's global scope has these two members.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SuggestWorkerRequest>) => void) | null;
  postMessage(message: SuggestWorkerAnswer): void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    scope.postMessage({ id, suggestions: suggestForPage(request) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
