import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { repoRoot } from './repo-root';

/// One build step: its output, the sources that make it stale, and how to run it.
interface BuildStep {
  name: string;
  output: string;
  sources: string[];
  run(): Promise<void>;
}

/// What the build did per step.
export interface BuildReport {
  built: string[];
  skipped: string[];
}

// eslint-disable-next-line no-restricted-syntax -- the few path segments written in this file
const at = (...parts: string[]) => path.join(repoRoot, ...parts);

// Native addons cannot be bundled; they load from node_modules at run time (electron-builder packs them).
const NODE_EXTERNALS = ['electron', '@node-rs/*', 'sharp', '@img/*'];

// Services are ESM and may use import.meta.url; in the CommonJS bundle it is rebuilt from __filename.
const IMPORT_META_BANNER = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/// The esbuild options that bundle electron/main.ts into one CommonJS file (also used by the main-process test).
///
/// Platform node, `electron` and native addons external, import.meta.url mapped onto __filename.
export function mainProcessBuildOptions(outfile: string): BuildOptions {
  return {
    entryPoints: [at('electron', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: NODE_EXTERNALS,
    banner: { js: IMPORT_META_BANNER },
    define: { 'import.meta.url': '__importMetaUrl' },
    sourcemap: true,
    logLevel: 'warning',
  };
}

/// The esbuild options of the text worker thread's script (electron/services/text-worker), bundled like the main
/// process; it must sit beside main.cjs, where `textWorkerScript` looks for it.
export function textWorkerBuildOptions(outfile: string): BuildOptions {
  return { ...mainProcessBuildOptions(outfile), entryPoints: [at('electron', 'services', 'text-worker', 'worker-main.ts')] };
}

/// The esbuild options of the export pool threads' script (electron/services/export/export-pool-main.ts), bundled
/// like the main process; it must sit beside main.cjs, where `exportPoolScript` looks for it.
export function exportPoolBuildOptions(outfile: string): BuildOptions {
  return { ...mainProcessBuildOptions(outfile), entryPoints: [at('electron', 'services', 'export', 'export-pool-main.ts')] };
}

/// The esbuild options of the preload (also used by the sandbox test): one CommonJS file with only `electron` left
/// outside, since a sandboxed preload can require nothing else.
export function preloadBuildOptions(outfile: string): BuildOptions {
  return {
    entryPoints: [at('electron', 'preload.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    sourcemap: 'inline',
    logLevel: 'warning',
  };
}

const STEPS: BuildStep[] = [
  {
    name: 'renderer',
    output: at('dist', 'renderer', 'index.html'),
    sources: [at('renderer'), at('shared'), at('vite.config.ts')],
    run: () => runVite(),
  },
  {
    name: 'main',
    output: at('dist', 'electron', 'main.cjs'),
    sources: [at('electron'), at('shared')],
    run: async () => {
      await esbuild(mainProcessBuildOptions(at('dist', 'electron', 'main.cjs')));
      await esbuild(textWorkerBuildOptions(at('dist', 'electron', 'text-worker.cjs')));
      await esbuild(exportPoolBuildOptions(at('dist', 'electron', 'export-pool.cjs')));
    },
  },
  {
    name: 'preload',
    output: at('dist', 'electron', 'preload.cjs'),
    sources: [at('electron', 'preload.ts'), at('shared')],
    run: async () => {
      await esbuild(preloadBuildOptions(at('dist', 'electron', 'preload.cjs')));
    },
  },
];

/// Builds the renderer (vite), the main process and the preload (esbuild) into dist/.
///
/// A step whose output is newer than all its sources is skipped unless `force` is set.
export async function buildAll(options: { force?: boolean; only?: string[]; log?: (line: string) => void } = {}): Promise<BuildReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const report: BuildReport = { built: [], skipped: [] };
  for (const step of STEPS) {
    if (options.only && !options.only.includes(step.name)) continue;
    if (!options.force && isUpToDateSync(step.output, step.sources)) {
      report.skipped.push(step.name);
      continue;
    }
    const started = Date.now();
    await step.run();
    report.built.push(step.name);
    log(`built ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return report;
}

/// True when `output` exists and is newer than every file under `sources`.
export function isUpToDateSync(output: string, sources: readonly string[]): boolean {
  let outputTime: number;
  try {
    outputTime = fs.statSync(output).mtimeMs;
  } catch {
    return false;
  }
  return sources.every((source) => newestMtimeSync(source) <= outputTime);
}

/// The newest modification time of a file, or of any file below a folder (0 when missing).
export function newestMtimeSync(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtimeSync(path.join(target, entry.name)));
  }
  return newest;
}

function runVite(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [at('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}`))));
  });
}
