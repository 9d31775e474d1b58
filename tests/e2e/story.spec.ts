import fs from 'node:fs/promises';
import path from 'node:path';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const EXT_B = '𠮷'; // U+20BB7, two UTF-16 units
const { file: PAGE, headline, fix } = corpus.first;

test('proofreads a page: fixes a character, inserts 𠮷, saves a sidecar, reopens, exports', async ({ app }) => {
  const { corpusDir } = app;
  const pageFile = path.join(corpusDir, PAGE);
  const originalBytes = await fs.readFile(pageFile);
  const originalText = originalBytes.toString('utf8');
  let page = app.page;

  // The page opens with its OCR text, line by line as in the file.
  await pageList(page).getByRole('option', { name: PAGE }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText(headline);
  await expect(editor.locator('.pm-line')).toHaveCount(originalText.split('\n').length);
  await expect(page.getByTestId('encoding')).toHaveText('UTF-8');

  // Fix the OCR error and insert 𠮷 right after the fixed character.
  await selectInEditor(page, fix.needle, fix.offset, fix.length);
  await page.keyboard.type(fix.typed);
  await page.keyboard.insertText(EXT_B);
  const fixed = fix.needle.slice(0, fix.offset) + fix.typed + EXT_B + fix.needle.slice(fix.offset + fix.length);
  await expect(editor).toContainText(fixed);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  // The sidecar sits beside the page; the page file is byte-for-byte unchanged.
  const sidecar = JSON.parse(await fs.readFile(`${pageFile}.jiaodui.json`, 'utf8'));
  expect(await fs.readFile(pageFile)).toEqual(originalBytes);
  expect(sidecar.text).toContain(fixed);
  const nfc = originalText.normalize('NFC');
  const cpStart = Array.from(nfc.slice(0, nfc.indexOf(fix.needle))).length + fix.offset;
  expect(sidecar.corrections).toEqual([{ start: cpStart, end: cpStart + 1, original: fix.replaced, corrected: `${fix.typed}${EXT_B}` }]);
  expect(sidecar.source.sha256).toMatch(/^[0-9a-f]{64}$/);

  // Close the app and open it again on the same folder: the correction is there, highlighted, original on hover.
  await app.restart();
  page = app.page;
  await pageList(page).getByRole('option', { name: PAGE }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(fixed);
  const highlight = page.locator('.corr-changed').first();
  await expect(highlight).toHaveAttribute('data-original', fix.replaced);
  await highlight.hover();
  await expect(page.getByRole('tooltip')).toContainText(fix.replaced);

  // Export the whole corpus, keeping sub-folders: add a page in a sub-folder and reopen the folder first.
  const extra = corpus.second.file;
  await fs.mkdir(path.join(corpusDir, '2022', '12'), { recursive: true });
  await fs.copyFile(path.join(corpusDir, extra), path.join(corpusDir, '2022', '12', 'page-3.txt'));
  await reopenFolder(app, corpusDir);
  const pageCount = corpus.pages.length + 1;
  await expect(pageList(page).getByRole('option')).toHaveCount(pageCount);

  const outDir = `${corpusDir}-export`;
  await fs.mkdir(outDir);
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('checkbox', { name: 'Corrected text' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^The whole corpus/ })).toBeChecked();
  await app.chooseFolder(outDir, () => dialog.getByRole('button', { name: 'Choose folder…' }).click());
  await expect(dialog.getByTestId('export-folder')).toHaveText(outDir);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Pages exported: ${pageCount}; files written: ${pageCount}`);
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('aria-valuenow', String(pageCount));

  const exported = await fs.readFile(path.join(outDir, ...PAGE.split('/')), 'utf8');
  expect(exported).toContain(fixed);
  expect(exported.split(fix.needle).length).toBe(originalText.split(fix.needle).length - 1);
  expect(await fs.readFile(path.join(outDir, '2022', '12', 'page-3.txt'), 'utf8')).toBe(await fs.readFile(path.join(corpusDir, extra), 'utf8'));
  await fs.rm(outDir, { recursive: true, force: true });
});
