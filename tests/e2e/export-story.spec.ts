// The story, as a new user would try it: proofread a page read from an ALTO file (with a scan-side layout
// and entity tags) beside a plain-text page, export several formats at once through File → Export, and check the
// output with what reads it: the corrected ALTO is valid against the official ALTO 4.4 schema (xmllint) and carries
// the correction and the entity tags; the TEI records the correction as sic/corr and the person; the Label Studio
// task puts the person on the right code points, 𠮷 included; the plain-text page is skipped for ALTO with a note.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaErrors } from '../unit/export/layout/support';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALTO = 'alto-tags.xml';
const TEXT_PAGE = '000_bf7c7d8a6a23f1a9.txt';

let folder: string;
let outDir: string;
test.beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-export-story-'));
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-export-story-out-'));
  await fs.copyFile(path.join(repoRoot, 'tests/fixtures/layout', ALTO), path.join(folder, ALTO));
  await fs.copyFile(path.join(repoRoot, 'tests/fixtures/corpus', TEXT_PAGE), path.join(folder, TEXT_PAGE));
});
test.afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
  await fs.rm(outDir, { recursive: true, force: true });
});

interface LabelStudioTask {
  data: { text: string; page: string };
  annotations?: { result: { value: { start: number; end: number; text: string; labels: string[] } }[] }[];
}

test('proofread an ALTO page, export ALTO, TEI and Label Studio at once, and the readers find the work', async ({ app }) => {
  const page = app.page;
  await reopenFolder(app, folder);
  await pageList(page).getByRole('option', { name: ALTO }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toContainText('王𠮷明访问北京');

  // Correct 问 → 向 and save.
  await selectInEditor(page, '访问', 1, 1);
  await page.keyboard.type('向');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');

  // File → Export: three more formats beside the corrected text, the whole corpus, a folder.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  for (const name of ['ALTO (corrected)', 'TEI P5', 'Label Studio']) await dialog.getByRole('checkbox', { name }).check();
  await dialog.getByRole('radio', { name: /^The whole corpus/ }).check();
  await app.chooseFolder(outDir, () => dialog.getByRole('button', { name: 'Choose folder…' }).click());
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Pages exported: 2');
  // The plain-text page has no ALTO file to correct: said, not hidden.
  await expect(dialog).toContainText(TEXT_PAGE);
  await expect(dialog).toContainText('This format does not apply to this page');

  // The corrected ALTO: valid against its own version's official schema, with the correction and the tags.
  const alto = await fs.readFile(path.join(outDir, ALTO), 'utf8');
  expect(schemaErrors(alto, 'alto-4-4.xsd')).toBe('');
  expect(alto).toMatch(/CONTENT="向"|CONTENT="[^"]*向[^"]*"/);
  expect(alto).toContain('<NamedEntityTag');
  expect(alto).toMatch(/TAGREFS="/);

  // The TEI: the correction as sic/corr, the person as persName.
  const teiName = (await fs.readdir(outDir)).find((name) => name.startsWith('alto-tags') && name.endsWith('.tei.xml'));
  expect(teiName).toBeDefined();
  const tei = await fs.readFile(path.join(outDir, teiName!), 'utf8');
  expect(tei).toMatch(/<choice><sic>问<\/sic><corr>向<\/corr><\/choice>/);
  expect(tei).toMatch(/<persName[^>]*>王𠮷明<\/persName>/);

  // Label Studio: the person on its code points in the corrected text (𠮷 counts one).
  const tasks = JSON.parse(await fs.readFile(path.join(outDir, 'label-studio-tasks.json'), 'utf8')) as LabelStudioTask[];
  const task = tasks.find((t) => t.data.page === ALTO);
  expect(task?.data.text).toContain('王𠮷明访向北京');
  const persons = task!.annotations![0]!.result.filter((r) => r.value.labels.includes('PER'));
  expect(persons.length).toBeGreaterThan(0);
  for (const person of persons) {
    expect([...task!.data.text].slice(person.value.start, person.value.end).join('')).toBe(person.value.text);
  }
  expect(persons.map((p) => p.value.text)).toContain('王𠮷明');
  await expect(fs.access(path.join(outDir, 'label-studio-config.xml'))).resolves.toBeUndefined();
});
