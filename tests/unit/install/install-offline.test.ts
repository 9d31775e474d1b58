// `npm install` must succeed where Electron's binary cannot be downloaded (issue 17 item 1). A probe project gets
// the repository's own install configuration (.npmrc, package.json's allowScripts) and the locked Electron version,
// and is installed with Electron's download pointed at a closed port and an empty download cache.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstErrorLine } from '../../../scripts/electron-binary';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
const electronVersion = lock.packages['node_modules/electron']?.version ?? '';

let dir: string;
// Port 9 (discard) is closed here: any download attempt fails at once instead of hanging.
const offlineEnv = (cache: string) => ({ ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, ELECTRON_SKIP_BINARY_DOWNLOAD: '' });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-install-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm install with Electron unreachable', () => {
  it('the repository keeps every dependency install script out of the install step', () => {
    expect(fs.readFileSync(path.join(repoRoot, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
    expect(packageJson.allowScripts?.electron).toBe(false);
  });

  it('installs the locked Electron package with the repository configuration and downloads nothing', () => {
    expect(electronVersion).toMatch(/^\d+\.\d+\.\d+/);
    const probe = path.join(dir, 'probe');
    fs.mkdirSync(probe);
    fs.copyFileSync(path.join(repoRoot, '.npmrc'), path.join(probe, '.npmrc'));
    const manifest = { name: 'install-probe', version: '1.0.0', private: true, dependencies: { electron: electronVersion }, allowScripts: packageJson.allowScripts };
    fs.writeFileSync(path.join(probe, 'package.json'), JSON.stringify(manifest, null, 2));
    const cache = path.join(dir, 'electron-cache');
    fs.mkdirSync(cache);
    // --prefer-offline: what `npm ci` already put in npm's cache is used, the rest comes from the registry.
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: probe, env: offlineEnv(cache), encoding: 'utf8', shell: process.platform === 'win32' });
    expect(install.stderr.split('\n').filter((line) => / error /.test(line))).toEqual([]);
    expect(install.status).toBe(0);
    const electronDir = path.join(probe, 'node_modules', 'electron');
    expect(JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'))).toMatchObject({ version: electronVersion });
    // Its postinstall did not run: no binary, no path.txt.
    expect(fs.existsSync(path.join(electronDir, 'dist'))).toBe(false);
    expect(fs.existsSync(path.join(electronDir, 'path.txt'))).toBe(false);

    // The control: Electron's installer itself, run here, does try to download and fails, so the install above
    // succeeded because nothing downloaded, not because the download happened to work.
    const installer = spawnSync(process.execPath, ['install.js'], { cwd: electronDir, env: offlineEnv(cache), encoding: 'utf8' });
    expect(installer.status).not.toBe(0);
    expect(firstErrorLine(installer.stderr, installer.status)).toMatch(/ECONNREFUSED|127\.0\.0\.1:9/);
  }, 180_000);
});
