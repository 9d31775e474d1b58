import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { importLayout } from '../../shared/layout/detect';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scansDir = path.resolve(repoRoot, 'tests/fixtures/samples/scans');
const PAGE = 'heating-supply';

test.skip(!existsSync(scansDir), `the sample scans are not at ${scansDir}`);

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-source-'));
  await fs.cp(scansDir, folder, { recursive: true });
  for (const name of await fs.readdir(folder)) await fs.chmod(path.join(folder, name), 0o644);
  await fs.chmod(folder, 0o755);
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const editor = (page: Page) => page.getByRole('textbox', { name: 'Page text' });
const editorLines = (page: Page) => page.locator('.jd-page-editor .pm-line').allInnerTexts();

/// The ALTO file's lines as the importer reads them.
async function altoLines() {
  const alto = importLayout(await fs.readFile(path.join(scansDir, `${PAGE}.xml`), 'utf8'), `${PAGE}.xml`);
  if (!alto.ok) throw new Error(alto.error.message);
  return alto.value;
}

test('takes the page text from the layout file, and from the .txt after the corpus setting changes', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  const list = pageList(page);
  await expect(list.getByRole('option')).toHaveText([`${PAGE}.xml`, 'pharmacy-supply.xml']);
  await list.getByRole('option', { name: `${PAGE}.xml` }).click();
  await expect(editor(page)).toContainText('齐心协力保供暖');
  const alto = await altoLines();
  // The text is the importer's: line for line the ALTO file (here "一o", where the .txt has "一 o").
  expect((await editorLines(page)).map((line) => line.replace(/\n$/, ''))).toEqual(alto.text.split('\n'));
  expect(alto.text).toContain('\n一o\n');
  const scanImage = page.getByRole('img', { name: 'Scan' }).locator('img.scan-image');
  await expect(scanImage).toBeVisible();
  // The harness streams the image from the bridge (no base64 in JSON).
  expect(await scanImage.getAttribute('src')).toMatch(/^\/api\/scan-image\?path=heating-supply\.jpg&token=/);

  // A correction saved now belongs to the ALTO page.
  await selectInEditor(page, '一o', 1, 1);
  await page.keyboard.type('〇');
  await page.keyboard.press('Control+s');
  await expect.poll(() => fs.readFile(path.join(folder, `${PAGE}.xml.jiaodui.json`), 'utf8').then((t) => (JSON.parse(t) as { source: { format: string } }).source.format).catch(() => null)).toBe('alto');

  await page.getByRole('button', { name: 'Corpus settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Corpus settings' });
  await expect(dialog.getByRole('radio', { name: /layout file/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /\.txt file/ }).check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toHaveCount(0);
  expect(JSON.parse(await fs.readFile(path.join(folder, 'jiaodui.corpus.json'), 'utf8'))).toEqual({ format: 'jiaodui-corpus', version: 1, textSource: 'text' });

  // The list rescans, and the same page reopens from its .txt; the ALTO page's corrections are kept and named.
  await expect(list.getByRole('option')).toHaveText([`${PAGE}.txt`, 'pharmacy-supply.txt']);
  await expect(list.getByRole('option', { name: `${PAGE}.txt` })).toHaveAttribute('aria-current', 'page');
  await expect.poll(async () => (await editorLines(page)).some((line) => line.startsWith('一 o'))).toBe(true);
  await expect(page.getByRole('note').filter({ hasText: 'other text source' })).toBeVisible();
  expect(await fs.readFile(path.join(folder, `${PAGE}.xml.jiaodui.json`), 'utf8')).toContain('一〇');
});

test('reports a malformed corpus settings file and still opens pages with the default source', async ({ app }) => {
  const page = app.page;
  await fs.writeFile(path.join(folder, 'jiaodui.corpus.json'), '{"textSource": "both"}');
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: `${PAGE}.xml` }).click();
  await expect(editor(page)).toContainText('齐心协力保供暖');
  await page.getByRole('button', { name: 'Corpus settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Corpus settings' });
  await expect(dialog.getByRole('alert')).toContainText('jiaodui.corpus.json');
  await expect(dialog.getByRole('radio', { name: /layout file/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('remembers the rotation of each page, and turns the line strip with the scan', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: `${PAGE}.xml` }).click();
  await expect(page.locator('img.scan-image')).toBeVisible();
  const canvas = page.locator('.scan-canvas');
  const isPortrait = () => canvas.evaluate((element) => element.getBoundingClientRect().height > element.getBoundingClientRect().width);
  await expect.poll(isPortrait).toBe(true);
  await page.getByRole('button', { name: 'Rotate' }).click();
  await expect.poll(isPortrait).toBe(false);

  // The strip of a (wide) line is turned too: now taller than wide.
  await selectInEditor(page, '院、居民小区', 2, 0);
  const strip = page.getByRole('img', { name: 'Line image' });
  await expect(strip).toHaveAttribute('data-rotation', '90');
  const stripBox = (await strip.boundingBox())!;
  expect(stripBox.height).toBeGreaterThan(stripBox.width);

  // Another page has its own rotation; coming back, this one is still turned.
  await pageList(page).getByRole('option', { name: 'pharmacy-supply.xml' }).click();
  await expect(editor(page)).toContainText('全力保障市民');
  await expect.poll(isPortrait).toBe(true);
  await pageList(page).getByRole('option', { name: `${PAGE}.xml` }).click();
  await expect(editor(page)).toContainText('齐心协力保供暖');
  await expect.poll(isPortrait).toBe(false);
});

test('keeps the scan links of joined lines after saving and reopening the page', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: `${PAGE}.xml` }).click();
  await expect(editor(page)).toContainText('齐心协力保供暖');
  const lines = (await altoLines()).lines;
  const second = lines.find((line) => line.text.startsWith('织职工变身'))!;
  const later = lines.find((line) => line.text.startsWith('及时解决用户'))!;
  const lineNumber = (text: string) => (async () => (await editorLines(page)).findIndex((line) => line.startsWith(text)))();
  const secondLine = await lineNumber('织职工变身');
  const laterLine = await lineNumber('及时解决用户');
  await selectInEditor(page, '织职工变身', 0, 0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+s');
  await expect.poll(() => fs.readFile(path.join(folder, `${PAGE}.xml.jiaodui.json`), 'utf8').catch(() => '')).toContain('"lineOrigins"');
  const stored = JSON.parse(await fs.readFile(path.join(folder, `${PAGE}.xml.jiaodui.json`), 'utf8')) as { lineOrigins: number[][] };
  expect(stored.lineOrigins[secondLine - 1]).toEqual([secondLine - 1, secondLine]);

  await pageList(page).getByRole('option', { name: 'pharmacy-supply.xml' }).click();
  await expect(editor(page)).toContainText('全力保障市民');
  await pageList(page).getByRole('option', { name: `${PAGE}.xml` }).click();
  await expect(editor(page)).toContainText('组织职工变身');
  // A region below the join leads to its line, one up; the joined line outlines both of its regions.
  await page.locator(`.scan-region[data-line="${laterLine}"]`).click();
  await expect.poll(() => page.evaluate(() => {
    const focus = window.getSelection()?.focusNode ?? null;
    const element = focus instanceof Element ? focus : focus?.parentElement;
    return Array.from(document.querySelectorAll('.jd-page-editor .pm-line')).indexOf(element!.closest('.pm-line')!);
  })).toBe(laterLine - 1);
  await page.locator(`.scan-region[data-line="${secondLine}"]`).click();
  await expect(page.locator('.scan-region-active')).toHaveCount(2);
  expect(second.index).toBeLessThan(later.index);
});
