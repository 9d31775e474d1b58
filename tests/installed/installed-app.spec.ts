// The installed app as a user gets it (issue 17 items 3 and 4): started from where the installer put it, with a
// fresh profile folder, on the bundled sample corpus and on a folder given on the command line.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { pageList, selectInEditor } from '../e2e/helpers';
import { launchInstalled, type InstalledApp } from './launch-installed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const executable = process.env.JIAODUI_INSTALLED_APP ?? '';

let scratch: string;
const running: InstalledApp[] = [];
test.beforeAll(() => {
  if (!executable) throw new Error('Set JIAODUI_INSTALLED_APP to the installed Jiaodui executable.');
});
test.beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-installed-'));
});
test.afterEach(async () => {
  for (const app of running.splice(0)) app.kill();
  await fs.rm(scratch, { recursive: true, force: true });
});

async function start(args: string[]): Promise<InstalledApp> {
  const app = await launchInstalled(executable, args);
  running.push(app);
  return app;
}

test('the first start opens the bundled sample corpus with a welcome that stays dismissed', async () => {
  const profile = path.join(scratch, 'profile');
  let app = await start([`--user-data-dir=${profile}`, '--lang', 'en']);
  await expect(pageList(app.page).getByRole('option', { name: '1987-03/page-01.txt' })).toBeVisible();
  const welcome = app.page.getByRole('region', { name: 'Welcome to Jiaodui' });
  await expect(welcome).toContainText('Open folder');
  await welcome.getByRole('button', { name: 'Got it' }).click();
  await expect(welcome).toBeHidden();
  // The sample is opened from a copy in the profile folder, never inside the installed (read-only, signed) app.
  await expect(fs.stat(path.join(profile, 'sample-corpus', '1987-03', 'page-01.txt'))).resolves.toBeTruthy();
  expect(await app.quit()).toBe(0);

  app = await start([`--user-data-dir=${profile}`]);
  await expect(pageList(app.page).getByRole('option', { name: '1987-03/page-01.txt' })).toBeVisible();
  await expect(app.page.getByRole('region', { name: /Welcome to Jiaodui|欢迎使用校对/ })).toHaveCount(0);
  expect(await app.quit()).toBe(0);
});

test('corrects a character in a folder given on the command line, saves the sidecar and quits', async () => {
  const corpus = path.join(scratch, '报纸 样例');
  await fs.cp(path.join(repoRoot, 'resources', 'sample-corpus'), corpus, { recursive: true });
  const app = await start(['--corpus', corpus, `--user-data-dir=${path.join(scratch, 'profile')}`, '--lang', 'en']);
  const page = app.page;
  await pageList(page).getByRole('option', { name: '1987-03/page-01.txt' }).click();
  // The OCR misread 己 for 已 in 已经成为.
  await selectInEditor(page, '己经成为', 0, 1);
  await page.keyboard.type('已');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = JSON.parse(await fs.readFile(path.join(corpus, '1987-03', 'page-01.txt.jiaodui.json'), 'utf8')) as { text: string; corrections: unknown[] };
  expect(sidecar.text).toContain('已经成为');
  expect(sidecar.corrections).toHaveLength(1);
  // The original page is never written.
  const original = await fs.readFile(path.join(repoRoot, 'resources', 'sample-corpus', '1987-03', 'page-01.txt'), 'utf8');
  expect(await fs.readFile(path.join(corpus, '1987-03', 'page-01.txt'), 'utf8')).toBe(original);
  expect(await app.quit()).toBe(0);
});
