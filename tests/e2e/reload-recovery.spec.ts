import { expect, test } from './fixtures';
import { corpus } from './corpus-profile';
import { pageList, selectInEditor } from './helpers';

const SECOND = corpus.second.file;
const { edit } = corpus.second;

// What the main process does to a crashed or hung renderer (renderer-recovery.ts: webContents.reload()) is, in the
// harness, a page reload: the unsaved work must come back through the recovery journal.
test('a renderer reloaded mid-edit offers the unsaved work back, and Restore brings it', async ({ app }) => {
  const page = app.page;
  await pageList(page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  // Let the journal write land (within a second of the edit), then reload without saving.
  await page.waitForTimeout(1500);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SECOND);
  await expect(editor).toContainText(edit.before);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(editor).toContainText(edit.after);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
});
