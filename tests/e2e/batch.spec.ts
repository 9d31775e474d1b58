import fs from 'node:fs/promises';
import path from 'node:path';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, selectInEditor, statusDot } from './helpers';
import type { Page } from '@playwright/test';

// What the batch spec searches for on the corpus it runs on: a string found on both Chinese pages, with two hits
// on the first page; and a regular expression with a group.
const onRealPages = corpus.pages[0] === '000_bf7c7d8a6a23f1a9.txt';
const facts = onRealPages
  ? {
      // The byline 记者 武跃林 with the space OCR put in: twice on the first page, three times on the other.
      mode: 'Plain text',
      find: '记者 武跃林',
      replacement: '记者武跃林',
      other: '003_0c30f1900352050f.txt',
      hits: 5,
      // Hit 2 (first page, line 111) is left unticked.
      untick: { page: '000_bf7c7d8a6a23f1a9.txt', line: 111 },
      // Dates spaced out by OCR (12 月 2 日) on the other page only.
      // The first hit is replaced, the second (11 月 30 日, same page) is unticked and stays.
      regex: { find: '(\\d+) 月 (\\d+) 日', replacement: '$1月$2日', shown: '12月2日', page: '003_0c30f1900352050f.txt', kept: { page: '003_0c30f1900352050f.txt', text: '11 月 30 日' } },
    }
  : {
      // The look-alike 己 for 已 on both Chinese pages of the sample corpus (己经, 己完成), and 己 of no word.
      mode: 'One character',
      find: '己',
      replacement: '已',
      other: '1987-03/page-02.txt',
      hits: 2,
      untick: { page: '1987-03/page-02.txt', line: 10 },
      // The first hit (己经, first page) is replaced, the second (己完成, other page) is unticked: no sidecar there.
      regex: { find: '己(经|完成)', replacement: '已$1', shown: '已经', page: '1987-03/page-01.txt', kept: { page: '1987-03/page-02.txt', text: null } },
    };
const first = corpus.first.file;

async function sidecarOf(corpusDir: string, rel: string): Promise<{ text: string; corrections: { original: string; corrected: string }[] } | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(corpusDir, ...rel.split('/')) + '.jiaodui.json', 'utf8'));
  } catch {
    return null;
  }
}

