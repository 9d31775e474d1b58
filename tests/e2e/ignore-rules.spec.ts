import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

// Pages written for this spec (sorted after the corpus's own pages), so the texts and contexts are known here.
const ORG = '朔城区市场监督管理局';
const PAGES = {
  // The editor rejects the organisation here: before it 者从, after it 获悉.
  rejectOn: 'zz-ignore-a.txt',
  // The same organisation in the same context (者从…获悉), and again in another (另据…通报).
  seeOn: 'zz-ignore-b.txt',
  // Spaces between Chinese characters: the spacing rule suggests removing each.
  spacedOne: 'zz-ignore-c.txt',
  spacedTwo: 'zz-ignore-d.txt',
};
const TEXTS: Record<string, string> = {
  [PAGES.rejectOn]: `今天记者从${ORG}获悉，检查已经开始。\n`,
  [PAGES.seeOn]: `昨天记者从${ORG}获悉，检查已经结束。\n另据${ORG}通报，共查处三起。\n`,
  [PAGES.spacedOne]: '中 国 人 民 今 天 很 好\n',
  [PAGES.spacedTwo]: '我 们 在 这 里 工 作\n',
};

test.beforeEach(async ({ app }) => {
  for (const [file, text] of Object.entries(TEXTS)) await fs.writeFile(path.join(app.corpusDir, file), text);
  await reopenFolder(app, app.corpusDir);
});

async function openPage(page: Page, file: string): Promise<void> {
  await pageList(page).getByRole('option', { name: file }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(TEXTS[file]!.split('\n')[0]!);
}

function orgSuggestions(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Page text' }).locator('.ent-suggestion[data-suggestion-type="ORG"]', { hasText: new RegExp(`^${ORG}$`) });
}

function spacingGroup(page: Page): Locator {
  return page.getByRole('region', { name: 'OCR suggestions' }).getByRole('group', { name: /^Spaces in Chinese text \(\d+\)$/ });
}

test('an entity suggestion rejected on one page is gone in the same context on another page, and stays elsewhere', async ({ app }) => {
  const { page } = app;
  await openPage(page, PAGES.seeOn);
  await expect(orgSuggestions(page)).toHaveCount(2);
  const sureBefore = percent(await orgSuggestions(page).last().getAttribute('title'));

  await openPage(page, PAGES.rejectOn);
  await expect(orgSuggestions(page)).toHaveCount(1);
  await selectInEditor(page, ORG, 1, 0);
  await page.keyboard.press('Alt+Backspace');
  await expect(orgSuggestions(page)).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  // The other page: the occurrence after 者从 and before 获悉 is not suggested; the one after 另据 still is.
  await openPage(page, PAGES.seeOn);
  await expect(orgSuggestions(page)).toHaveCount(1);
  const line = await orgSuggestions(page).evaluate((el) => el.closest('.pm-line')?.textContent ?? '');
  expect(line).toContain('另据');
  // Shown less sure: rejected once, never accepted, so half as sure.
  // (The tooltip rounds to whole percents.)
  expect(Math.abs(percent(await orgSuggestions(page).getAttribute('title')) - sureBefore / 2)).toBeLessThanOrEqual(1);
});

// The confidence in a suggestion's tooltip ("ORG? (rule, 90%)").
function percent(title: string | null): number {
  return Number(/(\d+)%/.exec(title ?? '')![1]);
}

test('"always ignore" an OCR rule and string: gone on every page, listed in the corpus settings, back after removing it there', async ({ app }) => {
  const { page } = app;
  await openPage(page, PAGES.spacedOne);
  const group = spacingGroup(page);
  await expect(group).toBeVisible({ timeout: 20_000 });
  await group.getByRole('button', { name: 'Always ignore in this corpus: ␣ → delete' }).first().click();
  await expect(spacingGroup(page)).toHaveCount(0);

  // Another page never shows them.
  await openPage(page, PAGES.spacedTwo);
  await expect(page.getByRole('region', { name: 'OCR suggestions' }).getByRole('status')).toHaveText(/\d+ suggestions?|No suggestions/, { timeout: 20_000 });
  await expect(spacingGroup(page)).toHaveCount(0);

  // The corpus settings list the entry; removing it brings the suggestions back on the open page.
  await page.getByRole('button', { name: 'Corpus settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Corpus settings' });
  await dialog.getByRole('button', { name: 'Ignored suggestions…' }).click();
  const table = dialog.getByRole('table', { name: 'Ignored suggestions' });
  const row = table.getByRole('row').filter({ hasText: 'cjk-spacing' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').first()).toHaveText('OCR');
  await row.getByRole('button', { name: 'Remove from the ignore list: ␣ → ∅' }).click();
  await expect(dialog.getByText('Nothing is ignored in this corpus.')).toBeVisible();
  // Undo puts it back; removing it again leaves the list empty.
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Remove from the ignore list: ␣ → ∅' }).click();
  await expect(dialog.getByText('Nothing is ignored in this corpus.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(spacingGroup(page)).toBeVisible({ timeout: 20_000 });

  // The ignore list lives beside the app's state, not in the corpus.
  const corpusFiles = await fs.readdir(app.corpusDir);
  expect(corpusFiles.filter((f) => f.includes('ignored'))).toEqual([]);
});

test('Ctrl+F9 always ignores the current OCR suggestion; Alt+Shift+Backspace the entity suggestion at the caret', async ({ app }) => {
  const { page } = app;
  await openPage(page, PAGES.spacedOne);
  await expect(spacingGroup(page)).toBeVisible({ timeout: 20_000 });
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await editor.focus();
  await page.keyboard.press('F8');
  // F8 may land on another rule's suggestion first: step until the current item is a spacing one.
  for (let i = 0; i < 10 && (await spacingGroup(page).locator('[aria-current="true"]').count()) === 0; i++) await page.keyboard.press('F8');
  await page.keyboard.press('Control+F9');
  await expect(spacingGroup(page)).toHaveCount(0);

  await openPage(page, PAGES.seeOn);
  await expect(orgSuggestions(page)).toHaveCount(2);
  await selectInEditor(page, ORG, 1, 0);
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(orgSuggestions(page)).toHaveCount(0);
});
