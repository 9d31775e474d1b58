import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { importLayout } from '../../shared/layout/detect';
import type { LayoutLine } from '../../shared/layout/types';
import { rotateBox } from '../../renderer/scan/rotation';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scansDir = path.resolve(repoRoot, 'tests/fixtures/samples/scans');
const PAGE = 'heating-supply';

test.skip(!existsSync(scansDir), `the sample scans are not at ${scansDir}`);

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-scans-'));
  await fs.cp(scansDir, folder, { recursive: true });
  // The samples are read-only; the app writes sidecars beside the pages.
  for (const name of await fs.readdir(folder)) await fs.chmod(path.join(folder, name), 0o644);
  await fs.chmod(folder, 0o755);
  // These tests pair the .txt with its layout file; scans-source.spec.ts covers text taken from the layout file.
  await fs.writeFile(path.join(folder, 'jiaodui.corpus.json'), JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text' }));
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
  // The start is the readable zoom (a scan line about as tall as a text line); these steps start from fit width.
  const readable = await widthOf();
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(widthOf).toBeLessThan(readable);
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

test('underlines the characters the OCR engine was unsure of, more as the threshold rises', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  const underlined = page.locator('.jd-page-editor .ocr-low-confidence');
  await expect.poll(() => underlined.count()).toBeGreaterThan(0);
  const atDefault = await underlined.count();

  const threshold = page.getByRole('spinbutton', { name: 'Confidence threshold' });
  await expect(threshold).toHaveValue('80');
  await threshold.fill('95');
  await expect.poll(() => underlined.count()).toBeGreaterThan(atDefault);
  const raised = await underlined.count();
  await threshold.fill('0');
  await expect(underlined).toHaveCount(0);

  // The threshold is remembered: another page opens with it.
  await threshold.fill('95');
  expect(await page.evaluate(() => localStorage.getItem('jiaodui.confidenceThreshold'))).toBe('0.95');
  await pageList(page).getByRole('option', { name: 'pharmacy-supply.txt' }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText('全力保障市民');
  await expect(page.getByRole('spinbutton', { name: 'Confidence threshold' })).toHaveValue('95');
  await pageList(page).getByRole('option', { name: `${PAGE}.txt` }).click();
  await expect.poll(() => underlined.count()).toBe(raised);
});

test('rotates the scan with its regions, and fits the page or the width from the keyboard', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  const viewport = page.getByRole('img', { name: 'Scan' });
  const canvas = page.locator('.scan-canvas');
  const sizeOf = () => canvas.evaluate((element): [number, number] => [element.getBoundingClientRect().width, element.getBoundingClientRect().height]);
  await expect.poll(async () => (await sizeOf())[0]).toBeGreaterThan(0);
  const [readableWidth] = await sizeOf();
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(async () => (await sizeOf())[0]).toBeLessThan(readableWidth);
  const [fittedWidth, fittedHeight] = await sizeOf();

  // Fit page shows the whole scan in the viewport; 0 goes back to fit width.
  await page.getByRole('button', { name: 'Fit page' }).click();
  const fitsWhole = async () => {
    const [width, height] = await sizeOf();
    const [clientWidth, clientHeight] = await viewport.evaluate((element): [number, number] => [element.clientWidth, element.clientHeight]);
    return width <= clientWidth + 1 && height <= clientHeight + 1 && (Math.abs(width - clientWidth) <= 1 || Math.abs(height - clientHeight) <= 1);
  };
  await expect.poll(fitsWhole).toBe(true);
  await viewport.focus();
  await page.keyboard.press('0');
  await expect.poll(async () => (await sizeOf())[0]).toBeCloseTo(fittedWidth, 0);
  await page.keyboard.press('Shift+0');
  await expect.poll(fitsWhole).toBe(true);
  await page.getByRole('button', { name: 'Fit width' }).click();

  // A quarter turn: the page is now as wide as the viewport and as tall as the scan was wide, scaled.
  await page.getByRole('button', { name: 'Rotate' }).click();
  await expect.poll(async () => (await sizeOf())[1]).toBeCloseTo((fittedWidth * fittedWidth) / fittedHeight, 0);

  // The regions turn with the image: a region's outline is where the rotated layout box is.
  const hocr = importLayout(await fs.readFile(path.join(scansDir, `${PAGE}.hocr`), 'utf8'), `${PAGE}.hocr`);
  if (!hocr.ok) throw new Error(hocr.error.message);
  const { target, textLine } = await (async () => {
    const lines = await sampleLines();
    const found = lines.find(({ line }) => line.text.startsWith('院、居民小区'))!;
    return { target: found.line, textLine: found.textLine };
  })();
  const rotated = rotateBox(target.region!, hocr.value.imageWidth!, hocr.value.imageHeight!, 90);
  const [canvasWidth] = await sizeOf();
  const scale = canvasWidth / hocr.value.imageHeight!;
  const drawn = await page.locator(`.scan-region[data-line="${textLine}"]`).evaluate((rect) => {
    const box = rect.getBoundingClientRect();
    const origin = rect.closest('.scan-canvas')!.getBoundingClientRect();
    return [box.x - origin.x, box.y - origin.y, box.width, box.height];
  });
  const expected = [rotated.x, rotated.y, rotated.width, rotated.height].map((value) => value * scale);
  drawn.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(2));
  // The image turned the same way: its box covers the canvas.
  const imageBox = await page.locator('img.scan-image').evaluate((img) => {
    const box = img.getBoundingClientRect();
    const origin = img.closest('.scan-canvas')!.getBoundingClientRect();
    return [box.x - origin.x, box.y - origin.y, box.width - origin.width, box.height - origin.height];
  });
  imageBox.forEach((value) => expect(Math.abs(value)).toBeLessThan(2));

  // Three more turns with the R key bring the scan back.
  await viewport.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('r');
  await expect.poll(async () => (await sizeOf())[1]).toBeCloseTo(fittedHeight, 0);
});

