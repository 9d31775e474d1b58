// The UI at 1024 × 768 in both languages (renderer/components/ui-fit.css): the toolbar stays one row (in English
// ⌨ and 中文 used to wrap onto a second), the OCR panel's "Always ignore" stays one line, and in the English UI a
// curly quote is drawn narrow while the same mark in the page text keeps the CJK font's full width.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { translate } from '../../renderer/i18n/messages';
import { expect, test } from './fixtures';
import { pageList, reopenFolder } from './helpers';

type Lang = 'en' | 'zh-CN';

// The sample page (column-wrapped lines: their rows have a fourth button, Preview, which squeezed "Always ignore"
// onto two lines) and a line with spaced Chinese between curly quotes. The quote stands between two ideographs: next
// to other punctuation Chromium trims its space (text-spacing-trim).
const FILE = 'zz-narrow.txt';
const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/sample-corpus/1987-03/page-01.txt');
const QUOTED = '他说“中 国 人 民 今 天 很 好”了。\n';

/// The distinct tops (rounded to 4 px) of the visible direct children of the toolbar: one value = one row.
function toolbarRows(page: Page, lang: Lang): Promise<number[]> {
  return page.getByRole('toolbar', { name: translate(lang, 'appTitle'), exact: true }).evaluate((bar) => {
    const tops = [...bar.children].map((child) => child.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round((r.top + r.height / 2) / 4));
    return [...new Set(tops)];
  });
}

/// How many lines a button's label takes (the distinct tops of its text's line boxes).
function labelLines(button: Locator): Promise<number> {
  return button.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

/// The "Always ignore" buttons of the OCR panel (the rows in view), by their accessible names in `lang`.
function ignoreButtons(page: Page, lang: Lang): Locator {
  const prefix = translate(lang, 'review.ignoreNamed', { change: '\u0000' }).split('\u0000')[0]!;
  return page.getByRole('region', { name: translate(lang, 'review.panel') }).getByRole('button', { name: new RegExp(`^${prefix}`) });
}

/// The width of one character drawn inside `scope` (a probe span, removed again), over the scope's font size.
function glyphWidth(scope: Locator, char: string): Promise<number> {
  return scope.evaluate((el, c) => {
    const probe = document.createElement('span');
    probe.textContent = c;
    // Out of the flow, so the probe is as wide as its text (a flex item would be stretched).
    probe.style.position = 'absolute';
    el.appendChild(probe);
    const width = probe.getBoundingClientRect().width / parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return width;
  }, char);
}

/// The width of the first character of `needle` in the editor's page text, over the editor's font size.
function editorGlyphWidth(page: Page, needle: string): Promise<number> {
  return page.locator('.jd-page-editor').evaluate((el, c) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(c);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement!).fontSize);
    }
    return -1;
  }, needle);
}

async function checkLayout(page: Page, lang: Lang): Promise<void> {
  expect(await toolbarRows(page, lang), `${lang}: the toolbar is one row at 1024 px`).toHaveLength(1);
  // Among the rows in view is a column-wrapped-lines row, with its Preview button.
  await expect(page.getByRole('region', { name: translate(lang, 'review.panel') }).getByRole('button', { name: translate(lang, 'review.previewNamed', { line: 5 }) })).toBeVisible();
  const buttons = await ignoreButtons(page, lang).all();
  expect(buttons.length).toBeGreaterThan(1);
  for (const ignore of buttons) {
    await expect(ignore).toHaveText(translate(lang, 'review.ignore'));
    expect(await labelLines(ignore), `${lang}: "${translate(lang, 'review.ignore')}" is one line`).toBe(1);
  }
  // The page text's “ keeps the CJK font's full width in either UI language.
  expect(await editorGlyphWidth(page, '“中')).toBeGreaterThan(0.8);
}

test('at 1024 × 768 the toolbar is one row and "Always ignore" one line, in English and in Chinese', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  await fs.writeFile(path.join(app.corpusDir, FILE), (await fs.readFile(SAMPLE, 'utf8')) + QUOTED, 'utf8');
  await reopenFolder(app, app.corpusDir);
  await pageList(page).getByRole('option', { name: FILE }).click();
  await expect(page.getByRole('region', { name: 'OCR suggestions' }).getByRole('status')).toHaveText(/\d+ suggestions?/, { timeout: 20_000 });

  await checkLayout(page, 'en');
  // In the English UI a curly quote in the chrome is narrow (it was the CJK font's full-width one: "one’ s rule").
  const chrome = page.getByRole('region', { name: 'OCR suggestions' });
  expect(await glyphWidth(chrome, '’')).toBeLessThan(0.5);

  await page.getByRole('button', { name: translate('en', 'language') }).click();
  await expect(page.getByRole('button', { name: translate('zh-CN', 'language') })).toHaveText('English');
  await checkLayout(page, 'zh-CN');
});
