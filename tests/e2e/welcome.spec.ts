import { expect, test } from './fixtures';

// The first-run welcome shows when the main process asks for it (`?welcome=1`: it opened the bundled sample on a
// first start). In Electron that start is covered end to end on the installed app (tests/installed).
test('the first-run welcome says what the app does and how to open a folder, and stays dismissed', async ({ app }) => {
  test.skip(app.harnessUrl === null, 'in Electron the installed-app spec (tests/installed) covers the first start');
  const page = app.page;
  await page.goto(`${app.harnessUrl}&welcome=1`);
  const welcome = page.getByRole('region', { name: 'Welcome to Jiaodui' });
  await expect(welcome).toContainText('proofread the OCR text of scanned newspapers');
  await expect(welcome).toContainText('choose Open folder in the toolbar');
  // It takes no focus and hides nothing: the page list is still there to use.
  await expect(page.getByRole('listbox', { name: 'Pages' })).toBeVisible();
  await welcome.getByRole('button', { name: 'Got it' }).click();
  await expect(welcome).toBeHidden();
  await page.goto(`${app.harnessUrl}&welcome=1`);
  await expect(page.getByRole('listbox', { name: 'Pages' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Welcome to Jiaodui' })).toHaveCount(0);
});
