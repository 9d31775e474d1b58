import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';

test('the app loads and lists the pages of the corpus', async ({ app }) => {
  const pages = app.page.getByRole('listbox', { name: 'Pages' });
  await expect(pages).toBeVisible();
  await expect(pages.getByRole('option')).toHaveCount(corpus.pages.length);
  for (const [i, name] of corpus.pages.entries()) await expect(pages.getByRole('option').nth(i)).toHaveAccessibleName(name);
});

test('the pages are still listed after the app is closed and reopened', async ({ app }) => {
  await expect(app.page.getByRole('listbox', { name: 'Pages' }).getByRole('option')).toHaveCount(corpus.pages.length);
  await app.restart();
  await expect(app.page.getByRole('listbox', { name: 'Pages' }).getByRole('option')).toHaveCount(corpus.pages.length);
});
