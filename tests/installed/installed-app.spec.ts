// The installed app as a user gets it (issue 17 items 3 and 4): started from where the installer put it, with a
// fresh profile folder, on the bundled sample corpus and on a folder given on the command line.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { pageList, selectInEditor } from '../e2e/helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const executable = process.env.JIAODUI_INSTALLED_APP ?? '';

let scratch: string;
test.beforeAll(() => {
  if (!executable) throw new Error('Set JIAODUI_INSTALLED_APP to the installed Jiaodui executable.');
});
test.beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-installed-'));
});
test.afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

function launch(args: string[]): Promise<ElectronApplication> {
  return _electron.launch({ executablePath: executable, args });
}

test('the first start opens the bundled sample corpus with a welcome that stays dismissed', async () => {
  const profile = path.join(scratch, 'profile');
  let app = await launch([`--user-data-dir=${profile}`, '--lang', 'en']);
  let page = await app.firstWindow();
  await expect(pageList(page).getByRole('option', { name: '1987-03/page-01.txt' })).toBeVisible();
  const welcome = page.getByRole('region', { name: 'Welcome to Jiaodui' });
  await expect(welcome).toContainText('Open folder');
  await welcome.getByRole('button', { name: 'Got it' }).click();
  await expect(welcome).toBeHidden();
  // The sample is opened from a copy in the profile folder, never inside the installed (read-only, signed) app.
  const copy = path.join(profile, 'sample-corpus', '1987-03', 'page-01.txt');
  await expect(fs.stat(copy)).resolves.toBeTruthy();
  await app.close();

  app = await launch([`--user-data-dir=${profile}`]);
  page = await app.firstWindow();
  await expect(pageList(page).getByRole('option', { name: '1987-03/page-01.txt' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Welcome to Jiaodui|欢迎使用校对/ })).toHaveCount(0);
  await app.close();
});

test('corrects a character in a folder given on the command line, saves the sidecar and quits', async () => {
  const corpus = path.join(scratch, '报纸 样例');
  await fs.cp(path.join(repoRoot, 'resources', 'sample-corpus'), corpus, { recursive: true });
  const app = await launch(['--corpus', corpus, `--user-data-dir=${path.join(scratch, 'profile')}`, '--lang', 'en']);
  const page = await app.firstWindow();
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
  expect(await fs.readFile(path.join(corpus, '1987-03', 'page-01.txt'), 'utf8')).toBe(await fs.readFile(path.join(repoRoot, 'resources', 'sample-corpus', '1987-03', 'page-01.txt'), 'utf8'));
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
  await app.close();
  expect(await exited).toBe(0);
});
