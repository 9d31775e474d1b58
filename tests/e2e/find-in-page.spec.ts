import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { pageList } from './helpers';

// A page of its own, with 𠮷 (U+20BB7: one code point, two UTF-16 units) in every line.
const FILE = 'zz-find-𠮷.txt';
const TEXT = '𠮷田𠮷\n甲𠮷乙\n丙丁𠮷\n';

const test = base.extend({
  corpusDir: async ({ corpusDir }, use) => {
    await fs.writeFile(path.join(corpusDir, FILE), TEXT);
    await use(corpusDir);
  },
});

function editorText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('[role="textbox"][aria-label] .pm-line')].map((line) => line.textContent).join('\n'));
}

test('Ctrl+F finds 𠮷 with a count and steps through the hits; an invalid expression is worded', async ({ app }) => {
  const page = app.page;
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await pageList(page).getByRole('option', { name: FILE }).click();
  await editor.focus();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in page' });
  const field = bar.getByRole('searchbox', { name: 'Find in page' });
  await expect(field).toBeFocused();
  await field.fill('𠮷');
  const count = bar.getByRole('status');
  await expect(count).toHaveText('1 / 4');
  await expect(editor.locator('.find-hit')).toHaveCount(4);
  await expect(editor.locator('.find-current')).toHaveText('𠮷');

  // Enter selects the current hit, Enter again the next; Shift+Enter and F3 go back and forth.
  await field.press('Enter');
  await expect(count).toHaveText('1 / 4');
  await field.press('Enter');
  await expect(count).toHaveText('2 / 4');
  await field.press('Shift+Enter');
  await expect(count).toHaveText('1 / 4');
  await page.keyboard.press('F3');
  await page.keyboard.press('F3');
  await expect(count).toHaveText('3 / 4');
  await page.keyboard.press('Shift+F3');
  await expect(count).toHaveText('2 / 4');
  await expect(field).toBeFocused();

  // The character mode takes 𠮷 as one character; two characters are refused in words.
  await bar.getByRole('combobox', { name: 'Find mode' }).selectOption({ label: 'One character' });
  await expect(count).toHaveText(/\d \/ 4/);
  await field.fill('𠮷田');
  await expect(bar.getByRole('alert')).toHaveText(/looks for one character; this is 2/);

  await bar.getByRole('combobox', { name: 'Find mode' }).selectOption({ label: 'Regular expression' });
  await field.fill('(𠮷');
  await expect(bar.getByRole('alert')).toHaveText(/Not a valid regular expression: .*group/i);
  await expect(editor.locator('.find-hit')).toHaveCount(0);
  await field.fill('^.');
  // The current hit is the first after the caret, which the steps above left on line 1's second 𠮷.
  await expect(count).toHaveText('2 / 3');
  await expect(bar.getByRole('alert')).toHaveCount(0);

  // Escape closes the bar, clears the highlights and gives the text the focus back.
  await field.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(editor).toBeFocused();
  await expect(editor.locator('.find-hit')).toHaveCount(0);
});

test('Ctrl+H replaces one hit and then all, $1 groups filled in; one Ctrl+Z undoes the whole replace-all; the sidecar has code points', async ({ app }) => {
  const page = app.page;
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await pageList(page).getByRole('option', { name: FILE }).click();
  await editor.focus();
  await page.keyboard.press('Control+h');
  const bar = page.getByRole('search', { name: 'Find in page' });
  await bar.getByRole('combobox', { name: 'Find mode' }).selectOption({ label: 'Regular expression' });
  await bar.getByRole('searchbox', { name: 'Find in page' }).fill('(.)𠮷');
  const replacement = bar.getByRole('textbox', { name: 'Replace in page with' });
  await replacement.fill('$1吉');
  await expect(bar.getByRole('status').first()).toHaveText('1 / 3');

  // Replace one: the first hit (田𠮷 on line 1) only.
  await bar.getByRole('button', { name: 'Replace', exact: true }).click();
  expect(await editorText(page)).toBe('𠮷田吉\n甲𠮷乙\n丙丁𠮷\n');
  await expect(bar.getByRole('status').first()).toHaveText(/ \/ 2$/);

  await bar.getByRole('button', { name: 'Replace all' }).click();
  expect(await editorText(page)).toBe('𠮷田吉\n甲吉乙\n丙丁吉\n');
  await expect(bar.getByText('Replaced 2; Ctrl+Z undoes it.')).toBeVisible();
  await expect(bar.getByRole('status').first()).toHaveText('No hits');
  // Ctrl+Z right after replacing, still in the bar, undoes the replacement in the page (not the field's typing);
  // Ctrl+Y redoes it.
  await page.keyboard.press('Control+z');
  expect(await editorText(page)).toBe('𠮷田吉\n甲𠮷乙\n丙丁𠮷\n');
  await page.keyboard.press('Control+y');
  expect(await editorText(page)).toBe('𠮷田吉\n甲吉乙\n丙丁吉\n');
  await expect(bar.getByRole('searchbox', { name: 'Find in page' })).toHaveValue('(.)𠮷');

  await page.keyboard.press('Escape');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = JSON.parse(await fs.readFile(path.join(app.corpusDir, `${FILE}.jiaodui.json`), 'utf8')) as { text: string; corrections: { start: number; end: number }[] };
  expect(sidecar.text).toBe('𠮷田吉\n甲吉乙\n丙丁吉\n');
  // Corrections count code points of the original: the 𠮷 of line 2 is its 6th code point (offset 5).
  expect(sidecar.corrections.map((c) => [c.start, c.end])).toContainEqual([5, 6]);

  // One Ctrl+Z undoes the replace-all (both hits), a second the single replacement.
  await page.keyboard.press('Control+z');
  expect(await editorText(page)).toBe('𠮷田吉\n甲𠮷乙\n丙丁𠮷\n');
  await page.keyboard.press('Control+z');
  expect(await editorText(page)).toBe(TEXT);
});
