import fs from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { corpus } from './corpus-profile';
import { saveFirstEditOfSecondPage, typeSecondEdit } from './helpers';

const SECOND = corpus.second.file;
const { edit, secondEdit } = corpus.second;

/// Saves one edit, makes a second edit, lets "someone else" mark the sidecar reviewed, and saves: refused.
async function refusedSave(app: AppUnderTest): Promise<{ page: Page; sidecarPath: string; theirs: string }> {
  const page = app.page;
  const sidecarPath = await saveFirstEditOfSecondPage(app);
  await typeSecondEdit(page);
  // Written while the second edit is unsaved, and saved at once: the save is refused (should the corpus watcher
  // report the change first, the same comparison opens for the outside change).
  const theirs = (await fs.readFile(sidecarPath, 'utf8')).replace('"status": "unreviewed"', '"status": "reviewed"');
  await fs.writeFile(sidecarPath, theirs);
  await page.keyboard.press('Control+s');
  return { page, sidecarPath, theirs };
}

test('a refused save opens both versions; taking a line from disk and keeping mine saves the merge', async ({ app }) => {
  const { page, sidecarPath, theirs } = await refusedSave(app);
  const compare = page.getByRole('dialog', { name: `Two versions of ${SECOND}` });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('status')).toHaveText('1 line differs');
  // Their change was the review status: shown too, since keeping mine would overwrite it.
  await expect(compare).toContainText('Review status differs too: yours is Unreviewed, on disk it is Reviewed.');
  await expect(compare.getByTestId('compare-mine')).toContainText(secondEdit.after);
  await expect(compare.getByTestId('compare-theirs')).toContainText(edit.after);
  expect(await fs.readFile(sidecarPath, 'utf8')).toBe(theirs);
  await compare.getByRole('button', { name: /^Use line \d+ from disk$/ }).click();
  await expect(compare.getByTestId('compare-mine')).not.toContainText(secondEdit.after);
  await compare.getByRole('button', { name: 'Keep my version (save over the disk)' }).click();
  await expect(compare).toBeHidden();
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const saved = JSON.parse(await fs.readFile(sidecarPath, 'utf8'));
  expect(saved.text).toContain(edit.after);
  expect(saved.text).not.toContain(secondEdit.after);
});

test('"Take the disk version" shows the page as on disk, with nothing unsaved', async ({ app }) => {
  const { page, sidecarPath, theirs } = await refusedSave(app);
  const compare = page.getByRole('dialog', { name: `Two versions of ${SECOND}` });
  await compare.getByRole('button', { name: 'Take the disk version' }).click();
  await expect(compare).toBeHidden();
  await expect(page.getByLabel('Review status')).toHaveValue('reviewed');
  await expect(page.getByRole('textbox', { name: 'Page text' })).not.toContainText(secondEdit.after);
  await expect(page.getByTestId('save-state')).not.toHaveText('Unsaved changes');
  expect(await fs.readFile(sidecarPath, 'utf8')).toBe(theirs);
});
