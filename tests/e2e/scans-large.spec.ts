import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { pageList, reopenFolder } from './helpers';

const WIDTH = 4800;
const HEIGHT = 7200;

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-large-scan-'));
  // A large scan: a pale page with one dark band where the hOCR line below says its text is.
  const band = await sharp({ create: { width: 4000, height: 300, channels: 3, background: '#202020' } }).png().toBuffer();
  await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#f4f1ea' } })
    .composite([{ input: band, left: 400, top: 1000 }])
    .jpeg({ quality: 80 })
    .toFile(path.join(folder, 'large.jpg'));
  await fs.writeFile(
    path.join(folder, 'large.hocr'),
    `<html><body><div class='ocr_page' title='image "large.jpg"; bbox 0 0 ${WIDTH} ${HEIGHT}'>` +
      `<span class='ocr_line' title='bbox 400 1000 4400 1300'><span class='ocrx_word' title='bbox 400 1000 4400 1300; x_wconf 91'>𠮷大号扫描页</span></span>` +
      `</div></body></html>`,
  );
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

test('a large scan is shown first as a downscaled copy, then as itself, in the same place', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  // Every image address and resolution the viewer shows, in order, from before the page is opened.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenScans: string[] }).seenScans = seen;
    new MutationObserver(() => {
      const img = document.querySelector<HTMLImageElement>('img.scan-image');
      const entry = img ? `${img.dataset['resolution']} ${img.getAttribute('src')}` : '';
      if (img && seen.at(-1) !== entry) seen.push(entry);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'data-resolution'] });
  });
  await pageList(page).getByRole('option', { name: 'large.hocr' }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText('𠮷大号扫描页');

  const image = page.getByRole('img', { name: 'Scan' }).locator('img.scan-image');
  await expect(image).toHaveAttribute('data-resolution', 'full');
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([WIDTH, HEIGHT]);
  const seen = await page.evaluate(() => (window as unknown as { seenScans: string[] }).seenScans);
  expect(seen[0]).toMatch(/^preview .*path=large\.jpg&width=\d+/);
  expect(seen.at(-1)).toMatch(/^full .*path=large\.jpg(?!.*width=)/);

  // The preview and the full image take the same box, so the line's outline stays on its band.
  const region = page.locator('.scan-region').first();
  const [box, imageBox] = [await region.boundingBox(), await image.boundingBox()];
  expect(box && imageBox).toBeTruthy();
  const scale = imageBox!.width / WIDTH;
  expect(Math.abs(box!.y - imageBox!.y - 1000 * scale)).toBeLessThan(2);
  expect(Math.abs(box!.width - 4000 * scale)).toBeLessThan(2);
});
