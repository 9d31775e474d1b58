import { defineConfig, type Project } from '@playwright/test';
import { findElectronBinary } from './scripts/electron-binary';
import { thisMachineBrowser } from './scripts/system-browser';

// An installed browser, never one Playwright downloads: Chromium on Linux (/usr/bin/chromium), an installed Chrome
// or Edge on macOS and Windows (`npm test`'s preflight says what to install when there is none).
const browser = thisMachineBrowser();

const harness: Project = {
  name: 'harness',
  use: {
    browserName: 'chromium',
    ...(browser?.kind === 'channel' ? { channel: browser.channel } : {}),
    launchOptions: {
      ...(browser?.kind === 'executable' ? { executablePath: browser.path } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
};

// Tests that load an export into the real tool that reads it (Label Studio's frontend, Recogito's text annotator,
// CETEIcean), in the same Chromium; they need no app.
const readers: Project = { ...harness, name: 'readers', testDir: 'tests/readers' };

// The same specs run against the real desktop app wherever an Electron binary is installed (CI on Windows/macOS).
const electron: Project = { name: 'electron' };

/// End-to-end tests: tests/e2e/*.spec.ts against the browser harness and, when available, Electron.
///
/// One worker: this machine has two cores, and each test starts its own app.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: findElectronBinary() ? [harness, electron, readers] : [harness, readers],
});
