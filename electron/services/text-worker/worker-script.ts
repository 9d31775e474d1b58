import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/// How to start the text worker thread: the script beside the bundled main process in a build, or, where the
/// services run from their TypeScript sources (the harness, the CLI, the tests, all through tsx), a small module
/// that registers tsx's loader in the new thread and then imports the worker's source.
export function textWorkerScript(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return { script: new URL('./text-worker.cjs', here), eval: false };
  // Node 20 does not apply `--import tsx` given in a worker's execArgv to the worker's own entry, hence the loader.
  // require.resolve finds the CommonJS build of tsx's API; its ES module build sits beside it.
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./worker-main.ts', here).href;
  return {
    script: `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}
