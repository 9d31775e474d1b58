import type { Locator, Page } from '@playwright/test';
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
