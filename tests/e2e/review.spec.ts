import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
// With the extension: Playwright's loader does not resolve the package's extension-less subpath that the app uses.
import { dict } from '@node-rs/jieba/dict.js';
import { createWordFrequencyModel, parseWordFrequencyList } from '../../shared/ocr-assist/word-frequency-model';
import { suggestCorrections } from '../../shared/ocr-assist/suggest';
import type { LanguageModel, OcrSuggestion, RuleId } from '../../shared/ocr-assist/types';
import { cpSlice } from '../../shared/text/codepoints';
import { en } from '../../renderer/i18n/messages-review';
import { ruleKind } from '../../renderer/review/review-items';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';
import { pageList, reopenFolder } from './helpers';

// The specs ask the same engine the app uses which suggestions a page has, then check that the editor offers them
// and applies them; nothing about the pages' text is written here.

/// A page file's text as the app reads it: NFC, LF.
async function pageText(corpusDir: string, file: string): Promise<string> {
  return (await fs.readFile(path.join(corpusDir, file), 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

// The same word-frequency model as electron/services/ocr/language-model.ts: jieba's dictionary.
let model: LanguageModel | undefined;

async function suggestionsOf(corpusDir: string, file: string): Promise<OcrSuggestion[]> {
  model ??= createWordFrequencyModel(parseWordFrequencyList(new TextDecoder('utf-8').decode(dict)));
  return suggestCorrections(await pageText(corpusDir, file), { model });
}

/// The first corpus page with a suggestion of `rule`, and that page's suggestions.
async function pageWith(corpusDir: string, rule: RuleId): Promise<{ file: string; text: string; suggestions: OcrSuggestion[] } | null> {
  for (const file of corpus.pages) {
    const suggestions = await suggestionsOf(corpusDir, file);
    if (suggestions.some((s) => s.rule === rule)) return { file, text: await pageText(corpusDir, file), suggestions };
  }
  return null;
}

/// `text` with the suggestions applied (they must not overlap).
function applied(text: string, suggestions: readonly OcrSuggestion[]): string {
  let result = text;
  for (const s of [...suggestions].sort((a, b) => b.start - a.start)) result = cpSlice(result, 0, s.start) + s.replacement + cpSlice(result, s.end);
  return result;
}

/// The editor's text, lines joined with LF.
function editorText(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Page text' }).evaluate((el) => [...el.querySelectorAll('.pm-line')].map((line) => line.textContent).join('\n'));
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'OCR suggestions' });
}

/// The panel group of a rule, by its English name.
function group(page: Page, name: string): Locator {
  return panel(page).getByRole('group', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

async function openPage(page: Page, file: string): Promise<void> {
  await pageList(page).getByRole('option', { name: file }).click();
  await expect(panel(page).getByRole('status')).toHaveText(/\d+ suggestions?|No suggestions/, { timeout: 20_000 });
}

async function savedSidecar(page: Page, file: string, corpusDir: string): Promise<{ text: string; corrections: unknown[]; rejectedCorrections: unknown[] }> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('Saved at');
  return JSON.parse(await fs.readFile(path.join(corpusDir, `${file}.jiaodui.json`), 'utf8'));
}

test('accepts a reflow: the column-wrapped lines become one paragraph, shown before and after first', async ({ app }) => {
  const { page, corpusDir } = app;
  const found = await pageWith(corpusDir, 'reflow');
  expect(found, 'a corpus page with column-wrapped lines').not.toBeNull();
  const { file, text, suggestions } = found!;
  const reflow = suggestions.find((s) => s.rule === 'reflow')!;
  await openPage(page, file);

  const reflows = group(page, en['review.rule.reflow']);
  await expect(reflows).toHaveAccessibleName(`${en['review.rule.reflow']} (${suggestions.filter((s) => s.rule === 'reflow').length})`);
  const first = reflows.getByRole('listitem').first();
  // The lines it would join carry the margin marker.
  const wrappedLines = cpSlice(text, reflow.start, reflow.end).split('\n').filter((line) => line.trim() !== '').length;
  await expect(page.locator('.pm-line .sugg-layout').first()).toBeVisible();
  expect(await page.locator('.pm-line:has(.sugg-layout)').count()).toBeGreaterThanOrEqual(wrappedLines);

  // Preview: the lines before, the paragraph after.
  await first.getByRole('button', { name: /^Preview/ }).click();
  const before = first.getByRole('group', { name: 'Before' });
  const after = first.getByRole('group', { name: 'After' });
  await expect(before.getByRole('listitem')).toHaveCount(cpSlice(text, reflow.start, reflow.end).split('\n').length);
  await expect(after).toContainText(reflow.replacement.split('\n')[0]!);
  expect(wrappedLines).toBeGreaterThan(1);

  await first.getByRole('button', { name: 'Accept' }).click();
  const expected = applied(text, [reflow]);
  await expect.poll(() => editorText(page)).toBe(expected);
  await expect(page.locator('.pm-line')).toHaveCount(expected.split('\n').length);

  const sidecar = await savedSidecar(page, file, corpusDir);
  expect(sidecar.text).toBe(expected);
  expect(sidecar.corrections.length).toBeGreaterThan(0);
  // Every change on the page came from the reflow, and each correction says so.
  expect(sidecar.corrections).toEqual(sidecar.corrections.map((c) => ({ ...(c as object), rule: 'reflow' })));
});

test('accepts a look-alike fix from the keyboard and records it as a correction', async ({ app }) => {
  const { page, corpusDir } = app;
  let found = await pageWith(corpusDir, 'look-alike');
  if (!found) {
    // No page of this corpus has a look-alike misread: make one from a real page, with 已经 misread as 己经.
    const source = await pageText(corpusDir, corpus.first.file);
    expect(source).toContain('已经');
    await fs.writeFile(path.join(corpusDir, 'look-alike.txt'), source.replace('已经', '己经'));
    await reopenFolder(app, corpusDir);
    const suggestions = await suggestionsOf(corpusDir, 'look-alike.txt');
    found = { file: 'look-alike.txt', text: source.replace('已经', '己经'), suggestions };
  }
  const { file, text, suggestions } = found;
  const lookAlike = suggestions.find((s) => s.rule === 'look-alike');
  expect(lookAlike, 'a look-alike suggestion').toBeDefined();
  await openPage(page, file);

  const misread = cpSlice(text, lookAlike!.start, lookAlike!.end);
  const item = group(page, en['review.rule.look-alike']).getByRole('listitem').first();
  await expect(item.locator('del')).toHaveText(misread);
  await expect(item.locator('ins')).toHaveText(lookAlike!.replacement);
  // The character is underlined (wavy) in the text.
  await expect(page.locator('.sugg-rule-look-alike').first()).toHaveText(misread);

  // Click it in the panel (it becomes current and is selected in the text), then accept with F9.
  await item.getByRole('button').first().click();
  await expect(item).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('F9');
  await expect.poll(() => editorText(page)).toBe(applied(text, [lookAlike!]));
  await expect(page.locator('.corr-changed', { hasText: lookAlike!.replacement }).first()).toHaveAttribute('data-original', misread);

  const sidecar = await savedSidecar(page, file, corpusDir);
  const start = lookAlike!.start;
  // Recorded against the original text, naming the rule that proposed it.
  expect(sidecar.corrections).toContainEqual({ start, end: lookAlike!.end, original: misread, corrected: lookAlike!.replacement, rule: 'look-alike' });
});

test('a rejected suggestion stays rejected after saving and reopening', async ({ app }) => {
  const { corpusDir } = app;
  let page = app.page;
  const file = corpus.first.file;
  const text = await pageText(corpusDir, file);
  const all = await suggestionsOf(corpusDir, file);
  // A character or typography fix the panel lists only once (its line, text and replacement are unique).
  const key = (r: Row) => `${r.title}|${r.del}|${r.ins}`;
  const keys = all.map((s) => key(rowOf(text, s)));
  const target = all.find((s, i) => ruleKind(s.rule) !== 'layout' && keys.indexOf(keys[i]!) === keys.lastIndexOf(keys[i]!));
  expect(target, 'a character or typography suggestion').toBeDefined();
  const row = rowOf(text, target!);
  await openPage(page, file);
  const countBefore = await panel(page).getByRole('listitem').count();
  expect(await rowCount(page, row)).toBe(1);

  // From the top of the page, F8 steps through the suggestions in text order until the target is current.
  await page.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < countBefore && !(await isCurrent(page, row)); i++) await page.keyboard.press('F8');
  expect(await isCurrent(page, row)).toBe(true);
  await page.keyboard.press('Shift+F9');
  await expect(panel(page).getByRole('listitem')).toHaveCount(countBefore - 1);
  expect(await rowCount(page, row)).toBe(0);
  await expect(panel(page)).toContainText('1 rejected');

  const sidecar = await savedSidecar(page, file, corpusDir);
  expect(sidecar.rejectedCorrections).toEqual([
    { rule: target!.rule, start: target!.start, end: target!.end, text: cpSlice(text, target!.start, target!.end), replacement: target!.replacement },
  ]);

  await app.restart();
  page = app.page;
  await openPage(page, file);
  await expect(panel(page).getByRole('listitem')).toHaveCount(countBefore - 1);
  await expect(panel(page)).toContainText('1 rejected');
  expect(await rowCount(page, row)).toBe(0);
});

/// How the panel lists a suggestion: its line, the text and the replacement as shown.
interface Row {
  title: string;
  del: string;
  ins: string;
}

function rowOf(text: string, s: OcrSuggestion): Row {
  const line = cpSlice(text, 0, s.start).split('\n').length;
  return { title: `line ${line}`, del: shown(cpSlice(text, s.start, s.end)), ins: shown(s.replacement) || '∅' };
}

async function panelRows(page: Page): Promise<(Row & { current: boolean })[]> {
  return panel(page)
    .locator('.review-item')
    .evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector('button')?.getAttribute('title') ?? '',
        del: item.querySelector('del')?.textContent ?? '',
        ins: item.querySelector('ins')?.textContent ?? '',
        current: item.getAttribute('aria-current') === 'true',
      })),
    );
}

