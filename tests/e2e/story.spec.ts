import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const PAGE = '000_bf7c7d8a6a23f1a9.txt';
const EXT_B = '𠮷'; // U+20BB7, two UTF-16 units

test('proofreads a page: fixes a character, inserts 𠮷, saves a sidecar, reopens, exports', async ({ app }) => {
  const { corpusDir } = app;
  const pageFile = path.join(corpusDir, PAGE);
  const originalBytes = await fs.readFile(pageFile);
  const originalText = originalBytes.toString('utf8');
  let page = app.page;

  // The page opens with its OCR text, line by line as in the file.
  await pageList(page).getByRole('option', { name: PAGE }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText('坚决打赢疫情防控歼灭战');
  await expect(editor.locator('.pm-line')).toHaveCount(originalText.split('\n').length);
  await expect(page.getByTestId('encoding')).toHaveText('UTF-8');

  // Fix the traditional 騫 in 马騫 and insert 𠮷 after it.
  await selectInEditor(page, '马騫坚信', 1, 1);
  await page.keyboard.type('骞');
  await page.keyboard.insertText(EXT_B);
  await expect(editor).toContainText(`马骞${EXT_B}坚信`);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  // The sidecar sits beside the page; the page file is byte-for-byte unchanged.
  const sidecar = JSON.parse(await fs.readFile(`${pageFile}.jiaodui.json`, 'utf8'));
  expect(await fs.readFile(pageFile)).toEqual(originalBytes);
  expect(sidecar.text).toContain(`马骞${EXT_B}坚信`);
  const nfc = originalText.normalize('NFC');
  const cpStart = Array.from(nfc.slice(0, nfc.indexOf('马騫坚信'))).length + 1;
  expect(sidecar.corrections).toEqual([{ start: cpStart, end: cpStart + 1, original: '騫', corrected: `骞${EXT_B}` }]);
  expect(sidecar.source.sha256).toMatch(/^[0-9a-f]{64}$/);

  // Close the app and open it again on the same folder: the correction is there, highlighted, original on hover.
  await app.restart();
  page = app.page;
  await pageList(page).getByRole('option', { name: PAGE }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(`马骞${EXT_B}坚信`);
  const highlight = page.locator('.corr-changed').first();
  await expect(highlight).toHaveAttribute('data-original', '騫');
  await highlight.hover();
  await expect(page.getByRole('tooltip')).toContainText('騫');

  // Export the whole corpus, keeping sub-folders: add a page in a sub-folder and reopen the folder first.
  await fs.mkdir(path.join(corpusDir, '2022', '12'), { recursive: true });
  await fs.copyFile(path.join(corpusDir, '003_0c30f1900352050f.txt'), path.join(corpusDir, '2022', '12', 'page-3.txt'));
  await reopenFolder(app, corpusDir);
  await expect(pageList(page).getByRole('option')).toHaveCount(3);

  const outDir = `${corpusDir}-export`;
  await fs.mkdir(outDir);
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export corrected text' });
  await app.chooseFolder(outDir, () => dialog.getByRole('button', { name: 'Choose folder…' }).click());
  await expect(dialog.getByTestId('export-folder')).toHaveText(outDir);
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('status')).toContainText('Wrote 3 files');
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '3');

  const exported = await fs.readFile(path.join(outDir, PAGE), 'utf8');
  expect(exported).toContain(`马骞${EXT_B}坚信`);
  expect(exported.split('马騫').length).toBe(originalText.split('马騫').length - 1);
  expect(await fs.readFile(path.join(outDir, '2022', '12', 'page-3.txt'), 'utf8')).toBe(
    await fs.readFile(path.join(corpusDir, '003_0c30f1900352050f.txt'), 'utf8'),
  );
  await fs.rm(outDir, { recursive: true, force: true });
});
