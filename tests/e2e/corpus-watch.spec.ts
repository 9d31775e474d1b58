import fs from 'node:fs/promises';
import path from 'node:path';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, statusDot } from './helpers';

// The page list follows files changed in the corpus folder by other programs while the app is open (the corpus
// watcher), without the user opening the folder again.

test('a page file written into the corpus folder appears in the list, and a deleted one disappears', async ({ app }) => {
  const { page, corpusDir } = app;
  const options = pageList(page).getByRole('option');
  await expect(options).toHaveCount(corpus.pages.length);

  // Another program (an OCR run) writes a new page, in a new folder.
  await fs.mkdir(path.join(corpusDir, 'zz-issue'));
  await fs.writeFile(path.join(corpusDir, 'zz-issue', '𠮷-new-page.txt'), '新的一页\n');
  await expect(pageList(page).getByRole('option', { name: 'zz-issue/𠮷-new-page.txt', exact: true })).toBeVisible();
  await expect(options).toHaveCount(corpus.pages.length + 1);

  // Someone deletes one of the original pages.
  const gone = corpus.pages[corpus.pages.length - 1]!;
  await fs.rm(path.join(corpusDir, gone));
  await expect(pageList(page).getByRole('option', { name: gone, exact: true })).toHaveCount(0);
  await expect(options).toHaveCount(corpus.pages.length);
  const expected = [...corpus.pages.filter((p) => p !== gone), 'zz-issue/𠮷-new-page.txt'];
  for (const [i, name] of expected.entries()) await expect(options.nth(i)).toHaveAccessibleName(name);

  // Temporary and hidden files written beside the pages never show.
  await fs.writeFile(path.join(corpusDir, '.half-written.txt.0a1b2c.tmp'), 'x');
  await fs.writeFile(path.join(corpusDir, '~$lock.txt'), 'x');
  await fs.writeFile(path.join(corpusDir, 'zz-issue', 'zz-after.txt'), '又一页\n');
  await expect(pageList(page).getByRole('option', { name: 'zz-issue/zz-after.txt', exact: true })).toBeVisible();
  await expect(options).toHaveCount(corpus.pages.length + 1);
});

test('a sidecar written from outside the app shows its review status in the list', async ({ app }) => {
  const { page, corpusDir } = app;
  const target = corpus.pages[corpus.pages.length - 1]!;
  await expect(statusDot(page, target)).toHaveAttribute('title', 'Not started');

  // Another copy of the app (a colleague on a shared folder) marks the page reviewed. The list reads only the
  // status from the sidecar; the whole file is checked when the page is opened.
  await fs.writeFile(path.join(corpusDir, `${target}.jiaodui.json`), JSON.stringify({ format: 'jiaodui-sidecar', status: 'reviewed' }));
  await expect(statusDot(page, target)).toHaveAttribute('title', 'Reviewed');

  await fs.writeFile(path.join(corpusDir, `${target}.jiaodui.json`), JSON.stringify({ format: 'jiaodui-sidecar', status: 'needs-attention' }));
  await expect(statusDot(page, target)).toHaveAttribute('title', 'Needs attention');

  // The sidecar removed: the page is back to not started.
  await fs.rm(path.join(corpusDir, `${target}.jiaodui.json`));
  await expect(statusDot(page, target)).toHaveAttribute('title', 'Not started');
});
