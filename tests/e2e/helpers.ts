import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { corpus } from './corpus-profile';
import type { AppUnderTest } from './fixtures';

/// Selects `length` characters (UTF-16 units) of the editor text, starting `offset` units into the first match of
/// `needle`, the way a user drags over them; the match may cross highlight boundaries. ProseMirror picks the DOM
/// selection up.
export async function selectInEditor(page: Page, needle: string, offset: number, length: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Page text' }).focus();
  await page.evaluate(
    ({ needle, offset, length }) => {
      const editor = document.querySelector('[role="textbox"]')!;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      const nodes: { node: Node; start: number }[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: all.length });
        all += node.textContent!;
      }
      const at = all.indexOf(needle);
      if (at < 0) throw new Error(`“${needle}” is not in the editor`);
      const locate = (index: number) => {
        let found = nodes[0]!;
        for (const entry of nodes) if (entry.start <= index) found = entry;
        return { node: found.node, offset: index - found.start };
      };
      const from = locate(at + offset);
      const to = locate(at + offset + length);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { needle, offset, length },
  );
  // Let ProseMirror's selectionchange handler run before typing.
  await page.waitForTimeout(50);
}

/// The page list.
export function pageList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Pages' });
}

/// The status dot of a page in the page list (its title names the status: "Not started", "Unreviewed", …).
export function statusDot(page: Page, rel: string): Locator {
  return pageList(page).getByRole('option', { name: rel, exact: true }).locator('.status-dot');
}

/// Opens `folder` again through the Open folder button, so files created by the test are scanned.
export async function reopenFolder(app: AppUnderTest, folder: string): Promise<void> {
  await app.chooseFolder(folder, () => app.page.getByRole('button', { name: 'Open folder' }).click());
}

/// Opens the second sample page, makes its first edit and saves it with Ctrl+S (waiting for the save); returns the
/// path of its sidecar. The specs about outside changes and refused saves start from here.
export async function saveFirstEditOfSecondPage(app: AppUnderTest): Promise<string> {
  const page = app.page;
  const { file, edit } = corpus.second;
  await pageList(page).getByRole('option', { name: file }).click();
  await selectInEditor(page, edit.needle, edit.offset, edit.length);
  await page.keyboard.type(edit.typed);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  return path.join(app.corpusDir, `${file}.jiaodui.json`);
}

/// Makes the second sample page's second edit (left unsaved).
export async function typeSecondEdit(page: Page): Promise<void> {
  const { secondEdit } = corpus.second;
  await selectInEditor(page, secondEdit.needle, secondEdit.offset, secondEdit.length);
  await page.keyboard.type(secondEdit.typed);
}
