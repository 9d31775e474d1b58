import fs from 'node:fs/promises';
import { expect, test } from './fixtures';
import { corpus } from './corpus-profile';
import { saveFirstEditOfSecondPage, typeSecondEdit } from './helpers';

const SECOND = corpus.second.file;
const { secondEdit } = corpus.second;

// The corpus watcher reports outside changes (corpus.filesChanged); the page session reacts to them.

test('an outside change of the open page reloads it silently when nothing is unsaved, and the next save keeps both', async ({ app }) => {
  const page = app.page;
  const sidecarPath = await saveFirstEditOfSecondPage(app);
  const theirs = (await fs.readFile(sidecarPath, 'utf8')).replace('"status": "unreviewed"', '"status": "reviewed"');
  await fs.writeFile(sidecarPath, theirs);
  // The corpus watcher reports it and the page reloads silently with their status.
  await expect(page.getByLabel('Review status')).toHaveValue('reviewed', { timeout: 15_000 });
  await expect(page.getByRole('dialog')).toBeHidden();
  await typeSecondEdit(page);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const saved = JSON.parse(await fs.readFile(sidecarPath, 'utf8'));
  // Their status and both of our edits (the second edit changes a character of the first's word).
  expect(saved.status).toBe('reviewed');
  expect(saved.text).toContain(secondEdit.after);
  expect(saved.corrections).toHaveLength(2);
});

test('an outside change while there is unsaved work opens the comparison, and "keep mine" saves over it', async ({ app }) => {
  const page = app.page;
  const sidecarPath = await saveFirstEditOfSecondPage(app);
  await typeSecondEdit(page);
  // Their change is a consistent one (a sidecar whose text no longer follows from its corrections would be
  // untrustworthy and open read-only): they mark the page as needing attention.
  const theirs = (await fs.readFile(sidecarPath, 'utf8')).replace(/"status": "[a-z-]+"/, '"status": "needs-attention"');
  await fs.writeFile(sidecarPath, theirs);
  const compare = page.getByRole('dialog', { name: `Two versions of ${SECOND}` });
  await expect(compare).toBeVisible({ timeout: 15_000 });
  expect(await fs.readFile(sidecarPath, 'utf8')).toBe(theirs);
  await compare.getByRole('button', { name: 'Keep my version (save over the disk)' }).click();
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  expect(JSON.parse(await fs.readFile(sidecarPath, 'utf8')).text).toContain(secondEdit.after);
});
