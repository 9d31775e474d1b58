import fs from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { corpus } from './corpus-profile';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const SECOND = corpus.second.file;
const { edit } = corpus.second;

test('saves by itself after a pause in typing', async ({ app }) => {
  const page = app.page;
  await pageList(page).getByRole('option', { name: SECOND }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  // The default autosave pause is 5 s; nothing is pressed here.
  await expect(page.getByTestId('save-state')).toContainText('Saved at', { timeout: 15_000 });
  const sidecar = JSON.parse(await fs.readFile(path.join(app.corpusDir, `${SECOND}.jiaodui.json`), 'utf8'));
  expect(sidecar.text).toContain(edit.after);
  expect(sidecar.corrections).toHaveLength(1);
});

test('reads a GB18030 page with CRLF line endings and shows its encoding', async ({ app }) => {
  const page = app.page;
  const text = '春耕生产有序推进\r\n\r\n记者 赵红梅\r\n连日来，东山乡各村抓住有利天气，组织农民开展春耕备耕工作。\r\n';
  await fs.mkdir(path.join(app.corpusDir, 'gbk'));
  await fs.writeFile(path.join(app.corpusDir, 'gbk', 'spring.txt'), iconv.encode(text, 'gb18030'));
  await reopenFolder(app, app.corpusDir);
  await pageList(page).getByRole('option', { name: 'gbk/spring.txt' }).click();
  await expect(page.getByTestId('encoding')).toHaveText('GB18030');
  await expect(page.getByTestId('line-ending')).toHaveText('CRLF');
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText('东山乡各村抓住有利天气');
  await expect(editor.locator('.pm-line')).toHaveCount(5);
});

test('is driven from the keyboard: page list, next page, shortcuts sheet', async ({ app }) => {
  const page = app.page;
  const [pageA, pageB] = corpus.pages as [string, string];
  await expect(pageList(page).getByRole('option')).toHaveCount(corpus.pages.length);
  await page.keyboard.press('Control+1');
  await expect(pageList(page)).toBeFocused();
  // Ctrl+1 makes the open page (or else the first) the list's active one, so Enter opens it at once.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pageA);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pageB);
  await expect(pageList(page).getByRole('option', { name: pageB })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('textbox', { name: 'Page text' })).toBeFocused();
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Ctrl+S');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('Control+Shift+R');
  await expect(page.getByLabel('Review status')).toHaveValue('reviewed');
});
