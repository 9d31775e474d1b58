import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../../renderer/i18n/messages-review';
import { expect, test } from './fixtures';
import { pageList, reopenFolder } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scansDir = path.resolve(repoRoot, 'tests/fixtures/samples/scans');
const truthDir = path.resolve(scansDir, '../ground-truth');
const PAGE = 'pharmacy-supply';

test.skip(!existsSync(scansDir), `the sample scans are not at ${scansDir}`);

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-reading-order-'));
  for (const name of await fs.readdir(scansDir)) {
    if (!name.startsWith(PAGE)) continue;
    await fs.copyFile(path.join(scansDir, name), path.join(folder, name));
    await fs.chmod(path.join(folder, name), 0o644);
  }
  // The .txt is the page, its hOCR the scan's layout.
  await fs.writeFile(path.join(folder, 'jiaodui.corpus.json'), JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text' }));
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

test('puts blocks the OCR read across the columns back in reading order, and records the move', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: `${PAGE}.txt` }).click();
  await page.getByRole('button', { name: /Show suggestions/ }).click();
  const panel = page.getByRole('region', { name: 'OCR suggestions' });
  await expect(panel.getByRole('status')).toHaveText(/\d+ suggestions?/, { timeout: 30_000 });

  // Listed first, with a before/after preview.
  const name = en['review.rule.reading-order'];
  await expect(panel.getByRole('group').first()).toHaveAccessibleName(`${name} (1)`);
  const item = panel.getByRole('group', { name: `${name} (1)` }).getByRole('listitem');
  await item.getByRole('button', { name: /^Preview/ }).click();
  await expect(item.getByRole('group', { name: 'After' })).toBeVisible();

  const editor = page.getByRole('textbox', { name: 'Page text' });
  const truth = squeeze(await fs.readFile(path.join(truthDir, `${PAGE}.txt`), 'utf8'));
  // Seams of the true text that the OCR's order breaks.
  const seams = ['一大早，位于', '每位顾客的小区', '购药便利度'];
  for (const seam of seams) expect(truth).toContain(seam);
  expect(squeeze(await editor.innerText())).not.toContain(seams[0]);

  await item.getByRole('button', { name: 'Accept' }).click();
  await expect.poll(async () => squeeze(await editor.innerText())).toContain(seams[0]);
  const text = squeeze(await editor.innerText());
  for (const seam of seams) expect(text).toContain(seam);

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = JSON.parse(await fs.readFile(path.join(folder, `${PAGE}.txt.jiaodui.json`), 'utf8')) as { text: string; corrections: { rule?: string }[] };
  expect(squeeze(sidecar.text)).toContain(seams[1]);
  expect(sidecar.corrections.length).toBeGreaterThan(0);
  expect(sidecar.corrections.every((c) => c.rule === 'reading-order')).toBe(true);

  // Undo puts the OCR's order back.
  await editor.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => squeeze(await editor.innerText())).not.toContain(seams[0]);
});
