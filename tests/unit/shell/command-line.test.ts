import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, encoding: 'utf8', env });

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npm start without an Electron binary', () => {
  it('tries Electron’s installer, then prints one sentence pointing to the harness and exits 1, without a stack trace', async () => {
    // The binary is made missing (an empty override folder) and its download impossible (a closed port, an empty
    // download cache), whatever this machine has installed.
    const empty = path.join(dir, 'no-electron');
    await fs.mkdir(empty);
    const run = tsx('scripts/start.ts', [], { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: empty });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron could not be installed on this machine \(.+\), so the desktop app cannot start; use the browser harness instead: npm run dev:browser -- --corpus <folder>$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toContain('fetching it once with its own installer');
  }, 60_000);
});

describe('npm run dev:browser', () => {
  it('refuses a corpus folder that does not exist in one plain line', () => {
    const run = tsx('scripts/dev-browser.ts', ['--corpus', path.join(dir, 'missing'), '--no-build']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`The corpus folder ${path.join(dir, 'missing')} does not exist.`);
  });

  it('serves the real handler table on the corpus, prints the address last, and stops cleanly on SIGTERM', async () => {
    const corpus = path.join(dir, '报纸');
    await fs.mkdir(corpus);
    await fs.writeFile(path.join(corpus, '第1版.txt'), '𠮷\n');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/dev-browser.ts', '--corpus', corpus, '--port', '0', '--state', path.join(dir, 'state', 'state.json'), '--lang', 'zh-CN', '--no-build'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lastLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.endsWith('\n') && out.includes('Jiaodui harness: ')) resolve(out.trim().split('\n').at(-1) ?? '');
      });
      child.once('exit', () => reject(new Error('harness exited early')));
    });
    const match = /^Jiaodui harness: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([^&]+)&lang=zh-CN)$/.exec(lastLine);
    expect(match).not.toBeNull();
    const [, , port, token] = match ?? [];
    const response = await fetch(`http://127.0.0.1:${port}/api/invoke/app.getState`, {
      method: 'POST',
      headers: { 'X-Jiaodui-Token': decodeURIComponent(token ?? ''), 'Content-Type': 'application/json' },
      body: '[]',
    });
    const state = (await response.json()) as { ok: boolean; value: { corpus: { root: string }; shell: string } };
    expect(state.ok).toBe(true);
    expect(state.value.corpus.root).toBe(corpus);
    expect(state.value.shell).toBe('browser');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
