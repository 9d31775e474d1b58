import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test as base } from './fixtures';
import { pageList, selectInEditor } from './helpers';

// Issue 16, item 6: entity type labels legible and never covering the text, nested labels not piled in front of
// the word, and the corpus entity index not clipping its rows.
const FILE = 'zz-labels.txt';

const test = base.extend({
  corpusDir: async ({ corpusDir }, use) => {
    await fs.writeFile(path.join(corpusDir, FILE), '北京市朔城区市场监督管理局长张三和李四在北京。\n第二行。\n');
    await use(corpusDir);
  },
});

test('labels are 11 px or more, take their own room, one in front of a word; corpus index rows are whole', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await pageList(page).getByRole('option', { name: FILE }).click();
  // An organisation with a place nested at its start.
  await selectInEditor(page, '北京市朔城区市场监督管理局', 0, 13);
  await page.keyboard.press('Alt+3');
  await selectInEditor(page, '北京市朔城区', 0, 3);
  await page.keyboard.press('Alt+2');
  await expect(editor.locator('.ent-mark')).toHaveCount(2);

  const outer = editor.locator('.ent-mark[data-entity-type="ORG"]');
  const inner = editor.locator('.ent-mark[data-entity-type="LOC"]');
  const labels = await outer.evaluate((element) => {
    const nested = element.querySelector('.ent-mark')!;
    const before = getComputedStyle(element, '::before');
    const text = document.createRange();
    const node = document.createTreeWalker(nested, NodeFilter.SHOW_TEXT).nextNode()!;
    text.setStart(node, 0);
    text.setEnd(node, 1);
    return {
      outerSize: parseFloat(before.fontSize),
      outerContent: before.content,
      innerBefore: getComputedStyle(nested, '::before').content,
      innerAfter: getComputedStyle(nested, '::after').content,
      innerAfterSize: parseFloat(getComputedStyle(nested, '::after').fontSize),
      // The label is in the flow: the first character starts to the right of the span's start by the label's width.
      labelRoom: text.getBoundingClientRect().left - element.getBoundingClientRect().left,
    };
  });
  expect(labels.outerSize).toBeGreaterThanOrEqual(11);
  expect(labels.outerContent).toBe('"ORG"');
  expect(labels.innerBefore).toBe('none');
  expect(labels.innerAfter).toBe('"LOC"');
  expect(labels.innerAfterSize).toBeGreaterThanOrEqual(11);
  expect(labels.labelRoom).toBeGreaterThanOrEqual(20);
  await expect(inner).toHaveText('北京市');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const show = page.getByRole('button', { name: /Show entities/ });
  if (await show.count()) await show.click();
  await page.getByRole('tab', { name: 'Corpus' }).click();
  const list = page.getByRole('list', { name: 'Distinct entities' });
  await expect(list.getByRole('button', { name: /北京市朔城区市场监督管理局/ })).toBeVisible();
  // No row's content reaches past the row, across or down.
  const overflow = await list.evaluate((ul) =>
    [...ul.querySelectorAll(':scope > li')].flatMap((li) => {
      const row = li.getBoundingClientRect();
      return [...li.children]
        .map((child) => child.getBoundingClientRect())
        .filter((box) => box.right > row.right + 0.5 || box.bottom > row.bottom + 0.5)
        .map(() => li.textContent);
    }),
  );
  expect(overflow).toEqual([]);
});
