import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pageList, selectInEditor } from './helpers';

// The story of issue 4 on the real OCR pages: 武跃林 (a reporter) is on both pages, twice on 000 and three times
// on 003; 朔城区市场监督管理局 is on 000. Runs only on the real corpus, which is where these names are.
const FIRST = '000_bf7c7d8a6a23f1a9.txt';
const SECOND = '003_0c30f1900352050f.txt';
const PERSON = '武跃林';
const ORG = '朔城区市场监督管理局';
const PLACE = '朔城区';

test.skip(!!process.env.JIAODUI_E2E_CORPUS, 'the entity story names people and places of the real OCR pages');

async function openPage(page: Page, file: string): Promise<void> {
  await pageList(page).getByRole('option', { name: file }).click();
  await expect(page.getByRole('textbox', { name: 'Page text' })).toBeVisible();
}

function label(page: Page, type: string) {
  return page.getByRole('textbox', { name: 'Page text' }).locator(`.ent-mark[data-entity-type="${type}"]`);
}

async function readSidecar(corpusDir: string, file: string) {
  return JSON.parse(await fs.readFile(path.join(corpusDir, `${file}.jiaodui.json`), 'utf8')) as {
    text: string;
    entities: { id: string; start: number; end: number; type: string; text: string }[];
    rejectedEntities: { text: string; type: string }[];
  };
}

function cpOffset(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  return Array.from(text.slice(0, at)).length;
}

test('tags, nests, retypes and deletes entities; tags survive corrections; everything comes back on reopen', async ({ app }) => {
  let page = app.page;
  await openPage(page, FIRST);
  const panel = page.getByRole('complementary', { name: 'Entities' });

  // Select 武跃林 and press Alt+1: a person, coloured, labelled.
  await selectInEditor(page, PERSON, 0, PERSON.length);
  await page.keyboard.press('Alt+1');
  await expect(label(page, 'PER')).toHaveCount(1);
  await expect(panel.getByRole('region', { name: '人名 (PER): 1' })).toBeVisible();
  await expect(panel.getByRole('button', { name: PERSON })).toBeVisible();

  // Tag 朔城区市场监督管理局 as an organisation with the toolbar, then 朔城区 inside it as a place: both show.
  await selectInEditor(page, ORG, 0, ORG.length);
  await panel.getByRole('button', { name: 'Tag as 机构 (ORG)' }).click();
  await selectInEditor(page, ORG, 0, PLACE.length);
  await page.keyboard.press('Alt+2');
  await expect(label(page, 'ORG')).toHaveCount(1);
  await expect(label(page, 'LOC')).toHaveCount(1);
  // The place is drawn inside the organisation.
  await expect(page.locator('.ent-mark[data-entity-type="ORG"] > .ent-mark[data-entity-type="LOC"]')).toHaveText(PLACE);
  await label(page, 'LOC').scrollIntoViewIfNeeded();
  await expect(panel.getByRole('region', { name: '地名 (LOC): 1' })).toBeVisible();
  await expect(panel.getByRole('region', { name: '机构 (ORG): 1' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('nested.png') });

  // Click the person: a popover changes its type, then deletes it; one undo brings it back.
  await page.locator('.ent-mark', { hasText: PERSON }).first().click();
  const popover = page.getByRole('dialog', { name: `Entity ${PERSON}` });
  await expect(popover).toBeVisible();
  await popover.getByRole('combobox', { name: 'Type' }).selectOption('MISC');
  await expect(label(page, 'MISC')).toHaveCount(1);
  await expect(label(page, 'PER')).toHaveCount(0);
  await popover.getByRole('button', { name: 'Delete tag' }).click();
  await expect(popover).toBeHidden();
  await expect(label(page, 'MISC')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(label(page, 'MISC')).toHaveCount(1);
  // Keyboard: Alt+1 with the caret in the entity changes its type back to person.
  await selectInEditor(page, PERSON, 1, 0);
  await page.keyboard.press('Alt+1');
  await expect(label(page, 'PER')).toHaveCount(1);

  // Correct a character inside the tagged name (its last one): the tag stays on the corrected name.
  await selectInEditor(page, PERSON, 2, 1);
  await page.keyboard.type('琳');
  // The corrected character is highlighted as a correction and still underlined as part of the person.
  await expect(label(page, 'PER')).toHaveText('武跃琳');
  await expect(label(page, 'PER').locator('.corr-changed')).toHaveText('琳');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  let sidecar = await readSidecar(app.corpusDir, FIRST);
  const person = sidecar.entities.find((e) => e.type === 'PER')!;
  expect(person.text).toBe('武跃琳');
  expect(person.start).toBe(cpOffset(sidecar.text, '武跃琳'));
  expect(person.end).toBe(person.start + 3);
  const org = sidecar.entities.find((e) => e.type === 'ORG')!;
  const place = sidecar.entities.find((e) => e.type === 'LOC')!;
  expect(org.text).toBe(ORG);
  expect(place).toMatchObject({ text: PLACE, start: org.start, end: org.start + 3 });

  // Delete the whole name: the tag goes with it; undo brings both back.
  await selectInEditor(page, '武跃琳', 0, 3);
  await page.keyboard.press('Backspace');
  await expect(label(page, 'PER')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(label(page, 'PER')).toHaveCount(1);
  await selectInEditor(page, '武跃琳', 0, 3);
  await page.keyboard.press('Delete');
  await expect(label(page, 'PER')).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  sidecar = await readSidecar(app.corpusDir, FIRST);
  expect(sidecar.entities.map((e) => e.type).sort()).toEqual(['LOC', 'ORG']);

  // Reopen the app: the nested organisation and place are there.
  await app.restart();
  page = app.page;
  await openPage(page, FIRST);
  await expect(label(page, 'ORG')).toHaveCount(1);
  await expect(label(page, 'LOC')).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'Entities' }).getByRole('region', { name: '机构 (ORG): 1' })).toBeVisible();
});

