// Entity tags that sit in a layout file are not dropped: an ALTO page with NamedEntityTags and no sidecar opens
// with its names marked in the editor and counted as its entities, and the first save keeps them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(repoRoot, 'tests/fixtures/layout/alto-tags.xml');

let folder: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-layout-tags-'));
  await fs.copyFile(FIXTURE, path.join(folder, 'alto-tags.xml'));
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

test('an ALTO page without a sidecar shows the entity tags of its file, and the first save keeps them', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: 'alto-tags.xml' }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText('王𠮷明访问北京');
  await expect(editor.locator('.ent-mark[data-entity-type="PER"]')).toHaveText(['王𠮷明', '王𠮷明']);
  await expect(editor.locator('.ent-mark[data-entity-type="LOC"]')).toHaveText(['北京']);
  // The organisation broken across a line end is marked on both lines.
  await expect(editor.locator('.ent-mark[data-entity-type="ORG"]')).toHaveText(['New York Times', '上海', '市政府']);
  // All seven tags are the page's entities (the panel is folded on a narrow window; its button counts them).
  await expect(page.getByRole('button', { name: 'Show entities (7)' })).toBeVisible();

  await selectInEditor(page, '访问', 1, 1);
  await page.keyboard.type('向');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = JSON.parse(await fs.readFile(path.join(folder, 'alto-tags.xml.jiaodui.json'), 'utf8')) as { text: string; entities: { type: string; text: string }[] };
  expect(sidecar.text).toContain('访向');
  expect(sidecar.entities.map((e) => [e.type, e.text])).toEqual([
    ['PER', '王𠮷明'],
    ['LOC', '北京'],
    ['ORG', 'New York Times'],
    ['ORG', '上海\n市政府'],
    ['ship', '致远'],
    ['Work', '号'],
    ['PER', '王𠮷明'],
  ]);
});
