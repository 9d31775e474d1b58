import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openPage } from '../../electron/services/page/open-page';
import { savePage } from '../../electron/services/page/save-page';
import { expect, test } from './fixtures';
import { pageList, reopenFolder } from './helpers';

// Issue 16 item 9: the OCR panel and the entity panel are virtualised. A page written here has thousands of OCR
// suggestions (a space between every two Chinese characters) and hundreds of distinct tagged names (a sidecar saved
// through the app's own save); 𠮷 (U+20BB7) starts each line, so code-point and UTF-16 offsets differ.
const FILE = 'zz-large-panels.txt';
const LINES = 600;
const SPACED = '中 国 人 民 今 天 很 好';
const NAME_CHARS = [...'张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];

/// The i-th distinct two-character name.
function nameOf(i: number): string {
  return NAME_CHARS[i % NAME_CHARS.length]! + NAME_CHARS[(Math.floor(i / NAME_CHARS.length) + 7) % NAME_CHARS.length]!;
}

async function writeLargePage(corpusDir: string): Promise<void> {
  const lines = Array.from({ length: LINES }, (_, i) => `𠮷${nameOf(i)}说：${SPACED}`);
  const text = `${lines.join('\n')}\n`;
  await fs.writeFile(path.join(corpusDir, FILE), text);
  const page = await openPage(corpusDir, FILE);
  if (!page.ok) throw new Error(page.error.message);
  // Each name starts one code point (𠮷) into its line; a line is 1 + 2 + 2 + SPACED + the line break long.
  const lineLength = 1 + 2 + 2 + [...SPACED].length + 1;
  const entities = Array.from({ length: LINES }, (_, i) => ({ id: `large-${i}`, start: i * lineLength + 1, end: i * lineLength + 3, type: 'PER', text: nameOf(i) }));
  const saved = await savePage(corpusDir, { path: FILE, text: page.value.text, status: 'in-progress', entities, sourceSha256: page.value.sha256, expectedSidecarHash: null }, 'e2e');
  if (!saved.ok) throw new Error(saved.error.message);
}

/// The number of elements inside `locator` and of the list items among them.
function domCount(locator: Locator): Promise<{ elements: number; rows: number }> {
  return locator.evaluate((el) => ({ elements: el.querySelectorAll('*').length, rows: el.querySelectorAll('li').length }));
}

function documentHeight(page: Page): Promise<{ document: number; window: number }> {
  return page.evaluate(() => ({ document: document.scrollingElement!.scrollHeight, window: window.innerHeight }));
}

/// The list item holding the focused control: its place in its group.
function focusedRow(page: Page): Promise<{ position: string | null; size: string | null }> {
  return page.evaluate(() => {
    const li = document.activeElement?.closest('li');
    return { position: li?.getAttribute('aria-posinset') ?? null, size: li?.getAttribute('aria-setsize') ?? null };
  });
}

test('a page with thousands of OCR suggestions and hundreds of entities keeps both panels small and the window still', async ({ app }) => {
  // Finding the OCR suggestions of 600 lines takes a while on a loaded machine.
  test.setTimeout(180_000);
  const { page, corpusDir } = app;
  await writeLargePage(corpusDir);
  await reopenFolder(app, corpusDir);
  // The reopened folder's scan may replace the list under a first click: click until the page is open.
  await expect(async () => {
    await pageList(page).getByRole('option', { name: FILE }).click();
    await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(nameOf(LINES - 1), { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  // The OCR panel: every suggestion counted and listed, few rendered.
  const panel = page.getByRole('region', { name: 'OCR suggestions' });
  await expect(panel.getByRole('status')).toHaveText(/^\d+ suggestions$/, { timeout: 90_000 });
  const total = Number(/^(\d+)/.exec((await panel.getByRole('status').textContent()) ?? '')![1]);
  expect(total).toBeGreaterThanOrEqual(LINES * 6);
  const spacing = panel.getByRole('group', { name: /^Spaces in Chinese text \(\d+\)$/ });
  await expect(spacing).toBeVisible();
  const spacingCount = Number(/\((\d+)\)$/.exec((await spacing.getAttribute('aria-label')) ?? '')![1]);
  expect(spacingCount).toBeGreaterThanOrEqual(LINES * 6);
  const review = await domCount(panel);
  test.info().annotations.push({ type: 'OCR panel DOM', description: `${review.elements} elements, ${review.rows} rows for ${total} suggestions` });
  expect(review.rows).toBeGreaterThan(5);
  expect(review.rows).toBeLessThan(400);
  expect(review.elements).toBeLessThan(2_000);

  // Screen readers hear each item's place among all of its rule's items.
  const first = spacing.getByRole('listitem').first();
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first).toHaveAttribute('aria-setsize', String(spacingCount));

  // Keyboard: Down moves focus to the next item; End reaches the very last one, rendered and in view.
  await first.getByRole('button').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(page)).toEqual({ position: '2', size: String(spacingCount) });
  await page.keyboard.press('End');
  await expect.poll(async () => (await focusedRow(page)).position).not.toBe('2');
  const last = await focusedRow(page);
  const lastItem = panel.locator(`li[aria-posinset="${last.position}"][aria-setsize="${last.size}"]`);
  await expect(lastItem).toBeInViewport();
  expect(await domCount(panel).then((count) => count.rows)).toBeLessThan(400);
  // The last row of the list belongs to the last rule listed: its place is its rule's count.
  expect(last.position).toBe(last.size);
  // Home goes back to the first row: the first rule's heading and its "Accept all".
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Accept all: /);

  // The entity panel: one group of all the names, few rendered.
  const entities = page.getByRole('complementary', { name: 'Entities' });
  const people = entities.getByRole('region', { name: `人名 (PER): ${LINES}` });
  await expect(people).toBeVisible({ timeout: 20_000 });
  await expect(people.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(LINES));
  const entityDom = await domCount(entities);
  test.info().annotations.push({ type: 'Entity panel DOM', description: `${entityDom.elements} elements, ${entityDom.rows} rows for ${LINES} names` });
  expect(entityDom.rows).toBeGreaterThan(5);
  expect(entityDom.rows).toBeLessThan(400);
  await people.getByRole('button').first().focus();
  await page.keyboard.press('End');
  await expect.poll(() => focusedRow(page)).toEqual({ position: String(LINES), size: String(LINES) });
  await expect(page.locator(':focus')).toBeInViewport();

  // The document is no taller than the window, and typing at the end of the text does not scroll it.
  const sizes = await documentHeight(page);
  expect(sizes.document).toBeLessThanOrEqual(sizes.window + 1);
  await page.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('新');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