test('tags all occurrences on the page after a preview with one unticked, as one undo step', async ({ app }) => {
  const page = app.page;
  await openPage(page, SECOND);
  await selectInEditor(page, PERSON, 0, PERSON.length);
  await page.keyboard.press('Alt+1');
  await expect(label(page, 'PER')).toHaveCount(1);

  // Caret in the name, Alt+P: the preview lists the two other occurrences with their context.
  await selectInEditor(page, PERSON, 1, 0);
  await page.keyboard.press('Alt+p');
  const dialog = page.getByRole('dialog', { name: `Tag all occurrences of “${PERSON}” as PER` });
  await expect(dialog).toBeVisible();
  const boxes = dialog.getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('propagation.png') });
  await boxes.nth(1).uncheck();
  await dialog.getByRole('button', { name: 'Tag 1 occurrences' }).click();
  await expect(dialog).toBeHidden();
  await expect(label(page, 'PER')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(label(page, 'PER')).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(label(page, 'PER')).toHaveCount(2);
  // Alt+. walks from entity to entity; Alt+Delete removes the tag at the selection, undo restores it.
  await selectInEditor(page, '救助', 0, 0);
  await page.keyboard.press('Alt+.');
  await page.keyboard.press('Alt+Delete');
  await expect(label(page, 'PER')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(label(page, 'PER')).toHaveCount(2);

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = await readSidecar(app.corpusDir, SECOND);
  const people = sidecar.entities.filter((e) => e.type === 'PER').sort((a, b) => a.start - b.start);
  expect(people.map((e) => e.text)).toEqual([PERSON, PERSON]);
  // The entity keys are listed in the shortcuts sheet.
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row', { name: /Alt\+P Tag all occurrences of the entity at the caret/ })).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();

  // The first and second occurrences are tagged, the third (unticked) is not.
  expect(people[0]!.start).toBe(cpOffset(sidecar.text, PERSON));
  expect(people[1]!.start).toBe(cpOffset(sidecar.text, PERSON, sidecar.text.indexOf(PERSON) + 1));
});

