import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { EXPORT_FORMATS } from '../../shared/export/format-ids';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

// The Export dialog (renderer/export): File → Export by its shortcut, several formats, a scope by review status,
// the destination through the folder dialog, Enter to start, the files on disk, the choices remembered; and Cancel
// on a larger corpus, which leaves no file under the pipeline's temporary name.
const EXT_B = '𠮷'; // U+20BB7, two UTF-16 units
const PARTIAL = '.jiaodui-partial';

/// Every file under `dir`, relative, `/`-separated, sorted.
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function openExportDialog(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/// The choices this spec makes in the first test, as the reopened dialog must show them.
async function expectRememberedChoices(dialog: Locator): Promise<void> {
  await expect(dialog.getByRole('checkbox', { name: 'Corrected text' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Original OCR text' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'TEI P5' })).not.toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Pages with review status/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Reviewed/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Needs attention/ })).not.toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'One document for all the pages' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'The innermost entity is tagged' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'As in the original, line by line' })).toBeChecked();
}

test('exports two formats of the reviewed pages into the chosen folder and remembers the choices', async ({ app }) => {
  let page = app.page;
  const { file, fix } = corpus.first;
  const pageFile = path.join(app.corpusDir, file);
  const originalText = await fs.readFile(pageFile, 'utf8');

  // Proofread one page (a fix and 𠮷) and mark it reviewed; the other pages stay without a sidecar.
  await pageList(page).getByRole('option', { name: file }).click();
  await selectInEditor(page, fix.needle, fix.offset, fix.length);
  await page.keyboard.type(fix.typed);
  await page.keyboard.insertText(EXT_B);
  await page.keyboard.press('Control+Shift+R');
  const fixed = fix.needle.slice(0, fix.offset) + fix.typed + EXT_B + fix.needle.slice(fix.offset + fix.length);

  // The export reads saved pages: the dialog says the open page has unsaved changes and saves them on request.
  const dialog = await openExportDialog(page);
  const unsaved = dialog.getByText('The open page has unsaved changes');
  await expect(unsaved).toBeVisible();
  await dialog.getByRole('button', { name: 'Save now' }).click();
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  await expect(unsaved).toBeHidden();

  // Every format is offered with a name and a description; the layout formats say which pages they apply to.
  const formats = dialog.getByRole('group', { name: 'Formats' }).getByRole('checkbox');
  await expect(formats).toHaveCount(EXPORT_FORMATS.length);
  const alto = dialog.getByRole('checkbox', { name: 'ALTO (corrected)' });
  await expect(alto).toHaveAccessibleDescription(/Pages read from ALTO only/);
  await expect(dialog.getByRole('group', { name: /Corrected OCR layout/ })).toContainText('Only pages read from that layout file');
  await expect(dialog.getByRole('checkbox', { name: 'Label Studio' })).toHaveAccessibleDescription(/labelling config/);

  // Two formats; the pages with review status "Reviewed" (one page); options that text and original ignore.
  await expect(dialog.getByRole('checkbox', { name: 'Corrected text' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Original OCR text' }).check();
  await expect(dialog.getByRole('radio', { name: `This page (${file})` })).toBeEnabled();
  await expect(dialog.getByRole('radio', { name: `The whole corpus (${corpus.pages.length} pages)` })).toBeChecked();
  await dialog.getByRole('radio', { name: /^Pages with review status/ }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Reviewed (1)' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: `Unreviewed / not started (${corpus.pages.length - 1})` })).not.toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Pages with review status (1)' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'One document for all the pages' }).check();
  await dialog.getByRole('radio', { name: 'The innermost entity is tagged' }).check();

  // Export cannot start before a folder is chosen; the dialog says why.
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await expect(dialog).toContainText('Choose a destination folder.');
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-export-'));
  await app.chooseFolder(outDir, () => dialog.getByRole('button', { name: 'Choose folder…' }).click());
  await expect(dialog.getByTestId('export-folder')).toHaveText(outDir);

  // Enter starts the export from anywhere in the form.
  await dialog.getByRole('checkbox', { name: 'Original OCR text' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Pages exported: 1; files written: 2');
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '1');
  await expect(bar).toHaveAttribute('aria-valuemax', '1');

  // On disk: the reviewed page's corrected text (with 𠮷) and its original OCR text; nothing of the other pages.
  const base = file.replace(/\.txt$/, '');
  expect(await filesUnder(outDir)).toEqual([file, `${base}.original.txt`].sort());
  const corrected = await fs.readFile(path.join(outDir, file), 'utf8');
  expect(corrected).toContain(fixed);
  expect(corrected.split(EXT_B).length).toBe(originalText.split(EXT_B).length + 1);
  expect(await fs.readFile(path.join(outDir, `${base}.original.txt`), 'utf8')).toBe(originalText);

  // Escape closes the dialog and the page text has the focus again.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toBeFocused();

  // Reopened: the same choices, and this session's folder.
  await expectRememberedChoices(await openExportDialog(page));
  await expect(dialog.getByTestId('export-folder')).toHaveText(outDir);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // After a reload, and after the app is closed and started again, the choices are still there.
  await page.reload();
  await expect(pageList(page).getByRole('option', { name: file })).toBeVisible();
  await expectRememberedChoices(await openExportDialog(page));
  await app.restart();
  page = app.page;
  await expect(pageList(page).getByRole('option', { name: file })).toBeVisible();
  const again = await openExportDialog(page);
  await expectRememberedChoices(again);
  await expect(again.getByTestId('export-folder')).toHaveText('No folder chosen');
  await fs.rm(outDir, { recursive: true, force: true });
});

// Pages enough that an export runs for a while: 4,000 pages of 40 lines of 40 characters.
const LARGE_PAGES = 4000;

/// A temporary corpus of LARGE_PAGES pages (𠮷 on every line) and an empty export folder.
async function largeCorpus(): Promise<{ large: string; outDir: string }> {
  const large = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-export-large-'));
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-export-out-'));
  const line = `${EXT_B}旧报纸的一行文字，校对员逐字核对后导出。第二句也在这里，共四十个字。`;
  const text = Array.from({ length: 40 }, (_, i) => `${i}${line}`).join('\n');
  for (let i = 0; i < LARGE_PAGES; i += 200) {
    await Promise.all(Array.from({ length: 200 }, (_, j) => fs.writeFile(path.join(large, `p-${String(i + j).padStart(5, '0')}.txt`), `${i + j}\n${text}\n`)));
  }
  return { large, outDir };
}

/// After a cancelled run: no temporary file is left, and every file under its final name is complete.
async function expectOnlyCompleteFiles(dir: string, large: string): Promise<string[]> {
  const files = await filesUnder(dir);
  expect(files.filter((f) => f.endsWith(PARTIAL))).toEqual([]);
  for (const name of files) {
    const source = name.replace(/\.original\.txt$/, '.txt');
    expect(await fs.readFile(path.join(dir, name), 'utf8'), name).toBe(await fs.readFile(path.join(large, source), 'utf8'));
  }
  return files;
}

test('Cancel stops a running export and leaves no half-written file; Escape does the same', async ({ app }) => {
  const page = app.page;
  const { large, outDir } = await largeCorpus();
  try {
    await reopenFolder(app, large);
    await expect(page.locator('.scan-status')).toHaveText(`${LARGE_PAGES} pages`, { timeout: 30_000 });

    const dialog = await openExportDialog(page);
    await dialog.getByRole('checkbox', { name: 'Original OCR text' }).check();
    await expect(dialog.getByRole('radio', { name: `The whole corpus (${LARGE_PAGES} pages)` })).toBeChecked();
    await app.chooseFolder(outDir, () => dialog.getByRole('button', { name: 'Choose folder…' }).click());
    await expect(dialog.getByTestId('export-folder')).toHaveText(outDir);

    // Cancel once the progress bar shows pages done (the Cancel button took the focus from the Export button).
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const cancel = dialog.getByRole('button', { name: 'Cancel export' });
    await expect(cancel).toBeFocused();
    const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { intervals: [20] }).toBeGreaterThan(0);
    await expect(bar).toHaveAttribute('aria-valuemax', String(LARGE_PAGES));
    await cancel.click();
    await expect(dialog.getByRole('status')).toContainText('Export cancelled.');
    await expect(dialog.getByRole('status')).toContainText('nothing half-written was left behind');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    // The pages finished before the cancel stay, complete, under their final names.
    const first = await expectOnlyCompleteFiles(outDir, large);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(2 * LARGE_PAGES);

    // Escape during a run cancels it too (here at once), and the dialog stays open to say so.
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog.getByRole('status')).toContainText('Export cancelled.');
    await expect(dialog).toBeVisible();
    expect((await expectOnlyCompleteFiles(outDir, large)).length).toBeLessThan(2 * LARGE_PAGES);
  } finally {
    await fs.rm(large, { recursive: true, force: true });
    await fs.rm(outDir, { recursive: true, force: true });
  }
});
