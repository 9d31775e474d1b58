import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHarnessProcess } from '../../scripts/harness-process';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList } from './helpers';

test('a second instance on the same corpus opens it read-only and says who holds it', async ({ app, browser }) => {
  await expect(pageList(app.page).getByRole('option')).toHaveCount(corpus.pages.length);
  // The first instance holds the corpus: its lock file names it.
  const lock = JSON.parse(await fs.readFile(path.join(app.corpusDir, '.jiaodui.lock'), 'utf8')) as { pid: number; host: string };
  await expect(app.page.getByRole('status', { name: 'Read-only' })).toHaveCount(0);

  const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-second-'));
  const second = await startHarnessProcess({ corpus: app.corpusDir, stateFile: path.join(stateDir, 'state.json'), lang: 'en' });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(second.url);
    const notice = page.getByRole('status', { name: 'Read-only' });
    await expect(notice).toContainText(`process ${lock.pid}`);
    await expect(notice).toContainText(`computer ${lock.host}`);
    await expect(notice).toContainText('Nothing can be saved here');

    // Its pages open read-only, so no edit is made that could not be saved.
    await pageList(page).getByRole('option', { name: corpus.first.file }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Read-only' })).toContainText('open for editing in another Jiaodui');
    await expect(page.getByRole('textbox', { name: 'Page text' })).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

    // The lock still names the first instance.
    expect(JSON.parse(await fs.readFile(path.join(app.corpusDir, '.jiaodui.lock'), 'utf8')).pid).toBe(lock.pid);
  } finally {
    await context.close();
    await second.stop();
    await fs.rm(stateDir, { recursive: true, force: true });
  }
  // The second instance took nothing: the first still holds the corpus after it left.
  expect(JSON.parse(await fs.readFile(path.join(app.corpusDir, '.jiaodui.lock'), 'utf8')).pid).toBe(lock.pid);
});

test('closing the app gives the corpus back: after a restart it is writable again', async ({ app }) => {
  await expect(pageList(app.page).getByRole('option')).toHaveCount(corpus.pages.length);
  const before = JSON.parse(await fs.readFile(path.join(app.corpusDir, '.jiaodui.lock'), 'utf8')) as { pid: number };
  await app.restart();
  await expect(pageList(app.page).getByRole('option')).toHaveCount(corpus.pages.length);
  await expect(app.page.getByRole('status', { name: 'Read-only' })).toHaveCount(0);
  expect(JSON.parse(await fs.readFile(path.join(app.corpusDir, '.jiaodui.lock'), 'utf8')).pid).not.toBe(before.pid);
});
