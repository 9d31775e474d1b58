import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { corpus } from './corpus-profile';
import { pageList, selectInEditor } from './helpers';

const SECOND = corpus.second.file;
const { edit } = corpus.second;

async function journalFiles(stateDir: string): Promise<string[]> {
  return fs.readdir(path.join(stateDir, 'journal')).catch(() => []);
}

test('unsaved work survives a crash: Restore brings it back, and saving clears the journal', async ({ app }) => {
  const sidecar = path.join(app.corpusDir, `${SECOND}.jiaodui.json`);
  const sidecarBefore = await fs.readFile(sidecar, 'utf8').catch(() => null);
  await pageList(app.page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(app.page, edit.needle, edit.offset, edit.length);
  await app.page.keyboard.type(edit.typed);
  await expect(app.page.getByTestId('save-state')).toHaveText('Unsaved changes');
  // Within a second the edit is in the journal; the autosave (5 s) has not run.
  await expect.poll(() => journalFiles(app.stateDir), { timeout: 3000 }).toHaveLength(1);
  await app.crashAndRestart();
  expect(await fs.readFile(sidecar, 'utf8').catch(() => null)).toBe(sidecarBefore);

  const page = app.page;
  const editor = page.getByRole('textbox', { name: 'Page text' });
  // The page that was open reopens by itself, as it was on disk, with the unsaved work offered back.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SECOND);
  await expect(editor).toContainText(edit.before);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(editor).toContainText(edit.after);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  expect(JSON.parse(await fs.readFile(sidecar, 'utf8')).text).toContain(edit.after);
  await expect.poll(() => journalFiles(app.stateDir)).toHaveLength(0);
});

test('Discard drops the recovered work for good', async ({ app }) => {
  await pageList(app.page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(app.page, edit.needle, edit.offset, edit.length);
  await app.page.keyboard.type(edit.typed);
  await expect.poll(() => journalFiles(app.stateDir), { timeout: 3000 }).toHaveLength(1);
  await app.crashAndRestart();
  const page = app.page;
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(edit.before);
  await expect.poll(() => journalFiles(app.stateDir)).toHaveLength(0);
});
