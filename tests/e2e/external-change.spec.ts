import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { corpus } from './corpus-profile';
import { pageList, selectInEditor } from './helpers';

const SECOND = corpus.second.file;
const { edit, secondEdit } = corpus.second;

// The corpus watcher reports outside changes (corpus.filesChanged); the page session reacts to them.

test('an outside change of the open page reloads it silently when nothing is unsaved', async ({ app }) => {
  const page = app.page;
  await pageList(page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecarPath = path.join(app.corpusDir, `${SECOND}.jiaodui.json`);
  const sidecar = JSON.parse(await fs.readFile(sidecarPath, 'utf8'));
  sidecar.status = 'reviewed';
  await fs.writeFile(sidecarPath, JSON.stringify(sidecar, null, 2));
  await expect(page.getByLabel('Review status')).toHaveValue('reviewed', { timeout: 15_000 });
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('an outside change while there is unsaved work opens the comparison, and "keep mine" saves over it', async ({ app }) => {
  const page = app.page;
  await pageList(page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  await selectInEditor(page, secondEdit.needle, secondEdit.offset, secondEdit.length);
  await page.keyboard.type(secondEdit.typed);
  const sidecarPath = path.join(app.corpusDir, `${SECOND}.jiaodui.json`);
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
