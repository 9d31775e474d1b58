import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';

// Issue 16, item 7, on two pages of its own: 吉野家 misread for 𠮷野家 (𠮷 is U+20BB7, two UTF-16 units).
const A = 'zz-batch-a.txt';
const B = 'zz-batch-b.txt';

const test = base.extend({
  corpusDir: async ({ corpusDir }, use) => {
    await fs.writeFile(path.join(corpusDir, A), '𠮷野家和吉野家\n');
    await fs.writeFile(path.join(corpusDir, B), '吉野家\n');
    await use(corpusDir);
  },
});

async function openBatchDialog(page: Page) {
  await expect(page.getByRole('button', { name: 'Find & replace' })).toBeEnabled();
  await page.keyboard.press('Control+Shift+H');
  const dialog = page.getByRole('dialog', { name: 'Find and replace in corpus' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function sidecarText(corpusDir: string, rel: string): Promise<string> {
  return (JSON.parse(await fs.readFile(path.join(corpusDir, `${rel}.jiaodui.json`), 'utf8')) as { text: string }).text;
}

test('hits the replacement would not change are not offered, and the count replaced is the count ticked', async ({ app }) => {
  const { page, corpusDir } = app;
  const dialog = await openBatchDialog(page);
  await dialog.getByRole('textbox', { name: 'Find' }).fill('[𠮷吉]野家');
  await dialog.getByRole('textbox', { name: 'Replace with' }).fill('𠮷野家');
  await dialog.getByRole('radio', { name: 'Regular expression' }).check();
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByText(/^Hits: 2, on 2 of \d+ pages/)).toBeVisible();
  await expect(dialog.getByText('1 hits already read like the replacement and are not listed.')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /^Replace hit/ })).toHaveCount(2);
  await expect(dialog.getByText('2 of 2 hits ticked')).toBeVisible();

  await dialog.getByRole('button', { name: 'Replace ticked (2)' }).click();
  await expect(dialog.getByText(/^Replaced: 2, on 2 pages changed/)).toBeVisible();
  expect(await sidecarText(corpusDir, A)).toBe('𠮷野家和𠮷野家\n');
  expect(await sidecarText(corpusDir, B)).toBe('𠮷野家\n');
  // Searched again after the batch: nothing left to change.
  await expect(dialog.getByText(/^No hits in \d+ pages\..*3 hits already read like the replacement/)).toBeVisible();
});

test('an empty replacement asks for confirmation as a deletion', async ({ app }) => {
  const { page, corpusDir } = app;
  const dialog = await openBatchDialog(page);
  await dialog.getByRole('textbox', { name: 'Find' }).fill('吉野家');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByText(/^Hits: 2, on 2 of \d+ pages/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Replace ticked (2)' }).click();
  const confirm = dialog.getByRole('alert');
  await expect(confirm).toContainText('The replacement is empty: this deletes the 2 ticked hits from their pages.');
  await confirm.getByRole('button', { name: 'Keep them' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(fs.stat(path.join(corpusDir, `${B}.jiaodui.json`))).rejects.toThrow();

  // Unticking one hit: the question counts what is ticked.
  await dialog.getByRole('checkbox', { name: /^Replace hit 1:/ }).uncheck();
  await dialog.getByRole('button', { name: 'Replace ticked (1)' }).click();
  await dialog.getByRole('alert').getByRole('button', { name: 'Delete 1 hits' }).click();
  await expect(dialog.getByText(/^Replaced: 1, on 1 pages changed/)).toBeVisible();
});
