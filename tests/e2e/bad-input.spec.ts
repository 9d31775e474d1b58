import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { corpus, type Edit } from './corpus-profile';
import { pageList, reopenFolder, selectInEditor } from './helpers';

const PAGE = corpus.second.file;
const FIRST = corpus.first.file;

async function makeEdit(page: import('@playwright/test').Page, edit: Edit): Promise<void> {
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
}

test.describe('a sidecar that cannot be trusted opens the page read-only and is never overwritten', () => {
  const cases: { name: string; content: (valid: Record<string, unknown>) => string; message: RegExp }[] = [
    { name: 'not JSON', content: () => '{"format": "jiaodui-sidecar", ', message: /not valid JSON/ },
    { name: 'failing the schema', content: (v) => JSON.stringify({ ...v, status: 'finished?' }), message: /does not match the sidecar schema/ },
    { name: 'from a newer version', content: (v) => JSON.stringify({ ...v, schemaVersion: 99 }), message: /newer version/ },
    { name: 'for another version of the page file', content: (v) => JSON.stringify({ ...v, source: { ...(v.source as object), sha256: '0'.repeat(64) } }), message: /SHA-256/ },
    { name: 'written by another program', content: () => JSON.stringify({ hello: 'world' }), message: /not written by Jiaodui/ },
    // Schema-valid and for the right page bytes, but not fitting the page's text (issue 13): the notice names the problem.
    {
      name: 'whose corrections do not give its text',
      content: (v) => JSON.stringify({ ...v, text: `${v.text as string}补` }),
      message: /does not fit the page’s text.*In detail: applying its corrections to the original text does not give its stored text\./,
    },
    {
      name: 'with an entity outside the text',
      content: (v) => JSON.stringify({ ...v, entities: [...(v.entities as object[]), { id: 'far', start: 9_000_000, end: 9_000_002, type: 'PER', text: '𠮷田' }] }),
      message: /In detail: entity far \(9,?000,?000–9,?000,?002\) ends after the text/,
    },
  ];

  for (const { name, content, message } of cases) {
    test(`sidecar ${name}`, async ({ app }) => {
      const page = app.page;
      const sidecarPath = path.join(app.corpusDir, `${PAGE}.jiaodui.json`);
      // Make a valid sidecar first by saving a real correction, then spoil it.
      await pageList(page).getByRole('option', { name: PAGE }).click();
      await makeEdit(page, corpus.second.edit);
      await page.getByLabel('Review status').selectOption('in-progress');
      await page.keyboard.press('Control+s');
      await expect(page.getByTestId('save-state')).toContainText('Saved at');
      const valid = JSON.parse(await fs.readFile(sidecarPath, 'utf8'));
      const spoiled = content(valid);
      await fs.writeFile(sidecarPath, spoiled);

      await pageList(page).getByRole('option', { name: FIRST }).click();
      await pageList(page).getByRole('option', { name: PAGE }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Read-only' })).toContainText(message);
      const editor = page.getByRole('textbox', { name: 'Page text' });
      await expect(editor).toHaveAttribute('contenteditable', 'false');
      await page.keyboard.press('Control+s');
      await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
      expect(await fs.readFile(sidecarPath, 'utf8')).toBe(spoiled);
    });
  }
});

test('a binary file and an empty file get clear messages and nothing crashes', async ({ app }) => {
  const page = app.page;
  await fs.writeFile(path.join(app.corpusDir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  await fs.writeFile(path.join(app.corpusDir, 'empty.txt'), '');
  await reopenFolder(app, app.corpusDir);
  await expect(pageList(page).getByRole('option')).toHaveCount(corpus.pages.length + 2);

  await pageList(page).getByRole('option', { name: 'scan.txt' }).click();
  await expect(page.getByRole('alert')).toContainText(/not a text file/);

  await pageList(page).getByRole('option', { name: 'empty.txt' }).click();
  await expect(page.getByRole('note')).toContainText('This page file is empty.');
  await expect(page.getByRole('textbox', { name: 'Page text' })).toBeVisible();
});

test('leaving a page with unsaved work asks Save, Discard or Cancel', async ({ app }) => {
  const page = app.page;
  const first = FIRST;
  const quick = corpus.first.quickEdit;
  await pageList(page).getByRole('option', { name: first }).click();
  await makeEdit(page, quick);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

  // Cancel stays on the page with the edit.
  await pageList(page).getByRole('option', { name: PAGE }).click();
  const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first);
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(quick.after);

  // Undo and redo work from the keyboard.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(quick.before);
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(quick.after);

  // Discard leaves without writing anything.
  await pageList(page).getByRole('option', { name: PAGE }).click();
  await prompt.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PAGE);
  await expect(fs.stat(path.join(app.corpusDir, `${first}.jiaodui.json`))).rejects.toThrow();
  // The autosave that was pending for the discarded page must not fire later and write it with this page's text.
  await page.waitForTimeout(5_500);
  await expect(fs.stat(path.join(app.corpusDir, `${first}.jiaodui.json`))).rejects.toThrow();

  // Save writes the sidecar, then leaves.
  await makeEdit(page, corpus.second.edit);
  await page.keyboard.press('Alt+ArrowUp');
  await prompt.getByRole('button', { name: 'Save' }).click();
  const previous = corpus.pages[corpus.pages.indexOf(PAGE) - 1]!;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(previous);
  const sidecar = JSON.parse(await fs.readFile(path.join(app.corpusDir, `${PAGE}.jiaodui.json`), 'utf8'));
  expect(sidecar.text).toContain(corpus.second.edit.after);
  expect(sidecar.corrections).toHaveLength(1);
});

test('the interface switches to Chinese, with Chinese accessible names', async ({ app }) => {
  const page = app.page;
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.getByRole('listbox', { name: '页面' })).toBeVisible();
  await page.getByRole('listbox', { name: '页面' }).getByRole('option', { name: PAGE }).click();
  await expect(page.getByRole('textbox', { name: '页面文本' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打开文件夹' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导出' })).toBeVisible();
});
