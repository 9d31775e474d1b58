import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { mainProcessBuildOptions, textWorkerBuildOptions } from '../../../scripts/build-steps';

/// A window of the fake electron module (tests/unit/shell/fake-electron) as these tests see it.
export interface FakeWindow {
  sent: { channel: string; payload: unknown }[];
  reloads: number;
  crashed: number;
  emit(name: string, ...args: unknown[]): void;
  webContents: { emit(name: string, ...args: unknown[]): void; mainFrame: { url: string } };
}

/// What the fake electron module recorded (the fields these tests read).
export interface FakeElectronRecord {
  windows: FakeWindow[];
  ipcHandlers: Map<string, (event: unknown, args: unknown) => Promise<unknown>>;
  crashReporter: Record<string, unknown> | null;
  exitCodes: number[];
  singleInstanceAsked: boolean;
}

/// Bundles electron/main.ts as the build does into `<dir>/app/dist/electron/main.cjs` and runs it with `args`
/// after the executable and script (as `electron main.cjs …`), against the fake electron module; returns its record.
export async function loadBundledMain(dir: string, args: string[]): Promise<FakeElectronRecord> {
  const out = path.join(dir, 'app', 'dist', 'electron');
  await build({ ...mainProcessBuildOptions(path.join(out, 'main.cjs')), sourcemap: false, logLevel: 'silent' });
  await build({ ...textWorkerBuildOptions(path.join(out, 'text-worker.cjs')), sourcemap: false, logLevel: 'silent' });
  await fs.symlink(path.join(import.meta.dirname, '..', '..', '..', 'node_modules'), path.join(dir, 'app', 'node_modules'), 'dir');
  await fs.mkdir(path.join(out, 'node_modules', 'electron'), { recursive: true });
  await fs.copyFile(path.join(import.meta.dirname, 'fake-electron', 'index.cjs'), path.join(out, 'node_modules', 'electron', 'index.js'));
  const savedArgv = process.argv;
  process.argv = ['electron', path.join(out, 'main.cjs'), ...args];
  try {
    createRequire(path.join(out, 'main.cjs'))(path.join(out, 'main.cjs'));
  } finally {
    process.argv = savedArgv;
  }
  return (globalThis as unknown as { __fakeElectron: FakeElectronRecord }).__fakeElectron;
}

/// Waits until `done()` holds (polling every 25 ms, up to 5 s).
export async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
}
