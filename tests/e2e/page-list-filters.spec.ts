import fs from 'node:fs/promises';
import path from 'node:path';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, statusDot } from './helpers';

// The page list's filter, sort and "next page to review" (issue 16), and the page note kept in the sidecar.

const EXT_B = '𠮷';

async function writePage(corpusDir: string, rel: string, status: string, corrections: number, entities: number): Promise<void> {
  const abs = path.join(corpusDir, ...rel.split('/'));
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, '人民日报已经来了\n');
  const sidecar = {
    format: 'jiaodui-sidecar',
    status,
    corrections: Array.from({ length: corrections }, (_, i) => ({ start: i, end: i + 1, original: '甲', corrected: '乙' })),
    entities: Array.from({ length: entities }, (_, i) => ({ id: `e${i}`, start: i, end: i + 1, type: 'LOC', text: `地${i}` })),
  };
  await fs.writeFile(`${abs}.jiaodui.json`, JSON.stringify(sidecar));
}

test('the page list filters by status and name, sorts, and steps to the next page to review', async ({ app }) => {
  const { page, corpusDir } = app;
  await writePage(corpusDir, 'zz/p1.txt', 'reviewed', 1, 5);
  await writePage(corpusDir, `zz/${EXT_B}-p2.txt`, 'needs-attention', 4, 0);
  await writePage(corpusDir, 'zz/p3.txt', 'in-progress', 2, 9);
  await expect(statusDot(page, 'zz/p3.txt')).toHaveAttribute('title', 'In progress');
  await expect(statusDot(page, `zz/${EXT_B}-p2.txt`)).toHaveAttribute('title', 'Needs attention');
  await expect(statusDot(page, 'zz/p1.txt')).toHaveAttribute('title', 'Reviewed');
  const options = pageList(page).getByRole('option');
  const all = corpus.pages.length + 3;
  await expect(options).toHaveCount(all);

  const show = page.getByRole('combobox', { name: 'Show' });
  await show.selectOption({ label: 'Needs attention' });
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAccessibleName(`zz/${EXT_B}-p2.txt`);
  await expect(page.getByText(`1 of ${all} shown`)).toBeVisible();

  await show.selectOption({ label: 'Not yet reviewed' });
  await expect(options).toHaveCount(all - 1);
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('zz/');
  await expect(options).toHaveCount(2);

  // Sorted by corrections, most first; then by entities.
  await show.selectOption({ label: 'All pages' });
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await sort.selectOption({ label: 'Corrections (most first)' });
  await expect(options).toHaveCount(3);
  for (const [i, name] of [`zz/${EXT_B}-p2.txt`, 'zz/p3.txt', 'zz/p1.txt'].entries()) await expect(options.nth(i)).toHaveAccessibleName(name);
  await sort.selectOption({ label: 'Entities (most first)' });
  for (const [i, name] of ['zz/p3.txt', 'zz/p1.txt', `zz/${EXT_B}-p2.txt`].entries()) await expect(options.nth(i)).toHaveAccessibleName(name);

  // Alt+Shift+↓ opens the next page still to review in the list as shown (p3, then 𠮷-p2; p1 is reviewed).
  await options.nth(0).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('zz/p3.txt');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`zz/${EXT_B}-p2.txt`);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('zz/p3.txt');
});

test('a page note is edited in the page header, saved in the sidecar (version 4) and shown in the list', async ({ app }) => {
  const { page, corpusDir } = app;
  const file = corpus.second.file;
  await pageList(page).getByRole('option', { name: file, exact: true }).click();
  const note = page.getByRole('textbox', { name: 'Page note' });
  await note.fill(`第二栏缺失 ${EXT_B}`);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = JSON.parse(await fs.readFile(path.join(corpusDir, `${file}.jiaodui.json`), 'utf8')) as { schemaVersion: number; note?: string };
  expect(sidecar.schemaVersion).toBe(4);
  expect(sidecar.note).toBe(`第二栏缺失 ${EXT_B}`);
  await expect(pageList(page).getByRole('option', { name: file, exact: true })).toHaveAccessibleDescription(`Page note: 第二栏缺失 ${EXT_B}`);
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'With a note' });
  await expect(pageList(page).getByRole('option')).toHaveCount(1);

  // Cleared: the sidecar goes back to version 3 without a note.
  await note.fill('');
  await page.keyboard.press('Control+s');
  await expect(pageList(page).getByRole('option')).toHaveCount(0);
  const cleared = JSON.parse(await fs.readFile(path.join(corpusDir, `${file}.jiaodui.json`), 'utf8')) as { schemaVersion: number; note?: string };
  expect(cleared.schemaVersion).toBe(3);
  expect(cleared.note).toBeUndefined();
});

test('the list controls keep each label on one line in the narrowest sidebar, in both languages', async ({ app }) => {
  const { page } = app;
  // 1024 wide: the sidebar is at its least, 190 px (it is 16% of the window above 1187 px).
  await page.setViewportSize({ width: 1024, height: 768 });
  const sidebar = page.locator('aside.sidebar');
  for (const [show, sort] of [['Show', 'Sort by'], ['显示', '排序']] as const) {
    if (show === '显示') await page.keyboard.press('Control+Shift+L');
    const box = await sidebar.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(191);
    for (const name of [show, sort]) {
      const menu = page.getByRole('combobox', { name, exact: true });
      await expect(menu).toBeVisible();
      // The label's words on one line: no taller than the menu beside it, which stays inside the sidebar.
      const label = page.locator('.page-list-controls label > span', { hasText: new RegExp(`^${name}$`) });
      const [words, control] = [await label.boundingBox(), await menu.boundingBox()];
      expect(words!.height, name).toBeLessThanOrEqual(control!.height);
      expect(control!.x + control!.width, name).toBeLessThanOrEqual(box!.x + box!.width);
    }
  }
});
