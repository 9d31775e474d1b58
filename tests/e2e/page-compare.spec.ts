import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { pageList, selectInEditor } from './helpers';

// The original-vs-corrected view of a page and its statistics (issue 16 item 8), on an ALTO page the test writes:
// character confidences make two characters low-confidence, one of which the edit replaces.

const EXT_B = '𠮷';
const PAGE = `zz/${EXT_B}报.xml`;

// CC: 0 sure … 9 unsure per character. Line 1: 𠮷 and 己 unsure (confidence 0.22 < the 0.8 default threshold).
const ALTO = `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="400" HEIGHT="200"><PrintSpace><TextBlock>
<TextLine HPOS="10" VPOS="10" WIDTH="300" HEIGHT="30"><String CONTENT="${EXT_B}己经来了" HPOS="10" VPOS="10" WIDTH="300" HEIGHT="30" CC="7 7 0 0 0"/></TextLine>
<TextLine HPOS="10" VPOS="60" WIDTH="300" HEIGHT="30"><String CONTENT="上海见闻" HPOS="10" VPOS="60" WIDTH="300" HEIGHT="30" CC="0 0 0 0"/></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>
`;

test('the original-vs-corrected view marks each changed character (Extension B whole), shows the page statistics, and Esc returns to the editor', async ({ app }) => {
  const { page, corpusDir } = app;
  await fs.mkdir(path.join(corpusDir, 'zz'), { recursive: true });
  await fs.writeFile(path.join(corpusDir, 'zz', `${EXT_B}报.xml`), ALTO);
  await pageList(page).getByRole('option', { name: PAGE }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText(`${EXT_B}己经来了`);

  // Two separate corrections by hand (𠮷 → 吉, 来 → 到) and an entity (上海 as LOC, labelled 地名 in the tag set).
  await selectInEditor(page, `${EXT_B}己经`, 0, 2);
  await page.keyboard.type('吉');
  await selectInEditor(page, '经来了', 1, 1);
  await page.keyboard.type('到');
  await expect(editor).toContainText('吉己经到了');
  await selectInEditor(page, '上海见闻', 0, 2);
  await page.keyboard.press('Alt+2');

  // Reached by keyboard; read-only; both columns in one scroll box (they scroll together).
  await page.keyboard.press('Control+Shift+K');
  const view = page.getByRole('dialog', { name: `Original and corrected — ${PAGE}` });
  await expect(view).toBeVisible();
  await expect(view.getByTestId('original-view-summary')).toHaveText('Characters removed: 2; added: 2; lines changed: 1');
  const text = view.getByRole('region', { name: 'Differences between the original and the corrected text' });
  const firstOriginal = text.getByTestId('original-line').first();
  const firstCorrected = text.getByTestId('corrected-line').first();
  await expect(firstOriginal).toHaveText(`${EXT_B}己经来了`);
  await expect(firstCorrected).toHaveText('吉己经到了');
  expect(await firstOriginal.locator('del').allTextContents()).toEqual([EXT_B, '来']);
  expect(await firstCorrected.locator('ins').allTextContents()).toEqual(['吉', '到']);
  await expect(text.getByTestId('corrected-line').nth(1)).toHaveText('上海见闻');
  await expect(text.locator('[contenteditable="true"], input[type="text"], textarea')).toHaveCount(0);

  // The statistics: two corrections by hand, none by rule; 𠮷 was replaced, so only 己 is still low-confidence.
  await expect(view.getByTestId('stats-hand')).toHaveText('2');
  await expect(view.getByTestId('stats-rule')).toHaveText('0');
  // Known once the page's OCR suggestions have come (the first request waits for the models to load).
  await expect(view.getByTestId('stats-low-confidence')).toHaveText('1', { timeout: 30_000 });
  await expect(view.getByTestId('stats-entities')).toHaveText('地名: 1');

  // Unified: one column, removed and added characters in place.
  await view.getByRole('radio', { name: 'Unified' }).check();
  const unified = text.getByTestId('unified-line').first();
  expect(await unified.locator('del').allTextContents()).toEqual([EXT_B, '来']);
  expect(await unified.locator('ins').allTextContents()).toEqual(['吉', '到']);
  await expect(unified).toHaveText(`${EXT_B}吉己经来到了`);

  // Esc closes it and gives the focus back to the editor; the toolbar button opens it too (the layout is kept).
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(editor).toBeFocused();
  await page.getByRole('button', { name: 'Original vs corrected' }).click();
  await expect(view.getByRole('radio', { name: 'Unified' })).toBeChecked();
  await view.getByRole('radio', { name: 'Side by side' }).check();
  await page.keyboard.press('Escape');
  await expect(editor).toBeFocused();
});

test('a save records what is still waiting, and the dashboard sums it', async ({ app }) => {
  const { page, corpusDir } = app;
  await fs.mkdir(path.join(corpusDir, 'zz'), { recursive: true });
  await fs.writeFile(path.join(corpusDir, 'zz', `${EXT_B}报.xml`), ALTO);
  await pageList(page).getByRole('option', { name: PAGE }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText(`${EXT_B}己经来了`);
  await selectInEditor(page, '经来了', 1, 1);
  await page.keyboard.type('到');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  // What the editor holds now (the OCR suggestions arrived: the figures are numbers, not "—").
  await page.keyboard.press('Control+Shift+K');
  const view = page.getByRole('dialog', { name: `Original and corrected — ${PAGE}` });
  await expect(view.getByTestId('stats-low-confidence')).toHaveText('2', { timeout: 30_000 });
  const ocr = await view.getByTestId('stats-ocr-suggestions').textContent();
  const entities = await view.getByTestId('stats-entity-suggestions').textContent();
  expect(ocr).toMatch(/^\d+$/);
  expect(entities).toMatch(/^\d+$/);
  await page.keyboard.press('Escape');
  // Saved again now that the suggestions are surely in (the first save may have come before them); a status
  // change leaves the text, and so the suggestions, as they were read above.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('in-progress');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  await page.keyboard.press('Control+Shift+D');
  const dashboard = page.getByRole('region', { name: /Corpus dashboard/ });
  const pending = dashboard.getByRole('table', { name: 'Still waiting (pages not marked reviewed)' });
  await expect(pending.getByRole('row', { name: 'Low-confidence OCR characters unreviewed 2' })).toBeVisible();
  await expect(pending.getByRole('row', { name: `Pending OCR suggestions ${ocr}` })).toBeVisible();
  await expect(pending.getByRole('row', { name: `Pending entity suggestions ${entities}` })).toBeVisible();
  await expect(dashboard.getByTestId('dashboard-pending-counted')).toContainText('Pages counted: 1;');
});
