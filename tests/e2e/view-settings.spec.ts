import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

// The View menu (issue 16 item 4): text size, font, theme, hidden panels, focus mode, and the layout at 1280 and
// 1024 px wide.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scansDir = path.resolve(repoRoot, 'tests/fixtures/samples/scans');
const SCAN_PAGE = 'heating-supply.txt';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Page text' });
const editorFontSize = (page: Page) => page.locator('.jd-page-editor').evaluate((element) => getComputedStyle(element).fontSize);
const viewButton = (page: Page) => page.getByRole('button', { name: 'View', exact: true });
const viewPanel = (page: Page) => page.getByRole('group', { name: 'View settings' });

async function openFirstPage(page: Page): Promise<void> {
  await pageList(page).getByRole('option', { name: corpus.first.file }).click();
  await expect(editor(page)).toContainText(corpus.first.headline);
}

/// Opens the sample page that has a scan (hOCR + JPEG), from a temporary copy of the samples.
async function openScanPage(app: Parameters<typeof reopenFolder>[0]): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-view-'));
  await fs.cp(scansDir, folder, { recursive: true });
  for (const name of await fs.readdir(folder)) await fs.chmod(path.join(folder, name), 0o644);
  await fs.writeFile(path.join(folder, 'jiaodui.corpus.json'), JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text' }));
  await reopenFolder(app, folder);
  await pageList(app.page).getByRole('option', { name: SCAN_PAGE }).click();
  await expect(editor(app.page)).toContainText('齐心协力保供暖');
  await expect(app.page.locator('img.scan-image')).toBeVisible();
  return folder;
}

/// How many CJK characters one line of the editor holds: its content width over the width of one CJK glyph
/// (measured on a character of the page, with the editor's own font).
function charsPerLine(page: Page): Promise<{ chars: number; content: number; glyph: number }> {
  return page.evaluate(() => {
    const line = document.querySelector<HTMLElement>('.jd-page-editor .pm-line')!;
    const style = getComputedStyle(line);
    const content = line.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(document.querySelector('.jd-page-editor')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.search(/[\u4e00-\u9fff]/u);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const glyph = range.getBoundingClientRect().width;
      return { chars: Math.floor(content / glyph), content, glyph };
    }
    throw new Error('no CJK character in the editor');
  });
}

test('text size: Ctrl+= / Ctrl+− / Ctrl+0 and the View menu, remembered across a reload', async ({ app }) => {
  const page = app.page;
  await openFirstPage(page);
  expect(await editorFontSize(page)).toBe('18px');
  await editor(page).focus();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(() => editorFontSize(page)).toBe('22px');
  await page.keyboard.press('Control+-');
  await expect.poll(() => editorFontSize(page)).toBe('20px');

  // The View menu: larger text, serif font, wider line spacing.
  await viewButton(page).click();
  await viewPanel(page).getByRole('button', { name: 'Larger text' }).click();
  await expect(viewPanel(page).locator('output')).toHaveText('22 px');
  await viewPanel(page).getByRole('radio', { name: 'Serif (Song / Ming)' }).check();
  await viewPanel(page).getByLabel('Line spacing').selectOption('2');
  const look = () => page.locator('.jd-page-editor').evaluate((element) => ({ font: getComputedStyle(element).fontFamily, line: getComputedStyle(element).lineHeight }));
  await expect.poll(look).toEqual({ font: expect.stringMatching(/^"Noto Serif CJK SC"/) as unknown as string, line: '44px' });
  await page.keyboard.press('Escape');
  await expect(viewPanel(page)).toBeHidden();
  await expect(viewButton(page)).toBeFocused();

  await page.reload();
  await openFirstPage(page);
  expect(await editorFontSize(page)).toBe('22px');
  expect(await look()).toEqual({ font: expect.stringMatching(/^"Noto Serif CJK SC"/) as unknown as string, line: '44px' });
  await editor(page).focus();
  await page.keyboard.press('Control+0');
  await expect.poll(() => editorFontSize(page)).toBe('18px');
});

test('at 1280 px wide the text beside the scan holds at least 30 CJK characters a line', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  const folder = await openScanPage(app);
  try {
    const measured = await charsPerLine(page);
    expect(measured.chars, JSON.stringify(measured)).toBeGreaterThanOrEqual(30);
    // The scan starts readable: a line on the scan about as tall as a line of text, not a 20 % thumbnail.
    const zoom = Number((await page.locator('.scan-zoom-level').textContent())!.replace('%', ''));
    expect(zoom).toBeGreaterThanOrEqual(50);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});

