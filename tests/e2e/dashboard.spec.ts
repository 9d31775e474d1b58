import fs from 'node:fs/promises';
import path from 'node:path';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, saveFirstEditOfSecondPage, statusDot } from './helpers';

// The corpus dashboard (issue 16): its figures come from the corpus index and are checked here against sidecars
// the test writes itself (as another copy of the app would), then follow a save made in the app.

const EXT_B = '𠮷';

interface TestSidecar {
  status: string;
  corrections: { start: number; end: number; original: string; corrected: string; rule?: string }[];
  entities: { id: string; start: number; end: number; type: string; text: string }[];
  note?: string;
}

const A: TestSidecar = {
  status: 'reviewed',
  corrections: [
    { start: 0, end: 1, original: '曰', corrected: '日' },
    { start: 3, end: 4, original: '己', corrected: '已', rule: 'look-alike' },
    { start: 5, end: 6, original: '．', corrected: '。', rule: 'punctuation-width' },
  ],
  entities: [
    { id: 'a1', start: 0, end: 2, type: 'PER', text: `${EXT_B}田` },
    { id: 'a2', start: 4, end: 6, type: 'PER', text: `${EXT_B}田` },
    { id: 'a3', start: 7, end: 9, type: 'LOC', text: '上海' },
  ],
  note: '第二栏缺失',
};
const B: TestSidecar = {
  status: 'needs-attention',
  corrections: [{ start: 1, end: 2, original: '末', corrected: '未' }],
  entities: [{ id: 'b1', start: 0, end: 2, type: 'LOC', text: '上海' }],
};

async function writePage(corpusDir: string, rel: string, sidecar: TestSidecar | null): Promise<void> {
  const abs = path.join(corpusDir, ...rel.split('/'));
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, '人民曰报己经来了．上海\n');
  if (sidecar) await fs.writeFile(`${abs}.jiaodui.json`, JSON.stringify({ format: 'jiaodui-sidecar', ...sidecar }));
}

function countCorrections(sidecars: { corrections: { rule?: string }[] }[]): { hand: number; rule: number } {
  const all = sidecars.flatMap((s) => s.corrections);
  return { hand: all.filter((c) => c.rule === undefined).length, rule: all.filter((c) => c.rule !== undefined).length };
}

