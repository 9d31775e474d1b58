import type { Locator, Page } from '@playwright/test';

/// Selects `length` characters (UTF-16 units) of the editor text node containing `needle`, starting `offset`
/// units into the match, the way a user drags over them; ProseMirror picks the DOM selection up.
export async function selectInEditor(page: Page, needle: string, offset: number, length: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Page text' }).focus();
  await page.evaluate(
    ({ needle, offset, length }) => {
      const editor = document.querySelector('[role="textbox"]')!;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + offset);
        range.setEnd(node, at + offset + length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`“${needle}” is not in the editor`);
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

/// Answers the next folder dialog with `folder`: the in-app picker in the harness.
export async function answerFolderPicker(page: Page, folder: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: 'Choose a folder' });
  await picker.getByRole('textbox', { name: 'Folder path' }).fill(folder);
  await picker.getByRole('button', { name: 'Use this folder' }).click();
}

/// Opens `folder` again through the Open folder button, so files created by the test are scanned.
export async function reopenFolder(page: Page, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Open folder' }).click();
  await answerFolderPicker(page, folder);
}
