import { expect, test } from './fixtures';

test('the app loads and lists the two pages of the corpus', async ({ app }) => {
  const pages = app.page.getByRole('listbox', { name: 'Pages' });
  await expect(pages).toBeVisible();
  await expect(pages.getByRole('option')).toHaveCount(2);
  await expect(pages).toContainText('000_bf7c7d8a6a23f1a9');
  await expect(pages).toContainText('003_0c30f1900352050f');
});

test('the pages are still listed after the app is closed and reopened', async ({ app }) => {
  await expect(app.page.getByRole('listbox', { name: 'Pages' }).getByRole('option')).toHaveCount(2);
  await app.restart();
  await expect(app.page.getByRole('listbox', { name: 'Pages' }).getByRole('option')).toHaveCount(2);
});
