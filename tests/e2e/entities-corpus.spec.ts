import fs from 'node:fs/promises';
import path from 'node:path';
import { openPage } from '../../electron/services/page/open-page';
import { savePage } from '../../electron/services/page/save-page';
import { expect, test } from './fixtures';
import { pageList, reopenFolder, statusDot } from './helpers';

// Two pages the spec adds to its temporary copy of the corpus (written here, not taken from the corpus), so the
// story runs the same on the real OCR pages and on the bundled sample corpus. 𠮷 (U+20BB7) comes before the
// names, so code-point and UTF-16 offsets differ.
const TAGGED = 'entities-e2e/tagged.txt';
const OTHER = 'entities-e2e/other.txt';
const TAGGED_TEXT = '本报记者武跃林报道：𠮷祥村的武跃林在朔城区。\n';
const OTHER_TEXT = '𠮷田说，武跃林来了。\n武跃林又说：武跃林很好。\n';
const NAME = '武跃林';

/// Code-point starts of every occurrence of `needle` in `text`.
function cpStarts(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) starts.push(Array.from(text.slice(0, at)).length);
  return starts;
}

/// Writes the two pages and a sidecar tagging every 武跃林 of the first as PER, through the app's own save.
async function addPages(corpusDir: string): Promise<void> {
  await fs.mkdir(path.join(corpusDir, 'entities-e2e'), { recursive: true });
  await fs.writeFile(path.join(corpusDir, TAGGED), TAGGED_TEXT);
  await fs.writeFile(path.join(corpusDir, OTHER), OTHER_TEXT);
  const page = await openPage(corpusDir, TAGGED);
  if (!page.ok) throw new Error(page.error.message);
  const entities = cpStarts(TAGGED_TEXT, NAME).map((start, i) => ({ id: `fixture-${i}`, start, end: start + 3, type: 'PER', text: NAME }));
  const saved = await savePage(corpusDir, { path: TAGGED, text: page.value.text, status: 'in-progress', entities, sourceSha256: page.value.sha256, expectedSidecarHash: null }, 'e2e');
  if (!saved.ok) throw new Error(saved.error.message);
}

async function readSidecar(corpusDir: string, rel: string): Promise<{ entities: { start: number; end: number; type: string; text: string }[] } | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(corpusDir, `${rel}.jiaodui.json`), 'utf8'));
  } catch {
    return null;
  }
}

test('corpus entity index, corpus-wide propagation with one occurrence unticked, and its undo', async ({ app }) => {
  const { corpusDir, page } = app;
  await addPages(corpusDir);
  await reopenFolder(app, corpusDir);
  await pageList(page).getByRole('option', { name: TAGGED }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toContainText('𠮷祥村');

  // The corpus index lists 武跃林 as PER, tagged twice, on the tagged page; a page opens at the entity.
  const panel = page.getByRole('complementary', { name: 'Entities' });
  await panel.getByRole('tab', { name: 'Corpus' }).click();
  const index = page.getByRole('region', { name: 'Corpus entities' });
  await index.getByRole('searchbox', { name: 'Filter entities' }).fill(NAME);
  const entry = index.getByRole('listitem').filter({ has: page.getByRole('button', { name: NAME, exact: true }) });
  await expect(entry).toContainText('人名 PER');
  await expect(entry).toContainText('2×');
  await expect(entry).toContainText('pages: 1');
  await entry.getByRole('button', { name: NAME, exact: true }).click();
  const firstStart = cpStarts(TAGGED_TEXT, NAME)[0]!;
  await expect(index.getByRole('button', { name: `Open ${TAGGED} at ${firstStart}` })).toBeVisible();

  // Tag all occurrences in the corpus: go to the first entity and press Alt+P, choose the whole corpus.
  await page.getByRole('textbox', { name: 'Page text' }).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+Period');
  await page.keyboard.press('Alt+KeyP');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'The whole corpus' }).check();
  const otherPage = dialog.getByRole('group', { name: `Page ${OTHER}` });
  await expect(otherPage.getByRole('checkbox')).toHaveCount(3);
  await expect(otherPage).toContainText('𠮷田说，武跃林来了。');
  // The tagged page itself is open in the editor, so it is not part of the corpus preview.
  await expect(dialog.getByRole('group', { name: `Page ${TAGGED}` })).toHaveCount(0);

  // Untick the second occurrence on the other page and apply.
  await otherPage.getByRole('checkbox', { name: `Occurrence 2 on ${OTHER}` }).uncheck();
  const ticked = await dialog.getByRole('checkbox', { checked: true }).count();
  await expect(statusDot(page, OTHER)).toHaveAttribute('title', 'Not started');
  await dialog.getByRole('button', { name: `Tag ${ticked} occurrences` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'spans added' })).toContainText(`${ticked} spans added`);
  // The page list's status dot follows the sidecar the propagation wrote, without a rescan.
  await expect(statusDot(page, OTHER)).toHaveAttribute('title', 'Unreviewed');

  // The other page's new sidecar has exactly the two ticked spans, at code-point offsets.
  const starts = cpStarts(OTHER_TEXT, NAME);
  const sidecar = await readSidecar(corpusDir, OTHER);
  expect(sidecar?.entities.map((e) => [e.start, e.end, e.type, e.text])).toEqual([
    [starts[0], starts[0]! + 3, 'PER', NAME],
    [starts[2], starts[2]! + 3, 'PER', NAME],
  ]);

  // The index now shows the other page too.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(index.getByRole('button', { name: `Open ${OTHER} at ${starts[0]}` })).toBeVisible();

  // Undo removes exactly those spans: the sidecar that the propagation created is gone again.
  await page.getByRole('textbox', { name: 'Page text' }).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+Period');
  await page.keyboard.press('Alt+KeyP');
  await page.getByRole('dialog').getByRole('radio', { name: 'The whole corpus' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Undo the last corpus propagation' }).click();
  await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: 'spans removed' })).toContainText(`${ticked} spans removed`);
  expect(await readSidecar(corpusDir, OTHER)).toBeNull();
  await expect(statusDot(page, OTHER)).toHaveAttribute('title', 'Not started');
  // The preview is made again: all three occurrences on the other page are untagged once more.
  await expect(page.getByRole('dialog').getByRole('group', { name: `Page ${OTHER}` }).getByRole('checkbox')).toHaveCount(3);
});

