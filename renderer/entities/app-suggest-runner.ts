import { workerRunner, type SuggestRunner } from './suggest-runner';

/// The app's suggestion runner: the suggesters in a module worker that Vite bundles beside the renderer.
///
/// The worker starts at the first whole-page run, not when this is called.
export function appSuggestRunner(): SuggestRunner {
  return workerRunner(() => new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module', name: 'entity-suggesters' }));
}
