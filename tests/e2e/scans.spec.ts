import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { importLayout } from '../../shared/layout/detect';
import type { LayoutLine } from '../../shared/layout/types';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scansDir = path.resolve(repoRoot, '../shared/samples/scans');
const PAGE = 'heating-supply';

test.skip(!existsSync(scansDir), `the sample scans are not at ${scansDir}`);

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-scans-'));
  await fs.cp(scansDir, folder, { recursive: true });
  // The samples are read-only; the app writes sidecars beside the pages.
  for (const name of await fs.readdir(folder)) await fs.chmod(path.join(folder, name), 0o644);
  await fs.chmod(folder, 0o755);
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/// The hOCR lines of the sample page, each with the 0-based .txt line of the same text (whitespace aside).
async function sampleLines(): Promise<{ line: LayoutLine; textLine: number }[]> {
  const hocr = importLayout(await fs.readFile(path.join(scansDir, `${PAGE}.hocr`), 'utf8'), `${PAGE}.hocr`);
  if (!hocr.ok) throw new Error(hocr.error.message);
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const txtLines = (await fs.readFile(path.join(scansDir, `${PAGE}.txt`), 'utf8')).replace(/\r\n?/g, '\n').split('\n');
  return hocr.value.lines.map((line) => ({ line, textLine: txtLines.findIndex((text) => text !== '' && squeeze(text) === squeeze(line.text)) }));
}

/// The 0-based editor line that holds the selection's head, read from the DOM.
function caretLineOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const focus = window.getSelection()?.focusNode ?? null;
    const element = focus instanceof Element ? focus : focus?.parentElement;
    const line = element?.closest('.pm-line');
    return line ? Array.from(document.querySelectorAll('.jd-page-editor .pm-line')).indexOf(line) : -1;
  });
}

async function openSample(page: Page, app: Parameters<typeof reopenFolder>[0]): Promise<void> {
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: `${PAGE}.txt` }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText('齐心协力保供暖');
}

test('shows the scan beside the text and outlines the region of the caret line', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  const scan = page.getByRole('img', { name: 'Scan' });
  await expect(scan).toBeVisible();
  const image = scan.locator('img.scan-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1874);

  const lines = await sampleLines();
  const target = lines.find(({ line }) => line.text.startsWith('院、居民小区'))!;
  expect(target.textLine).toBeGreaterThan(0);
  await selectInEditor(page, '院、居民小区', 2, 0);
  expect(await caretLineOf(page)).toBe(target.textLine);

  const active = page.locator('.scan-region-active');
  await expect(active).toHaveCount(1);
  await expect(active).toHaveAttribute('data-line', String(target.textLine));
  const box = target.line.region!;
  expect(await active.evaluate((rect) => ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name))))).toEqual([
    box.x,
    box.y,
    box.width,
    box.height,
  ]);

  // Clicking another region puts the caret at the start of its line.
  const other = lines.find(({ line }) => line.text.startsWith('市区部分发生疫情后'))!;
  await page.locator(`.scan-region[data-line="${other.textLine}"]`).click();
  await expect.poll(() => caretLineOf(page)).toBe(other.textLine);
  await expect(page.locator('.scan-region-active')).toHaveAttribute('data-line', String(other.textLine));
  await expect(page.getByRole('textbox', { name: 'Page text' })).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.focusOffset)).toBe(0);
});

test('keeps the links after two wrapped lines are joined', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  const lines = await sampleLines();
  const second = lines.find(({ line }) => line.text.startsWith('织职工变身'))!;
  const later = lines.find(({ line }) => line.text.startsWith('及时解决用户'))!;
  await selectInEditor(page, '织职工变身', 0, 0);
  await page.keyboard.press('Backspace');
  // The caret is now in the joined line, one line up; both original lines' regions are outlined.
  expect(await caretLineOf(page)).toBe(second.textLine - 1);
  await expect(page.locator('.scan-region-active')).toHaveCount(2);
  expect(await page.locator('.scan-region-active').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-line'))))).toEqual([
    second.textLine - 1,
    second.textLine,
  ]);
  // A region below the join leads to its line, which moved up by one.
  await page.locator(`.scan-region[data-line="${later.textLine}"]`).click();
  await expect.poll(() => caretLineOf(page)).toBe(later.textLine - 1);
  await expect(page.locator('.scan-region-active')).toHaveAttribute('data-line', String(later.textLine));
});

test('zooms with the buttons and the keyboard, and remembers the split', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  const canvas = page.locator('.scan-canvas');
  const widthOf = () => canvas.evaluate((element) => element.getBoundingClientRect().width);
  await expect.poll(widthOf).toBeGreaterThan(0);
  const fitted = await widthOf();

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(widthOf).toBeCloseTo(fitted * 1.25, 0);
  await page.getByRole('img', { name: 'Scan' }).focus();
  await page.keyboard.press('+');
  await expect.poll(widthOf).toBeCloseTo(fitted * 1.25 * 1.25, 0);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(widthOf).toBeCloseTo(fitted, 0);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(widthOf).toBeCloseTo(fitted, 0);

  // Panning with the arrow keys scrolls the zoomed scan.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const viewport = page.getByRole('img', { name: 'Scan' });
  await viewport.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => viewport.evaluate((element) => [element.scrollTop > 0, element.scrollLeft > 0])).toEqual([true, true]);

  // Dragging pans too, and a drag that ends over a region does not move the caret.
  const scrollOf = () => viewport.evaluate((element) => ({ left: element.scrollLeft, top: element.scrollTop }));
  const start = await scrollOf();
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  expect(start.left).toBeGreaterThanOrEqual(30);
  expect(await scrollOf()).toEqual({ left: start.left - 30, top: start.top - 40 });
  await expect(page.locator('.scan-region-active')).toHaveCount(0);

  // The split handle moves with the keyboard; the split is stored and kept for the next page.
  const handle = page.getByRole('separator', { name: 'Resize the scan' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  const after = Number(await handle.getAttribute('aria-valuenow'));
  expect(after).toBeLessThan(before);
  const stored = Number(await page.evaluate(() => localStorage.getItem('jiaodui.scanSplit')));
  expect(Math.round((1 - stored) * 100)).toBe(after);
  await pageList(page).getByRole('option', { name: 'pharmacy-supply.txt' }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText('全力保障市民');
  await expect(page.getByRole('separator', { name: 'Resize the scan' })).toHaveAttribute('aria-valuenow', String(after));
});
