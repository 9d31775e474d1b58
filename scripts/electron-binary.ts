import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/// The folder of the installed `electron` npm package, or null when the package itself is missing.
export function electronPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/// The path of the installed Electron executable, or null when there is none on this machine.
///
/// Reads what `electron`'s own index.js reads (path.txt, ELECTRON_OVERRIDE_DIST_PATH) instead of requiring it:
/// that module throws when the binary was never downloaded, and Node would cache the answer across a download
/// made later in the same process (`npm start` downloads on demand, then looks again).
export function findElectronBinary(): string | null {
  const dir = electronPackageDir();
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, executable ?? 'electron') : executable ? path.join(dir, 'dist', executable) : null;
  return binary && fs.existsSync(binary) ? binary : null;
}

/// What running Electron's own installer gave: done, or the one-line reason it failed.
export type ElectronInstallOutcome = { ok: true } | { ok: false; reason: string };

/// Runs Electron's own installer (node_modules/electron/install.js, the postinstall script that `npm install`
/// skips here: package.json's allowScripts and .npmrc keep every download out of the install step).
///
/// Its output is kept, not shown: on failure only the error's first line becomes `reason` (never a stack trace).
export function runElectronInstaller(): Promise<ElectronInstallOutcome> {
  const dir = electronPackageDir();
  if (!dir) return Promise.resolve({ ok: false, reason: 'the electron package is not installed (run npm install)' });
  return new Promise((resolve) => {
    // ELECTRON_SKIP_BINARY_DOWNLOAD would make the installer exit at once without a binary.
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => resolve({ ok: false, reason: error.message }));
    child.once('exit', (code) => resolve(code === 0 ? { ok: true } : { ok: false, reason: firstErrorLine(output, code) }));
  });
}

/// The first line of an installer's output that says what went wrong (a stack trace's header, not its frames).
export function firstErrorLine(output: string, code: number | null): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  const meaningful = lines.find((line) => line !== '' && !line.startsWith('at '));
  return meaningful ?? `the installer exited with code ${String(code)}`;
}