test('stacks the scan below the text and back, and remembers the layout', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  const editor = page.getByRole('textbox', { name: 'Page text' });
  const scan = page.getByRole('img', { name: 'Scan' });
  // The editor's scrolling host, not the text box, which is as tall as the whole text.
  const editorHost = page.locator('.page-split > .editor-host');
  const boxes = async () => ({ editor: (await editorHost.boundingBox())!, scan: (await scan.boundingBox())! });
  const sideBySide = await boxes();
  expect(sideBySide.scan.x).toBeGreaterThan(sideBySide.editor.x + sideBySide.editor.width - 1);

  await page.getByRole('button', { name: 'Stack' }).click();
  await expect(page.getByRole('button', { name: 'Side by side' })).toBeVisible();
  await expect.poll(async () => (await boxes()).scan.y).toBeGreaterThan(sideBySide.scan.y + 50);
  const stacked = await boxes();
  expect(stacked.scan.y).toBeGreaterThanOrEqual(stacked.editor.y + stacked.editor.height - 1);
  const handle = page.getByRole('separator', { name: 'Resize the scan' });
  await expect(handle).toHaveAttribute('aria-orientation', 'horizontal');
  // Up makes the scan taller, and the split is stored as before.
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  expect(Number(await handle.getAttribute('aria-valuenow'))).toBeLessThan(before);
  expect(await page.evaluate(() => localStorage.getItem('jiaodui.scanLayout'))).toBe('stacked');

  // Another page keeps the layout; the button turns it back.
  await pageList(page).getByRole('option', { name: 'pharmacy-supply.txt' }).click();
  await expect(editor).toContainText('全力保障市民');
  await expect(handle).toHaveAttribute('aria-orientation', 'horizontal');
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(handle).toHaveAttribute('aria-orientation', 'vertical');
  expect(await page.evaluate(() => localStorage.getItem('jiaodui.scanLayout'))).toBe('side-by-side');
});

test('shows the image of the caret line in a strip just above it, in room made between the lines', async ({ app }) => {
  const page = app.page;
  await openSample(page, app);
  await expect(page.locator('img.scan-image')).toBeVisible();
  const strip = page.getByRole('img', { name: 'Line image' });
  const lines = await sampleLines();
  const target = lines.find(({ line }) => line.text.startsWith('院、居民小区'))!;
  const lineLocator = page.locator('.jd-page-editor .pm-line').nth(target.textLine);
  const heightBefore = (await lineLocator.boundingBox())!.height;
  await selectInEditor(page, '院、居民小区', 2, 0);
  await expect(strip).toBeVisible();
  // The caret line grew by the room; the strip lies in it, below the line above and above the line's own text.
  const lineBox = (await lineLocator.boundingBox())!;
  expect(lineBox.height).toBeGreaterThan(heightBefore + 40);
  const textTop = lineBox.y + lineBox.height - heightBefore;
  const aboveBox = (await page.locator('.jd-page-editor .pm-line').nth(target.textLine - 1).boundingBox())!;
  const stripBox = (await strip.boundingBox())!;
  expect(stripBox.y).toBeGreaterThanOrEqual(aboveBox.y + aboveBox.height - 0.5);
  expect(stripBox.y + stripBox.height).toBeLessThanOrEqual(textTop + 0.5);
  expect(textTop - (stripBox.y + stripBox.height)).toBeLessThan(8);
  // The strip has the line's proportions: the region scaled to the strip.
  const region = target.line.region!;
  expect(stripBox.width / stripBox.height).toBeCloseTo(region.width / region.height, 0);

  // It follows the caret to another line, and typing does not move it away.
  const other = lines.find(({ line }) => line.text.startsWith('市区部分发生疫情后'))!;
  await page.locator(`.scan-region[data-line="${other.textLine}"]`).click();
  await expect.poll(async () => (await strip.boundingBox())!.y).toBeGreaterThan(stripBox.y);
  await page.keyboard.type('字');
  await expect(strip).toBeVisible();
});

test('shows a TIFF scan, converted to PNG by the main process', async ({ app }) => {
  const page = app.page;
  const { default: UTIF } = await import('utif2');
  // A 60 × 40 scan, grey with a black band where its one line is.
  const width = 60;
  const height = 40;
  const rgba = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : Math.floor(i / 4 / width) >= 10 && Math.floor(i / 4 / width) < 20 ? 0 : 200));
  await fs.writeFile(path.join(folder, 'tiny.tif'), new Uint8Array(UTIF.encodeImage(rgba, width, height)));
  await fs.writeFile(path.join(folder, 'tiny.txt'), '一行字\n');
  await fs.writeFile(
    path.join(folder, 'tiny.hocr'),
    `<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page' title='image "tiny.tif"; bbox 0 0 ${width} ${height}'>` +
      `<span class='ocr_line' title='bbox 5 10 55 20'><span class='ocrx_word' title='bbox 5 10 55 20; x_wconf 50'>一行字</span></span></div></body></html>`,
  );
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: 'tiny.txt' }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText('一行字');
  const image = page.getByRole('img', { name: 'Scan' }).locator('img.scan-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(width);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(height);
  // The decoded pixels are the file's: the band is black, the rest grey.
  const samples = await image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    return [context.getImageData(30, 15, 1, 1).data[0], context.getImageData(30, 30, 1, 1).data[0]];
  });
  expect(samples).toEqual([0, 200]);
  // Its word confidence (50 %) is below the threshold, so the line is underlined.
  await expect(page.locator('.jd-page-editor .ocr-low-confidence')).toHaveCount(3);
});
