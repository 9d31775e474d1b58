import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, selectInEditor } from './helpers';

// Issue 18: a folder dropped on the window opens it; the recently opened folders are offered again.

async function folderWithPage(file: string): Promise<string> {
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-desktop-')));
  await fs.writeFile(path.join(dir, file), '另一份报纸的一页 𠮷', 'utf8');
  return dir;
}

// What a file manager's drag of a folder gives a page: a File entry and the folder's file: URI in text/uri-list.
// In Electron the preload reads a dropped File's path (webUtils); a File made in the page has none, so the URI
// list is what is read in both shells here.
async function dropFolder(page: Page, folder: string, steps: ('dragenter' | 'dragover' | 'drop')[] = ['dragenter', 'dragover', 'drop']): Promise<void> {
  const dataTransfer = await page.evaluateHandle((uri) => {
    const data = new DataTransfer();
    data.setData('text/uri-list', `# from the file manager\r\n${uri}`);
    data.items.add(new File([], 'folder'));
    return data;
  }, pathToFileURL(folder).href);
  const target = page.getByRole('textbox', { name: 'Page text' }).or(page.locator('main.page-area')).first();
  for (const step of steps) await target.dispatchEvent(step, { dataTransfer });
}

test('a folder dropped on the window opens it, after asking about unsaved work', async ({ app }) => {
  const page = app.page;
  const folder = await folderWithPage('dropped_page.txt');
  try {
    // Unsaved work on the open page: the drop asks first, and Cancel keeps everything as it was.
    await pageList(page).getByRole('option', { name: corpus.first.file }).click();
    const edit = corpus.first.quickEdit;
    await selectInEditor(page, edit.needle, edit.offset, edit.length);
    await page.keyboard.insertText(edit.typed);
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');

    await dropFolder(page, folder, ['dragenter', 'dragover']);
    await expect(page.getByRole('status').filter({ hasText: 'Drop a folder to open it' })).toBeVisible();
    await dropFolder(page, folder, ['drop']);
    await expect(page.getByRole('status').filter({ hasText: 'Drop a folder to open it' })).toHaveCount(0);
    const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await expect(pageList(page).getByRole('option')).toHaveCount(corpus.pages.length);
    await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText(edit.after);
    // The drop was not inserted into the page text as the folder's path.
    await expect(page.getByRole('textbox', { name: 'Page text' })).not.toContainText('file:');

    // Dropped again and Discard: the dropped folder is the corpus now.
    await dropFolder(page, folder);
    await prompt.getByRole('button', { name: 'Discard' }).click();
    await expect(pageList(page).getByRole('option', { name: 'dropped_page.txt' })).toBeVisible();
    await expect(pageList(page).getByRole('option')).toHaveCount(1);
    expect(await page.title()).toContain(path.basename(folder));
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});

test('a dropped file that is not a folder is refused with a message, and the corpus stays open', async ({ app }) => {
  const page = app.page;
  const folder = await folderWithPage('loose.txt');
  try {
    await dropFolder(page, path.join(folder, 'loose.txt'));
    await expect(page.getByRole('alert').filter({ hasText: 'is not a folder' })).toBeVisible();
    await expect(pageList(page).getByRole('option')).toHaveCount(corpus.pages.length);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});

test('the folder picker offers the recently opened folders but the open one, and Clear Recently Opened empties the list', async ({ app }) => {
  test.skip(test.info().project.name !== 'harness', 'the in-app picker exists only in the browser harness; Electron has File → Open Recent');
  const page = app.page;
  const folder = await folderWithPage('recent_page.txt');
  const first = await fs.realpath(app.corpusDir);
  try {
    await app.chooseFolder(folder, () => page.getByRole('button', { name: 'Open folder' }).click());
    await expect(pageList(page).getByRole('option', { name: 'recent_page.txt' })).toBeVisible();

    // The first corpus, not the one open now; choosing it opens it again.
    await page.getByRole('button', { name: 'Open folder' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose a folder' });
    const recent = picker.getByRole('region', { name: 'Recently opened' });
    await expect(recent.getByRole('listitem')).toHaveText([first]);
    await recent.getByRole('button', { name: first, exact: true }).click();
    await expect(pageList(page).getByRole('option')).toHaveCount(corpus.pages.length);
    await expect(pageList(page).getByRole('option', { name: corpus.first.file })).toBeVisible();

    await page.getByRole('button', { name: 'Open folder' }).click();
    await expect(recent.getByRole('listitem')).toHaveText([folder]);
    await recent.getByRole('button', { name: 'Clear Recently Opened' }).click();
    await expect(recent).toHaveCount(0);
    await picker.getByRole('button', { name: 'Cancel' }).click();
    // Cleared for good: the picker opened again lists none, and the open corpus stays.
    await page.getByRole('button', { name: 'Open folder' }).click();
    await expect(picker.getByRole('list', { name: os.homedir() })).toBeVisible();
    await expect(recent).toHaveCount(0);
    await picker.getByRole('button', { name: 'Cancel' }).click();
    await expect(pageList(page).getByRole('option')).toHaveCount(corpus.pages.length);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});