async function rowCount(page: Page, row: Row): Promise<number> {
  return (await panelRows(page)).filter((r) => r.title === row.title && r.del === row.del && r.ins === row.ins).length;
}

async function isCurrent(page: Page, row: Row): Promise<boolean> {
  return (await panelRows(page)).some((r) => r.current && r.title === row.title && r.del === row.del && r.ins === row.ins);
}

test('accepts all suggestions of a rule in one step, and one undo reverts them', async ({ app }) => {
  const { page, corpusDir } = app;
  // The rule with the most suggestions on a page of the corpus.
  let best: { file: string; rule: RuleId; items: OcrSuggestion[] } | null = null;
  for (const file of corpus.pages) {
    const byRule = new Map<RuleId, OcrSuggestion[]>();
    for (const s of await suggestionsOf(corpusDir, file)) byRule.set(s.rule, [...(byRule.get(s.rule) ?? []), s]);
    for (const [rule, items] of byRule) if (!best || items.length > best.items.length) best = { file, rule, items };
  }
  expect(best, 'a page with suggestions').not.toBeNull();
  const { file, rule, items } = best!;
  expect(items.length).toBeGreaterThan(1);
  // Accept-all skips a suggestion that overlaps an earlier one of the same rule.
  const applicable = items.filter((s, i) => items.slice(0, i).every((earlier) => earlier.end <= s.start));
  const text = await pageText(corpusDir, file);
  await openPage(page, file);

  const name = en[`review.rule.${rule}` as keyof typeof en];
  await expect(group(page, name)).toHaveAccessibleName(`${name} (${items.length})`);
  await panel(page).getByRole('button', { name: `Accept all: ${name}` }).click();
  if (applicable.length === items.length) await expect(group(page, name)).toHaveCount(0);
  const expected = applied(text, applicable);
  await expect.poll(() => editorText(page)).toBe(expected);

  // One undo takes the whole batch back, and the suggestions return.
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe(text);
  await expect(group(page, name)).toHaveAccessibleName(`${name} (${items.length})`, { timeout: 15_000 });

  // Redo, save: the sidecar holds the corrections.
  await page.keyboard.press('Control+y');
  await expect.poll(() => editorText(page)).toBe(expected);
  const sidecar = await savedSidecar(page, file, corpusDir);
  expect(sidecar.text).toBe(expected);
  expect(sidecar.corrections.length).toBeGreaterThan(0);
});

// The panel shows spaces and line breaks as symbols.
function shown(text: string): string {
  return text.replace(/ /g, '␣').replace(/\u3000/g, '□').replace(/\n/g, '↵');
}