test('tag-set settings: rename and recolour a type, and it is still there after reopening the app', async ({ app }) => {
  const { corpusDir } = app;
  let page = app.page;
  await page.getByRole('button', { name: 'Entity types' }).click();
  const dialog = page.getByRole('dialog', { name: 'Entity types' });
  await expect(dialog).toContainText('The corpus has no tag-set file yet');
  await dialog.getByRole('textbox', { name: 'Label of PER' }).fill('人物');
  await dialog.getByLabel('Colour of LOC').fill('#123456');
  // An invalid key is refused before saving.
  await dialog.getByRole('textbox', { name: 'Shortcut key of ORG' }).fill('1');
  await expect(dialog.getByRole('alert')).toContainText('is used twice');
  await expect(dialog.getByRole('button', { name: 'Save types' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Shortcut key of ORG' }).fill('o');
  await dialog.getByRole('button', { name: 'Save types' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');

  const file = JSON.parse(await fs.readFile(path.join(corpusDir, 'jiaodui.tagset.json'), 'utf8'));
  expect(file.types.slice(0, 3)).toEqual([
    { id: 'PER', label: '人物', colour: '#d55e00', key: '1' },
    { id: 'LOC', label: '地名', colour: '#123456', key: '2' },
    { id: 'ORG', label: '机构', colour: '#0072b2', key: 'o' },
  ]);

  await app.restart();
  page = app.page;
  await page.getByRole('button', { name: 'Entity types' }).click();
  const reopened = page.getByRole('dialog', { name: 'Entity types' });
  await expect(reopened).toContainText('Stored in jiaodui.tagset.json');
  await expect(reopened.getByRole('textbox', { name: 'Label of PER' })).toHaveValue('人物');
  await expect(reopened.getByLabel('Colour of LOC')).toHaveValue('#123456');
  await expect(reopened.getByRole('textbox', { name: 'Shortcut key of ORG' })).toHaveValue('o');
});

test('tag-set settings never overwrite a malformed file silently', async ({ app }) => {
  const { corpusDir, page } = app;
  await fs.writeFile(path.join(corpusDir, 'jiaodui.tagset.json'), '{ "format": "jiaodui-tagset", "version": 1, "types": [] }');
  await page.getByRole('button', { name: 'Entity types' }).click();
  const dialog = page.getByRole('dialog', { name: 'Entity types' });
  await expect(dialog.getByRole('alert')).toContainText('a tag set needs at least one type');
  const save = dialog.getByRole('button', { name: 'Save types' });
  await expect(save).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /Replace the invalid file/ }).check();
  await save.click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  const kept = (await fs.readdir(corpusDir)).filter((name) => name.startsWith('jiaodui.tagset.json.broken-'));
  expect(kept).toHaveLength(1);
  expect(await fs.readFile(path.join(corpusDir, kept[0]!), 'utf8')).toContain('"types": []');
});
