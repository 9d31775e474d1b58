import { expect, test } from './fixtures';
import { pageList } from './helpers';

// Issue 16 item 9: the OCR panel's visually hidden spans (absolutely positioned) once had no positioned parent, so
// each sat at its place in the long list outside the panel's scroll box and made the document tens of thousands of
// pixels tall; typing then scrolled the whole window and the app moved off screen.
test('a page with many OCR suggestions keeps the window from scrolling: the panel scrolls, the document does not grow', async ({ app }) => {
  const { page } = app;
  await pageList(page).getByRole('option', { name: '003_0c30f1900352050f.txt' }).click();
  const panel = page.getByRole('region', { name: 'OCR suggestions' });
  await expect(panel.getByRole('status')).toHaveText(/\d+ suggestions?/, { timeout: 20_000 });
  await expect(panel.getByRole('listitem').nth(20)).toBeAttached();
  const sizes = await page.evaluate(() => ({ document: document.scrollingElement!.scrollHeight, window: window.innerHeight }));
  expect(sizes.document).toBeLessThanOrEqual(sizes.window + 1);
  // Typing at the end of the text does not move the window either.
  await page.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('新');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