test('the dashboard shows the figures of the sidecars, follows a save, and exports a chart as PNG and CSV', async ({ app }, testInfo) => {
  const { page, corpusDir } = app;
  await writePage(corpusDir, `zz/${EXT_B}-a.txt`, A);
  await writePage(corpusDir, 'zz/b.txt', B);
  await expect(statusDot(page, `zz/${EXT_B}-a.txt`)).toHaveAttribute('title', 'Reviewed');
  await expect(statusDot(page, 'zz/b.txt')).toHaveAttribute('title', 'Needs attention');
  const total = corpus.pages.length + 2;

  // Reached by keyboard (and by the toolbar button, pressed while it is shown).
  await page.keyboard.press('Control+Shift+D');
  const dashboard = page.getByRole('region', { name: /Corpus dashboard/ });
  await expect(dashboard).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dashboard' })).toHaveAttribute('aria-pressed', 'true');

  await expect(dashboard.getByTestId('dashboard-progress-text')).toHaveText(`1 of ${total} pages reviewed (${Math.round((1 / total) * 1000) / 10} %)`);
  await expect(dashboard.getByRole('progressbar', { name: 'Review progress' })).toHaveAttribute('value', '1');
  const statusTable = dashboard.getByRole('table', { name: 'Pages by review status' });
  await expect(statusTable.getByRole('row', { name: `Not started ${corpus.pages.length}` })).toBeVisible();
  await expect(statusTable.getByRole('row', { name: 'Needs attention 1' })).toBeVisible();

  const before = countCorrections([A, B]);
  await expect(dashboard.getByTestId('dashboard-corrections')).toHaveText(`${before.hand} by hand, ${before.rule} by accepted suggestions`);
  const mostCorrected = dashboard.getByRole('table', { name: 'Most corrected pages (by hand and by rule)' });
  await expect(mostCorrected.getByRole('row').nth(1)).toHaveText(`zz/${EXT_B}-a.txt123`);
  await expect(mostCorrected.getByRole('row').nth(2)).toHaveText('zz/b.txt101');

  // Types by their tag set labels (the default tag set: LOC 地名, PER 人名), not their ids.
  const types = dashboard.getByRole('table', { name: 'Entities by type' });
  await expect(types.getByRole('row', { name: '地名 2' })).toBeVisible();
  await expect(types.getByRole('row', { name: '人名 2' })).toBeVisible();
  // Summed in the main process (corpus.topEntities) from the same index.
  const top = dashboard.getByRole('table', { name: 'Most frequent entities' });
  await expect(top.getByRole('row').nth(1)).toHaveText('上海地名2');
  await expect(top.getByRole('row').nth(2)).toHaveText(`${EXT_B}田人名2`);

  // What was still waiting at the last save is counted by the app's editor: sidecars written by another program
  // (here, the test) are "not yet counted"; a page marked reviewed counts as reviewed, so it is not listed.
  await expect(dashboard.getByTestId('dashboard-pending-counted')).toHaveText(`Counted at each page’s last save in the app. Pages counted: 0; not yet counted: ${total - 1}.`);
  const pending = dashboard.getByRole('table', { name: 'Still waiting (pages not marked reviewed)' });
  await expect(pending.getByRole('row', { name: 'Low-confidence OCR characters unreviewed 0' })).toBeVisible();
  await dashboard.getByText(`Pages not yet counted (${total - 1})`).click();
  const uncounted = dashboard.getByRole('list', { name: `Pages not yet counted (${total - 1})` });
  await expect(uncounted.getByRole('listitem').filter({ hasText: /^zz\/b\.txt$/ })).toHaveCount(1);
  await expect(uncounted.getByRole('listitem').filter({ hasText: `${EXT_B}-a.txt` })).toHaveCount(0);

  const notes = dashboard.getByRole('table', { name: 'Page notes' });
  await expect(notes.getByRole('row', { name: `zz/${EXT_B}-a.txt Reviewed 第二栏缺失` })).toBeVisible();

  // The data of a chart as CSV, and the chart as PNG: browser downloads the user places (never into the corpus).
  if (testInfo.project.name === 'harness') {
    const csvDownload = page.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Save the data of “Entities by type” as CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/-entity-types\.csv$/);
    expect(await fs.readFile((await csv.path())!, 'utf8')).toBe('\ufeffType,Count\r\n地名,2\r\n人名,2\r\n');
    const pngDownload = page.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Save “Pages by review status” as PNG' }).click();
    const png = await fs.readFile((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);
  }

  // Back to the page (Escape), a save in the app, and the dashboard follows it.
  await page.keyboard.press('Escape');
  await expect(dashboard).toHaveCount(0);
  const sidecarPath = await saveFirstEditOfSecondPage(app);
  const saved = JSON.parse(await fs.readFile(sidecarPath, 'utf8')) as TestSidecar;
  await page.getByRole('button', { name: 'Dashboard' }).click();
  const after = countCorrections([A, B, saved]);
  expect(after.hand).toBeGreaterThan(before.hand);
  await expect(dashboard.getByTestId('dashboard-corrections')).toHaveText(`${after.hand} by hand, ${after.rule} by accepted suggestions`);
  await expect(statusTable.getByRole('row', { name: `Not started ${corpus.pages.length - 1}` })).toBeVisible();
  await expect(pageList(page).getByRole('option', { name: corpus.second.file })).toBeVisible();

  // A screenshot of the dashboard (light) for the docs.
  if (testInfo.project.name === 'harness' && process.env.JIAODUI_DOC_SCREENSHOTS) {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: 'docs/screenshot-dashboard.png' });
    await page.keyboard.press('Control+Shift+L');
    await expect(page.getByRole('region', { name: /语料概览/ })).toBeVisible();
    await page.screenshot({ path: 'docs/screenshot-dashboard-zh.png' });
  }
});
