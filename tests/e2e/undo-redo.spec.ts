import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { corpus } from './corpus-profile';
import { pageList, selectInEditor } from './helpers';

const SECOND = corpus.second.file;
const { edit } = corpus.second;

test('redo pressed more often than there is to redo keeps the edits', async ({ app }) => {
  const page = app.page;
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await pageList(page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await expect(editor).toContainText(edit.after);
  await page.keyboard.press('Control+z');
  await expect(editor).toContainText(edit.before);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+Z');
  await expect(editor).toContainText(edit.after);
  await page.keyboard.press('Control+y');
  await expect(editor).toContainText(edit.after);
});

test('a page whose edits were all undone is clean and gets no new sidecar', async ({ app }) => {
  const page = app.page;
  const sidecar = path.join(app.corpusDir, `${SECOND}.jiaodui.json`);
  const before = await fs.readFile(sidecar, 'utf8').catch(() => null);
  await pageList(page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('save-state')).not.toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  // Past the autosave pause too.
  await page.waitForTimeout(6000);
  expect(await fs.readFile(sidecar, 'utf8').catch(() => null)).toBe(before);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
});