async function openBatchDialog(page: Page) {
  // The key acts once the app has mounted with its corpus (the toolbar button is enabled then); pressed earlier,
  // while the page is still loading, it reaches no handler.
  await expect(page.getByRole('button', { name: 'Find & replace' })).toBeEnabled();
  await page.keyboard.press('Control+Shift+H');
  const dialog = page.getByRole('dialog', { name: 'Find and replace in corpus' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('replaces ticked hits across the corpus, reloads the open page, and undoes the batch at once', async ({ app }) => {
  const { page, corpusDir } = app;
  const { quickEdit } = corpus.first;

  // Unsaved work on the first page: the dialog asks about it before it opens.
  await pageList(page).getByRole('option', { name: first }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await selectInEditor(page, quickEdit.needle, quickEdit.offset, quickEdit.length);
  await page.keyboard.type(quickEdit.typed);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  await page.keyboard.press('Control+Shift+H');
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: 'Find and replace in corpus' });
  await expect(dialog).toBeVisible();
  const sidecarFile = path.join(corpusDir, ...first.split('/')) + '.jiaodui.json';
  const savedEdit = await fs.readFile(sidecarFile);
  expect(savedEdit.toString('utf8')).toContain(quickEdit.after);
  await dialog.getByRole('textbox', { name: 'Find' }).fill(facts.find);
  await dialog.getByRole('textbox', { name: 'Replace with' }).fill(facts.replacement);
  await dialog.getByRole('radio', { name: facts.mode }).check();
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByText(new RegExp(`^Hits: ${facts.hits}, on 2 of ${corpus.pages.length} pages`))).toBeVisible();

  // The concordance: one row per hit with page, line, the hit highlighted and what it becomes; all ticked.
  const hits = dialog.getByRole('list', { name: 'Hits' });
  await expect(hits.getByRole('listitem')).toHaveCount(facts.hits);
  await expect(hits.locator('mark').first()).toHaveText(facts.find);
  await expect(hits.getByRole('listitem').first()).toContainText(`→ ${facts.replacement}`);
  const boxes = hits.getByRole('checkbox');
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  const unticked = hits.getByRole('checkbox', { name: new RegExp(`${facts.untick.page}, line ${facts.untick.line}$`) });
  await unticked.uncheck();
  await expect(dialog.getByText(`${facts.hits - 1} of ${facts.hits} hits ticked`)).toBeVisible();

  await expect(statusDot(page, facts.other)).toHaveAttribute('title', 'Not started');
  await dialog.getByRole('button', { name: `Replace ticked (${facts.hits - 1})` }).click();
  await expect(dialog.getByText(new RegExp(`^Replaced: ${facts.hits - 1}, on ${onRealPages ? 2 : 1} pages changed`))).toBeVisible();
  // The page list's status dots follow the sidecars the batch wrote, without a rescan.
  await expect(statusDot(page, facts.other)).toHaveAttribute('title', onRealPages ? 'Unreviewed' : 'Not started');

  // On disk: ordinary corrections in each changed sidecar; the unticked hit and the saved edit are still there.
  const firstSidecar = await sidecarOf(corpusDir, first);
  expect(firstSidecar!.text).toContain(quickEdit.after);
  expect(firstSidecar!.text).toContain(facts.replacement);
  const other = await sidecarOf(corpusDir, facts.other);
  if (onRealPages) {
    // The other page changed; the first page kept its unticked second byline.
    expect(firstSidecar!.text).toContain(facts.find);
    expect(other!.text).toContain(facts.replacement);
    expect(other!.corrections.map((c) => [c.original, c.corrected])).toEqual([
      [' ', ''],
      [' ', ''],
      [' ', ''],
    ]);
  } else {
    // The other page's only hit was unticked: it has no sidecar at all.
    expect(other).toBeNull();
  }

  // The open page was reloaded: the editor shows the batch's change next to the saved edit, with nothing unsaved.
  await expect(editor).toContainText(quickEdit.after);
  await expect(editor).toContainText(facts.replacement);
  await expect(page.getByTestId('save-state')).not.toHaveText('Unsaved changes');

  // Undo the batch: the first page's sidecar is back to the saved edit, byte for byte; the other page's goes again.
  await expect(dialog.getByText(new RegExp(`Last batch: “${facts.find}” → “${facts.replacement}”`))).toBeVisible();
  const beforeUndoOther = await sidecarOf(corpusDir, facts.other);
  await dialog.getByRole('button', { name: 'Undo last batch' }).click();
  await expect(dialog.getByText(/^Undid the batch/)).toBeVisible();
  expect(await fs.readFile(sidecarFile)).toEqual(savedEdit);
  if (beforeUndoOther) expect(await sidecarOf(corpusDir, facts.other)).toBeNull();
  await expect(statusDot(page, facts.other)).toHaveAttribute('title', 'Not started');
  await expect(dialog.getByText('No batch to undo in this corpus.')).toBeVisible();
  await expect(hits.getByRole('listitem')).toHaveCount(facts.hits);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toContainText(quickEdit.after);
  await expect(editor).not.toContainText(facts.replacement);
});

test('regex mode fills $1 from groups; an invalid expression is explained', async ({ app }) => {
  const { page, corpusDir } = app;
  const dialog = await openBatchDialog(page);
  await dialog.getByRole('radio', { name: 'Regular expression' }).check();
  await dialog.getByRole('textbox', { name: 'Find' }).fill(`${facts.regex.find}(`);
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not a valid regular expression');

  await dialog.getByRole('textbox', { name: 'Find' }).fill(facts.regex.find);
  await dialog.getByRole('textbox', { name: 'Replace with' }).fill(facts.regex.replacement);
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  const hits = dialog.getByRole('list', { name: 'Hits' });
  await expect(hits.getByRole('listitem').first()).toContainText(`→ ${facts.regex.shown}`);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const count = await hits.getByRole('checkbox').count();
  expect(count).toBeGreaterThan(1);
  // Keyboard: ↓ moves to the next hit's box, Space unticks it.
  await hits.getByRole('checkbox').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(hits.getByRole('checkbox').nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(hits.getByRole('checkbox').nth(1)).not.toBeChecked();
  await expect(statusDot(page, facts.regex.page)).toHaveAttribute('title', 'Not started');
  await dialog.getByRole('button', { name: `Replace ticked (${count - 1})` }).click();
  await expect(dialog.getByText(/^Replaced: \d+, on \d+ pages changed/)).toBeVisible();
  // The changed page has a sidecar now, and its status dot says so without a rescan.
  await expect(statusDot(page, facts.regex.page)).toHaveAttribute('title', 'Unreviewed');
  const changed = await sidecarOf(corpusDir, facts.regex.page);
  expect(changed!.text).toContain(facts.regex.shown);
  const kept = await sidecarOf(corpusDir, facts.regex.kept.page);
  if (facts.regex.kept.text === null) expect(kept).toBeNull();
  else expect(kept!.text).toContain(facts.regex.kept.text);
});