test('usable at 1024 px: nothing clipped, every toolbar control on screen, text and scan side by side', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  const folder = await openScanPage(app);
  try {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(700);
    for (const button of await page.getByRole('toolbar', { name: 'Jiaodui' }).getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1024);
    }
    expect((await charsPerLine(page)).chars).toBeGreaterThanOrEqual(20);
    const scanWidth = await page.getByRole('img', { name: 'Scan' }).evaluate((element) => element.clientWidth);
    expect(scanWidth).toBeGreaterThanOrEqual(250);
    // Focus mode gives the text the page list's room as well.
    await page.keyboard.press('Control+Shift+F');
    await expect(pageList(page)).toBeHidden();
    expect((await charsPerLine(page)).chars).toBeGreaterThanOrEqual(28);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});

test('focus mode shows only the text and the scan; Ctrl+B and Ctrl+Shift+B hide the page list and the panels', async ({ app }) => {
  const page = app.page;
  const folder = await openScanPage(app);
  try {
    const suggestionsTab = page.getByRole('button', { name: /Show suggestions/ });
    await expect(suggestionsTab).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Page note' })).toBeVisible();

    await editor(page).focus();
    await page.keyboard.press('Control+Shift+F');
    await expect(pageList(page)).toBeHidden();
    await expect(suggestionsTab).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Page note' })).toBeHidden();
    await expect(editor(page)).toBeVisible();
    await expect(page.getByRole('img', { name: 'Scan' })).toBeVisible();
    // A button leaves it; the View menu says so, and leaves it too.
    await page.getByRole('button', { name: 'Leave focus mode' }).click();
    await expect(pageList(page)).toBeVisible();
    await page.keyboard.press('Control+Shift+F');
    await expect(pageList(page)).toBeHidden();
    await viewButton(page).click();
    const focusBox = viewPanel(page).getByRole('checkbox', { name: 'Focus mode (text and scan only)' });
    await expect(focusBox).toBeChecked();
    await focusBox.uncheck();
    await expect(pageList(page)).toBeVisible();
    await expect(suggestionsTab).toBeVisible();
    await page.keyboard.press('Escape');

    await editor(page).focus();
    await page.keyboard.press('Control+b');
    await expect(pageList(page)).toBeHidden();
    await expect(suggestionsTab).toBeVisible();
    await page.keyboard.press('Control+Shift+B');
    await expect(suggestionsTab).toBeHidden();
    // Ctrl+1 brings a hidden page list back to focus it.
    await page.keyboard.press('Control+1');
    await expect(pageList(page)).toBeFocused();

    // Remembered: after a reload the panels are still hidden.
    await page.reload();
    await pageList(page).getByRole('option', { name: SCAN_PAGE }).click();
    await expect(editor(page)).toBeVisible();
    await expect(page.getByRole('button', { name: /Show suggestions/ })).toBeHidden();
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});

/// The contrast ratio (WCAG) of each element's text against what is painted behind it, for the elements matched
/// by `selector` (backgrounds with alpha are composed over their ancestors').
function contrasts(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((selector) => {
    const parse = (value: string): [number, number, number, number] | null => {
      let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(value);
      if (m) return [Number(m[1]) * 255, Number(m[2]) * 255, Number(m[3]) * 255, m[4] === undefined ? 1 : Number(m[4])];
      return null;
    };
    const over = (top: number[], bottom: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return Array.from(document.querySelectorAll<HTMLElement>(selector)).map((element) => {
      const layers: number[][] = [];
      for (let node: HTMLElement | null = element; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg[3] > 0) layers.push(bg);
        if (bg && bg[3] === 1) break;
      }
      let painted = [255, 255, 255];
      for (const layer of layers.reverse()) painted = over(layer, painted);
      const ink = parse(getComputedStyle(element).color)!;
      const text = over(ink, painted);
      const [a, b] = [luminance(text), luminance(painted)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    });
  }, selector);
}

test('dark theme: follows the system, switchable, dark background, marks legible', async ({ app }, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await openFirstPage(page);
  await viewButton(page).click();
  await viewPanel(page).getByRole('radio', { name: 'Dark' }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(Math.max(r!, g!, b!), background).toBeLessThan(60);

  // A correction, an entity and find hits, each checked for contrast in the dark.
  const { fix } = corpus.first;
  await selectInEditor(page, fix.needle, fix.offset, fix.length);
  await page.keyboard.type(fix.typed);
  await expect(page.locator('.corr-changed').first()).toBeVisible();
  await selectInEditor(page, corpus.first.headline, 0, 2);
  await page.keyboard.press('Alt+1');
  await expect(page.locator('.ent-mark').first()).toBeVisible();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('疫情');
  await expect(page.locator('.find-hit').first()).toBeVisible();
  for (const selector of ['.jd-page-editor .pm-line', '.corr-changed', '.ent-mark', '.find-hit', '.find-hit.find-current', '.page-title', '.page-row']) {
    const ratios = await contrasts(page, selector);
    expect(ratios.length, selector).toBeGreaterThan(0);
    expect(Math.min(...ratios), selector).toBeGreaterThanOrEqual(4.5);
  }
  await page.screenshot({ path: testInfo.outputPath('dark-theme.png') });

  // Remembered across a reload, whatever the system says.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
