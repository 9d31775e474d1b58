import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/learned');
// A unique word around each 中美 of first.txt, so each pair can be selected.
const PAIRS = ['中美关系', '中美合作', '中美两国', '中美贸易'];

test('tags saved on one page teach the learned model, whose count shows in the panel and whose suggestion appears on another page', async ({ app }) => {
  const { page } = app;
  const corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-learned-'));
  try {
    await fs.cp(fixture, corpusDir, { recursive: true });
    await fs.rm(path.join(corpusDir, 'NOTE.md'));
    await reopenFolder(app, corpusDir);
    await pageList(page).getByRole('option', { name: 'first.txt' }).click();
    const editor = page.getByRole('textbox', { name: 'Page text' });
    await expect(editor).toContainText('中美关系');
    const panel = page.getByRole('complementary', { name: 'Entities' });
    const learned = panel.getByRole('status', { name: 'Learned model' });
    await expect(learned).toContainText('none yet');

    // The editor tags 中 and 美 as places on their own, four times, and saves.
    for (const pair of PAIRS) {
      for (const offset of [0, 1]) {
        await selectInEditor(page, pair, offset, 1);
        await panel.getByRole('button', { name: 'Tag as 地名 (LOC)' }).click();
      }
    }
    await expect(editor.locator('.ent-mark[data-entity-type="LOC"]')).toHaveCount(8);
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('save-state')).toContainText('Saved at');

    // The model trains in the background after the save, and the panel says what it learned from.
    await expect(learned).toContainText('Learned from 8 tags on 1 pages', { timeout: 30_000 });
    await expect(learned).toContainText('trained');

    // On the other page, 中 in 中美 is suggested as a place: only the learned model knows that convention.
    await pageList(page).getByRole('option', { name: 'second.txt' }).click();
    await expect(editor).toContainText('中美两国的合作');
    const places = editor.locator('.ent-suggestion[data-suggestion-type="LOC"]');
    await expect(places.filter({ hasText: /^中$/ })).toHaveCount(1, { timeout: 15_000 });
    await expect(places.filter({ hasText: /^美$/ })).toHaveCount(1);
  } finally {
    await fs.rm(corpusDir, { recursive: true, force: true });
  }
});
