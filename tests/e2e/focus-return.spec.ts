import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test as base } from './fixtures';
import { pageList, selectInEditor } from './helpers';

const FILE = 'zz-focus.txt';
const TEXT = '记者张三报道。\n张三在北京。\n';

const test = base.extend({
  corpusDir: async ({ corpusDir }, use) => {
    await fs.writeFile(path.join(corpusDir, FILE), TEXT);
    await use(corpusDir);
  },
});

test('the focus goes back to the page text after the propagation dialog and the shortcuts sheet', async ({ app }) => {
  const page = app.page;
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await pageList(page).getByRole('option', { name: FILE }).click();
  await selectInEditor(page, '张三报道', 0, 2);
  await page.keyboard.press('Alt+1');
  await expect(editor.locator('.ent-mark')).toHaveCount(1);

  // Alt+P on the entity opens the propagation dialog; Escape closes it and the text has the focus again.
  await page.keyboard.press('Alt+p');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(editor).toBeFocused();

  // Again, applying it this time: the second 张三 is tagged and the focus is back in the text.
  await page.keyboard.press('Alt+p');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /^Tag/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor.locator('.ent-mark')).toHaveCount(2);
  await expect(editor).toBeFocused();
  // Typing goes into the text at once.
  await page.keyboard.type('甲');
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  // The shortcuts sheet (taller than a 1024×600 window) opens at its top, and Escape returns to the text.
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const scroll = await sheet.evaluate((element) => ({ top: element.scrollTop, height: element.scrollHeight, shown: element.clientHeight }));
  expect(scroll.height).toBeGreaterThan(scroll.shown);
  expect(scroll.top).toBe(0);
  await expect(sheet.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(editor).toBeFocused();
});

test('Ctrl+1 then Enter opens a page at once', async ({ app }) => {
  const page = app.page;
  await expect(pageList(page).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(pageList(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Page text' })).toBeVisible();
});
