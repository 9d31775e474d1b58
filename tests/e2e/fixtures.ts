import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, _electron, type Browser, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test';
import { readHarnessUrl, stopProcess } from '../../scripts/harness-process';
import { watchCspViolations } from './csp-watch';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/// The pages every test starts from: the real OCR'd pages beside the repository, or JIAODUI_E2E_CORPUS (CI).
const sourceCorpus = path.resolve(repoRoot, process.env.JIAODUI_E2E_CORPUS ?? 'tests/fixtures/corpus');

/// The running app under test, in whichever shell the project uses.
export interface AppUnderTest {
  /// The app's window (Electron) or the browser tab showing the harness.
  page: Page;
  /// The corpus folder the app has open: a fresh temporary copy for each test.
  corpusDir: string;
  /// The harness's address with its token (null in Electron), to open another tab on the same app.
  harnessUrl: string | null;
  /// The app's data folder (its state file, the recovery journal in `journal/`).
  stateDir: string;
  /// Closes the app and starts it again on the same corpus and saved state ("close the app, reopen").
  restart(): Promise<void>;
  /// Kills the app with SIGKILL (the harness's whole process group; Electron's main process), as a crash or power
  /// cut would, then starts it again on the same corpus and saved state.
  crashAndRestart(): Promise<void>;
  /// Runs `trigger` (a click or key that opens a folder dialog) and answers that dialog with `folder`: through the
  /// in-app picker in the harness, by stubbing Electron's native dialog in the desktop app.
  chooseFolder(folder: string, trigger: () => Promise<void>): Promise<void>;
  /// The Content Security Policy violations the app's pages reported so far; any left at the end fail the test.
  cspViolations: string[];
}

interface Running {
  page: Page;
  electronApp: ElectronApplication | null;
  stop(): Promise<void>;
  /// Kills the app at once (SIGKILL), giving it no chance to save anything.
  kill(): Promise<void>;
  url: string | null;
}

/// Playwright `test` with two fixtures: `corpusDir` (a temp copy of the corpus) and `app` (the app opened on it).
export const test = base.extend<{ corpusDir: string; app: AppUnderTest }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern for fixtures.
  corpusDir: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-corpus-'));
    await fs.cp(sourceCorpus, dir, { recursive: true });
    await use(dir);
    await fs.rm(dir, { recursive: true, force: true });
  },
  app: async ({ corpusDir, browser }, use, testInfo) => {
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-state-'));
    // The first start asks for the English UI (the app's default is Chinese) so specs can use English names;
    // a restart passes no language, so the saved preference is what the reopened app shows.
    const cspViolations: string[] = [];
    const watch = (page: Page) => watchCspViolations(page, cspViolations);
    const launch = (lang: 'en' | null) =>
      testInfo.project.name === 'electron' ? launchElectron(corpusDir, stateDir, lang, watch) : launchHarness(browser, corpusDir, stateDir, lang, watch);
    let running = await launch('en');
    const app: AppUnderTest = {
      get page() {
        return running.page;
      },
      get harnessUrl() {
        return running.url;
      },
      corpusDir,
      stateDir,
      cspViolations,
      async restart() {
        await running.stop();
        running = await launch(null);
      },
      async crashAndRestart() {
        await running.kill();
        running = await launch(null);
      },
      async chooseFolder(folder, trigger) {
        if (running.electronApp) {
          await running.electronApp.evaluate(({ dialog }, chosen) => {
            dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
          }, folder);
          await trigger();
          return;
        }
        await trigger();
        const picker = running.page.getByRole('dialog', { name: 'Choose a folder' });
        await picker.getByRole('textbox', { name: 'Folder path' }).fill(folder);
        await picker.getByRole('button', { name: 'Use this folder' }).click();
      },
    };
    await use(app);
    await running.stop();
    await fs.rm(stateDir, { recursive: true, force: true });
    // After stop: every message the page logged has arrived.
    if (cspViolations.length > 0) throw new Error(`The page reported Content Security Policy violations:\n${cspViolations.join('\n')}`);
  },
});

export { expect } from '@playwright/test';

// `watch` sees the page before it loads anything (in Electron, as soon as the window exists).
async function launchHarness(browser: Browser, corpusDir: string, stateDir: string, lang: 'en' | null, watch: (page: Page) => Promise<void>): Promise<Running> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/dev-browser.ts',
      '--corpus',
      corpusDir,
      '--port',
      '0',
      '--state',
      path.join(stateDir, 'state.json'),
      '--no-build',
      ...(lang ? ['--lang', lang] : []),
    ],
    // Its own process group, so a crash test can kill the harness and everything it started at once.
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const url = await readHarnessUrl(child);
  const context: BrowserContext = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await watch(page);
  await page.goto(url);
  return {
    page,
    url,
    electronApp: null,
    async stop() {
      await context.close();
      await stopProcess(child);
    },
    async kill() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await context.close();
    },
  };
}

async function launchElectron(corpusDir: string, stateDir: string, lang: 'en' | null, watch: (page: Page) => Promise<void>): Promise<Running> {
  const electronApp: ElectronApplication = await _electron.launch({
    args: ['dist/electron/main.cjs', '--corpus', corpusDir, '--user-data-dir', stateDir, ...(lang ? ['--lang', lang] : [])],
    cwd: repoRoot,
  });
  const page = await electronApp.firstWindow();
  await watch(page);
  return {
    page,
    url: null,
    electronApp,
    stop: () => electronApp.close(),
    async kill() {
      const main = electronApp.process();
      const exited = new Promise<void>((resolve) => main.once('exit', () => resolve()));
      main.kill('SIGKILL');
      await exited;
    },
  };
}

