import { defineConfig } from '@playwright/test';

/// The installed app, end to end: tests/installed/*.spec.ts start the app an installer put on this machine
/// (JIAODUI_INSTALLED_APP, set by the release workflow after installing) with Playwright's Electron support.
/// Not part of `npm test`: it needs an installed build.
export default defineConfig({
  testDir: 'tests/installed',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
