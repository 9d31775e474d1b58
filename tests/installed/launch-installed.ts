import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';

/// The installed app, started as a user would start it and driven through Chromium's DevTools protocol.
export interface InstalledApp {
  /// The main window's page.
  page: Page;
  /// Closes the window the way a user does (the app then quits) and answers the process's exit code.
  quit(): Promise<number | null>;
  /// Ends the process at once (clean-up after a failed test).
  kill(): void;
}

// Playwright's `_electron.launch` attaches through Node's --inspect, which the packaged app's fuses switch off
// (electron-builder.yml, docs/electron-security.md), so the installed app is driven like any Chromium instead:
// `--remote-debugging-port=0` (a Chromium switch, not a Node one) and Playwright's connectOverCDP.
const LISTENING = /DevTools listening on (ws:\/\/\S+)/;

function devtoolsUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The installed app did not open its DevTools endpoint within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The installed app exited (${String(code)}) before it could be driven:\n${output}`));
    });
  });
}

async function mainWindow(browser: Browser): Promise<Page> {
  const context = browser.contexts()[0];
  if (!context) throw new Error('The installed app has no browser context.');
  const page = context.pages().find((candidate) => candidate.url().startsWith('file:')) ?? (await context.waitForEvent('page', { timeout: 60_000 }));
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/// Starts the installed executable with `args` and connects to its window.
export async function launchInstalled(executable: string, args: string[]): Promise<InstalledApp> {
  const child = spawn(executable, ['--remote-debugging-port=0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const browser = await chromium.connectOverCDP(await devtoolsUrl(child, 60_000));
  const page = await mainWindow(browser);
  return {
    page,
    async quit() {
      // window.close() from the page closes the app's only window; the app quits when its last window closes.
      await page.evaluate(() => window.close()).catch(() => undefined);
      const code = await exited;
      await browser.close().catch(() => undefined);
      return code;
    },
    kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