test('accepts a suggestion with Enter, rejects one that stays rejected after reopening, accepts all of a type', async ({ app }) => {
  let page = app.page;
  await openPage(page, FIRST);
  const editor = page.getByRole('textbox', { name: 'Page text' });
  // Suggestions show dashed: the person after 记者 and organisations ending in 局.
  await expect(editor.locator(`.ent-suggestion[data-suggestion-type="PER"]`, { hasText: PERSON }).first()).toBeVisible();
  const orgSuggestion = editor.locator(`.ent-suggestion[data-suggestion-type="ORG"]`).first();
  await expect(orgSuggestion).toBeVisible();
  const rejected = (await orgSuggestion.textContent())!;
  expect(rejected.length).toBeGreaterThan(1);
  const exactly = (text: string) => new RegExp(`^${text}$`);
  await page.screenshot({ path: test.info().outputPath('suggestions.png') });

  // Caret inside the suggested person, Enter: it becomes a person.
  await selectInEditor(page, PERSON, 1, 0);
  await page.keyboard.press('Enter');
  await expect(label(page, 'PER')).toHaveCount(1);
  await expect(editor.locator('.pm-line')).toHaveCount((await fs.readFile(path.join(app.corpusDir, FIRST), 'utf8')).split('\n').length);

  // Reject an organisation suggestion with Alt+Backspace: all its underlines go.
  await selectInEditor(page, rejected, 1, 0);
  await page.keyboard.press('Alt+Backspace');
  await expect(editor.locator(`.ent-suggestion[data-suggestion-type="ORG"]`, { hasText: exactly(rejected) })).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  const sidecar = await readSidecar(app.corpusDir, FIRST);
  expect(sidecar.rejectedEntities).toContainEqual({ text: rejected, type: 'ORG' });

  // Reopen: the rejected suggestion does not come back; the accepted person is there.
  await app.restart();
  page = app.page;
  await openPage(page, FIRST);
  const reopened = page.getByRole('textbox', { name: 'Page text' });
  await expect(label(page, 'PER')).toHaveCount(1);
  await expect(reopened.locator('.ent-suggestion').first()).toBeVisible();
  await expect(reopened.locator(`.ent-suggestion[data-suggestion-type="ORG"]`, { hasText: exactly(rejected) })).toHaveCount(0);

  // Accept all the place suggestions at once from the panel; one undo takes them all back.
  const panel = page.getByRole('complementary', { name: 'Entities' });
  const acceptPlaces = panel.getByRole('button', { name: /^Accept all LOC \(\d+\)$/ });
  const count = Number(/\((\d+)\)/.exec((await acceptPlaces.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThan(0);
  await acceptPlaces.click();
  // The suggestions of the reopened page may still be completing while the count is read (CI once saw 31 offered
  // and 33 accepted): what must hold is that every place suggestion became a place, at least as many as offered.
  await expect(reopened.locator('.ent-suggestion[data-suggestion-type="LOC"]')).toHaveCount(0);
  expect(await label(page, 'LOC').count()).toBeGreaterThanOrEqual(count);
  await page.keyboard.press('Control+z');
  await expect(label(page, 'LOC')).toHaveCount(0);
});

test('computes the page suggestions in a Web Worker; they stay on their names when text is typed as the page opens', async ({ app }) => {
  const page = app.page;
  const worker = page.waitForEvent('worker', (w) => w.url().includes('suggest.worker'));
  await openPage(page, SECOND);
  const editor = page.getByRole('textbox', { name: 'Page text' });
  // Typed at once, possibly while the worker still runs: its answer is refreshed to the text it arrives to.
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('𠮷记');
  expect((await worker).url()).toMatch(/suggest\.worker/);
  const person = editor.locator(`.ent-suggestion[data-suggestion-type="PER"]`, { hasText: PERSON });
  await expect(person.first()).toHaveText(PERSON);
  expect(await page.evaluate(() => performance.getEntriesByName('jiaodui:suggestions-page').length)).toBeGreaterThan(0);
  await expect(editor).toContainText('𠮷记');
});

test('after a save, only the changed line is given to jieba again, and suggestions are computed with the new tags', async ({ app }) => {
  const page = app.page;
  const tagged: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(encodeURIComponent('entities.tagWords'))) tagged.push((JSON.parse(request.postData() ?? '[]') as string[])[0] ?? '');
  });
  const firstTags = page.waitForResponse((response) => response.url().includes(encodeURIComponent('entities.tagWords')));
  await openPage(page, SECOND);
  await firstTags;
  const whole = tagged[0]!;
  expect(whole.length).toBeGreaterThan(1000);
  // Correct one line (type 𠮷 after the headline's first character) and save.
  await selectInEditor(page, '救助走失', 1, 0);
  await page.keyboard.type('𠮷');
  const retag = page.waitForResponse((response) => response.url().includes(encodeURIComponent('entities.tagWords')));
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  await retag;
  expect(tagged).toHaveLength(2);
  // The headline as it now reads, not the page.
  expect(tagged[1]).toBe(whole.slice(0, whole.indexOf('\n')).replace('救助走失', '救𠮷助走失'));
  const editor = page.getByRole('textbox', { name: 'Page text' });
  await expect(editor.locator('.ent-suggestion').first()).toBeVisible();
});
