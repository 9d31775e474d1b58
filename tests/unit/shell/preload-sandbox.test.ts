import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preloadBuildOptions } from '../../../scripts/build-steps';

// A sandboxed preload (sandbox: true, app.enableSandbox()) gets a `require` that knows only a few modules
// ('electron' and a handful of polyfills), and no Node built-ins. This test bundles the preload exactly as the build
// does and runs it in a bare V8 context whose `require` answers only 'electron', like the sandbox.

interface Exposed {
  key: string;
  api: Record<string, unknown>;
}

let dir: string;
let code: string;
const required: string[] = [];
const exposed: Exposed[] = [];
const invoked: { channel: string; args: unknown }[] = [];
const subscribed: string[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-preload-'));
  const outfile = path.join(dir, 'preload.cjs');
  await build({ ...preloadBuildOptions(outfile), sourcemap: false, logLevel: 'silent' });
  code = await fs.readFile(outfile, 'utf8');
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
    ipcRenderer: {
      on: (channel: string) => subscribed.push(channel),
      invoke: (channel: string, args: unknown) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name} (a sandboxed preload can only require electron)`);
  };
  const module = { exports: {} };
  // No `process`, `Buffer` or Node globals: the bundle must not need them.
  const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, console });
  vm.runInContext(code, context, { filename: 'preload.cjs' });
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the preload bundle under the sandbox', () => {
  it('requires nothing but electron', () => {
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('runs and exposes one API object, window.jiaodui, made of functions only', () => {
    expect(exposed.map((e) => e.key)).toEqual(['jiaodui']);
    const api = exposed[0]!.api;
    expect(Object.keys(api).length).toBeGreaterThan(10);
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
  });

  it('listens to the contract events and invokes requests on their channels with the arguments unchanged', async () => {
    expect(subscribed).toContain('corpus.scanProgress');
    expect(subscribed).toContain('dialog.request');
    const api = exposed[0]!.api as { openPage(path: string): Promise<unknown> };
    await api.openPage('𠮷.txt');
    expect(invoked).toEqual([{ channel: 'page.open', args: ['𠮷.txt'] }]);
  });
});
