import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

// A large scan (192 megapixels: above the deep-zoom threshold of 64) with 30 dark bands where its hOCR lines are.
const WIDTH = 12_000;
const HEIGHT = 16_000;
const LINES = 30;
const lineTop = (i: number) => 600 + i * 500;
const lineText = (i: number) => `第${i + 1}行𠮷${'字'.repeat(i % 5)}`;

let source: string;
let folder: string;
test.beforeAll(async () => {
  source = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-deep-zoom-src-'));
  const band = await sharp({ create: { width: 10_000, height: 240, channels: 3, background: '#202020' } }).png().toBuffer();
  await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#f4f1ea' } })
    .composite(Array.from({ length: LINES }, (_, i) => ({ input: band, left: 1000, top: lineTop(i) })))
    .jpeg({ quality: 80 })
    .toFile(path.join(source, 'huge.jpg'));
  const lines = Array.from(
    { length: LINES },
    (_, i) =>
      `<span class='ocr_line' title='bbox 1000 ${lineTop(i)} 11000 ${lineTop(i) + 240}'>` +
      `<span class='ocrx_word' title='bbox 1000 ${lineTop(i)} 11000 ${lineTop(i) + 240}; x_wconf 95'>${lineText(i)}</span></span>`,
  ).join('');
  await fs.writeFile(
    path.join(source, 'huge.hocr'),
    `<html><body><div class='ocr_page' title='image "huge.jpg"; bbox 0 0 ${WIDTH} ${HEIGHT}'><p class='ocr_par'>${lines}</p></div></body></html>`,
  );
});
test.afterAll(async () => {
  await fs.rm(source, { recursive: true, force: true });
});
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-deep-zoom-'));
  await fs.cp(source, folder, { recursive: true });
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

test('a very large scan opens in the deep-zoom viewer: tiles, wheel zoom, caret link and line strip', async ({ app }) => {
  const page = app.page;
  const scanRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/scan-image')) scanRequests.push(request.url());
  });
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: 'huge.hocr' }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(lineText(0));

  // First view: fit width, the tiles of the first band drawn where its outline is.
  const viewer = page.locator('[data-deep-zoom]');
  await expect(viewer).toBeVisible();
  const zoom = page.locator('.scan-zoom-level');
  await expect(zoom).toHaveText(/^\d+%$/);
  const first = page.locator('.scan-region[data-line="0"]');
  await expect.poll(() => darkness(page, first), { timeout: 15_000 }).toBeGreaterThan(0.5);
  // The light page between bands is light: the outline is on its band, not beside it.
  // (130 layout pixels below the 240 px band: the middle of the gap to the next one.)
  // The tile under the gap may arrive after the band's own: until it is drawn the viewer's background shows there.
  const band = (await first.boundingBox())!;
  await expect.poll(() => pixelAt(page, band.x + band.width / 2, band.y + band.height + (band.height * 130) / 240), { timeout: 15_000 }).toBeLessThan(0.3);
  // The scan itself was never fetched whole: only its description and tiles.
  expect(scanRequests.length).toBeGreaterThan(0);
  expect(scanRequests.every((url) => /[?&](tile|crop)=/.test(url))).toBe(true);

  // Wheel zoom changes the zoom.
  const before = parseInt((await zoom.textContent())!, 10);
  const box = (await viewer.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  // OpenSeadragon zooms by 1.2 per wheel event.
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(50);
  }
  await expect.poll(async () => parseInt((await zoom.textContent())!, 10)).toBeGreaterThan(before * 1.5);

  // Caret link: the caret on the last line pans the scan to that line's region.
  const last = page.locator(`.scan-region[data-line="${LINES - 1}"]`);
  expect(inside(await last.boundingBox(), box)).toBe(false);
  await selectInEditor(page, lineText(LINES - 1), 1, 0);
  await expect(last).toHaveClass(/scan-region-active/);
  await expect.poll(async () => inside(await last.boundingBox(), box)).toBe(true);

  // The line strip shows that line, cut from the scan by the main process: a dark band.
  const strip = page.getByRole('img', { name: 'Line image' });
  await expect(strip).toBeVisible();
  const stripImage = strip.locator('img');
  await expect(stripImage).toHaveAttribute('src', /crop=/);
  await expect.poll(() => stripImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const stripDark = await stripImage.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100) dark++;
    return dark / (data.length / 4);
  });
  expect(stripDark).toBeGreaterThan(0.9);

  // A click on a region puts the caret on its line.
  const target = page.locator(`.scan-region[data-line="${LINES - 2}"]`);
  await expect.poll(async () => inside(await target.boundingBox(), box)).toBe(true);
  const targetBox = (await target.boundingBox())!;
  await page.mouse.click(targetBox.x + targetBox.width / 2, targetBox.y + targetBox.height / 2);
  await expect(target).toHaveClass(/scan-region-active/);

  // The scan toolbar (shared with the single-image viewer) drives this viewer too: Fit width brings back the first
  // view's zoom, Zoom in leaves it.
  const tools = page.getByRole('toolbar', { name: 'Scan tools' });
  const fitWidth = tools.getByRole('button', { name: 'Fit width' });
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'false');
  await fitWidth.click();
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => parseInt((await zoom.textContent())!, 10)).toBe(before);
  await tools.getByRole('button', { name: 'Zoom in' }).click();
  await expect(fitWidth).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => parseInt((await zoom.textContent())!, 10)).toBeGreaterThan(before);
});

// Whether the viewer `b` shows the region `a` (viewport pixels): all of its height and some of its width (a line
// zoomed in is wider than the viewer).
function inside(a: { x: number; y: number; width: number; height: number } | null, b: { x: number; y: number; width: number; height: number }): boolean {
  return a !== null && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1 && a.x < b.x + b.width && a.x + a.width > b.x;
}

// How dark the viewer's canvas is (0 white … 1 black) at the middle of an element's box.
async function darkness(page: import('@playwright/test').Page, element: import('@playwright/test').Locator): Promise<number> {
  const box = await element.boundingBox();
  return box === null ? 0 : pixelAt(page, box.x + box.width / 2, box.y + box.height / 2);
}

// How dark the OpenSeadragon canvas is at a point of the page (viewport pixels).
async function pixelAt(page: import('@playwright/test').Page, x: number, y: number): Promise<number> {
  return page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.deep-zoom-host canvas');
      if (canvas === null) return 0;
      const rect = canvas.getBoundingClientRect();
      const px = Math.round(((x - rect.left) * canvas.width) / rect.width);
      const py = Math.round(((y - rect.top) * canvas.height) / rect.height);
      const [r, g, b] = canvas.getContext('2d')!.getImageData(px, py, 1, 1).data;
      return 1 - (r! + g! + b!) / (3 * 255);
    },
    { x, y },
  );
}
