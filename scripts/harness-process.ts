/// Starts the browser harness (scripts/dev-browser.ts) as a child process, for benchmarks and screenshot scripts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { repoRoot } from './repo-root';

/// How to start the harness: the corpus folder, the app-state file, the UI language, and whether to build first.
export interface HarnessOptions {
  corpus: string;
  stateFile: string;
  lang?: 'en' | 'zh-CN';
  /// Build dist/ first (dev-browser's default); benchmarks run on the build `npm run build` made.
  build?: boolean;
}

/// A running harness: its address (with the token) and how to stop it.
export interface HarnessProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/// Starts the harness on a free port and resolves once it prints its address; rejects with its error output if it
/// exits first or prints nothing within 60 s.
export async function startHarnessProcess(options: HarnessOptions): Promise<HarnessProcess> {
  const args = ['--import', 'tsx', 'scripts/dev-browser.ts', '--corpus', options.corpus, '--port', '0', '--state', options.stateFile];
  if (options.lang) args.push('--lang', options.lang);
  if (!options.build) args.push('--no-build');
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  // Errors still reach the terminal; they are also kept for the message when the harness does not start.
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const url = await readHarnessUrl(child);
  return { child, url, stop: () => stopProcess(child) };
}

/// Launches Debian's Chromium (Playwright's own build where it is not installed) with quiet background settings.
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/// Waits for a harness child's `Jiaodui harness: <url>` line; rejects with its error output if it exits first or
/// prints nothing within 60 s.
export function readHarnessUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`The harness printed no address within 60 s.\n${stdout}\n${stderr}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /Jiaodui harness: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`The harness exited with code ${code} before it was ready.\n${stderr}`)));
  });
}

/// Stops a child process: SIGTERM, then SIGKILL after 5 s.
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timeout);
}
