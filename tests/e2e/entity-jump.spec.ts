import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, selectInEditor } from './helpers';

// A jump from the entity panel must scroll the editor to its target at once. It used to move the caret without
// scrolling when the page's DOM selection was outside the editor (ProseMirror scrolls only from inside), and the
// first key typed then scrolled, so drawing the lines there stalled the next key (renderer/editor/jump.ts).
const FILE = 'zz_long_page.txt';
const NAME = '王小明';

// A made-up page of 900 lines with the name on line 3 and line 880, so the second one is far off screen.
function longPage(): string {
  const lines: string[] = [];
  for (let i = 0; i < 900; i++) lines.push(`第${i + 1}行：本行是用来测试跳转的填充文字，没有别的意思。`);
  lines[2] = `记者${NAME}报道：第3行。`;
  lines[879] = `本报讯（记者${NAME}）第880行。`;
  return lines.join('\n');
}

test('a jump from the entity panel scrolls the far entity into view before any key is typed', async ({ app }) => {
  const page = app.page;
  await fs.writeFile(path.join(app.corpusDir, FILE), longPage(), 'utf8');
  await reopenFolder(app, app.corpusDir);
  await pageList(page).getByRole('option', { name: FILE }).click();
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor).toBeVisible();
  const panel = page.getByRole('complementary', { name: 'Entities' });

  // Tag the first occurrence, then the other one through the propagation preview.
  await selectInEditor(page, NAME, 0, NAME.length);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+p');
  const dialog = page.getByRole('dialog', { name: `Tag all occurrences of “${NAME}” as PER` });
  await dialog.getByRole('button', { name: 'Tag 1 occurrences' }).click();
  await expect(dialog).toBeHidden();
  const marks = editor.locator('.ent-mark[data-entity-type="PER"]');
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(1)).not.toBeInViewport();

  // Click into the panel's text (the DOM selection leaves the editor), then on the name: the caret goes to the
  // next occurrence, line 880, and the editor shows it without a key being typed.
  const group = panel.getByRole('region', { name: '人名 (PER): 2' });
  await group.getByRole('heading').click();
  await group.getByRole('button', { name: NAME }).click();
  await expect(marks.nth(1)).toBeInViewport();
  await expect(editor).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('jumped.png') });

  // Typing goes where the caret is: before the tagged name on line 880.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('X');
  await expect(editor.locator('.pm-line').nth(879)).toContainText(`记者X${NAME}`);
});
