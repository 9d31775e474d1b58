import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/// How to start an export pool thread: the script beside the bundled main process in a build, or, where the
/// services run from their TypeScript sources (the harness, the CLI, the tests, the bench, all through tsx), a small
/// module that registers tsx's loader in the new thread and then imports the entry's source (as textWorkerScript).
export function exportPoolScript(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return { script: new URL('./export-pool.cjs', here), eval: false };
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./export-pool-main.ts', here).href;
  return {
    script: `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}
