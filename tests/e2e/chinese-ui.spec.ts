// A complete Chinese UI (issue 16 item 5): with the language switched to Chinese, the main screens and dialogs show
// no word of the English catalogue: messages from the main process (an invalid regular expression, a read-only
// sidecar, line endings) are worded in Chinese, and the save time is in the Chinese format.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { messages, translate, type MessageKey } from '../../renderer/i18n/messages';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';

const zh = (key: MessageKey, values?: Record<string, string | number>) => translate('zh-CN', key, values);

// Names and format ids that are the same in both languages (and key names of the shortcuts sheet). "sidecar" is the
// name of Jiaodui's own file kind, glossed in brackets after its Chinese name (附属文件（sidecar）) as docs use it.
const ALLOWED = new Set(
  ('alto tei conll conll-u iob iob2 bio bioes json jsonl csv tsv txt xml html hocr png jpeg gif tiff pdf zip ocr lf crlf cr bom utf-8 utf-16 ' +
    'gb18030 gbk big5 sha-256 nfc unicode ctrl shift alt enter esc tab jiaodui jieba english javascript per loc org doccano label studio ' +
    'inception uima cas xmi webanno w3c web annotation p5 page home end delete backspace space utf- sic corr persname placename orgname nlp brat ann dkpro core json-ld sidecar')
    .split(' '),
);

// Every Latin word (3 letters or more) of the English catalogue that is not a name.
const englishWords = new Set(
  Object.values(messages.en)
    .flatMap((text) => text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => !ALLOWED.has(w)),
);

// The words of the English catalogue left in what `scope` shows: its visible text and the names and hints of its
// controls, without the page text (the newspaper's own words), file names, paths and codes. `folder` is the corpus
// folder's name (shown in the sidebar).
async function englishLeft(scope: Locator, folder: string): Promise<string[]> {
  const shown = await scope.evaluate((root) => {
    const out: string[] = [];
    // The page text (editable or read-only) is the newspaper's own words; the read-only notice's ⓘ holds the JSON
    // parser's own sentence as a technical detail (the Chinese sentence before it says what is wrong). The text's
    // decorations are still checked: the suggestion tooltips are looked at below through their titles.
    const skip = (el: Element) => el.closest('code, .page-list-name, [data-testid="encoding"]') !== null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !skip(parent) && !parent.closest('[role="textbox"]') && parent.checkVisibility()) out.push(node.textContent ?? '');
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skip(el) || !el.checkVisibility()) continue;
      // An absolute path (the corpus folder's title) is a name, not words.
      for (const name of ['aria-label', 'title', 'placeholder']) out.push((el.getAttribute(name) ?? '').replace(/^(\/|[A-Za-z]:\\).*$/, ''));
    }
    return out.join('\n');
  });
  // File-name endings (".original.txt", ".annotations.txt") are names, not words.
  const words = (shown.replaceAll(folder, ' ').replace(/(\.[A-Za-z]+)+\b/g, ' ').match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).map((w) => w.toLowerCase());
  return [...new Set(words.filter((w) => englishWords.has(w)))];
}

let folderName = '';

async function expectChinese(page: Page, scope: Locator = page.locator('body')): Promise<void> {
  await expect.poll(() => englishLeft(scope, folderName)).toEqual([]);
}

test('the Chinese UI shows no English on the page, its dialogs, the dashboard, errors and notices', async ({ app }) => {
  const { page, corpusDir } = app;
  folderName = path.basename(corpusDir);
  // A sidecar that is not JSON makes the second page read-only, with the checker's reason.
  await fs.writeFile(path.join(corpusDir, ...corpus.second.file.split('/')) + '.jiaodui.json', '{ not json', 'utf8');

  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.getByRole('button', { name: zh('language') })).toHaveText('English');
  const list = page.getByRole('listbox', { name: zh('pages') });
  await list.getByRole('option', { name: corpus.first.file, exact: true }).click();
  await expect(page.getByRole('textbox', { name: zh('pageText') })).toContainText(corpus.first.headline);
  await expect(page.getByTestId('line-ending')).not.toHaveText('');
  await expectChinese(page);

  // A save: the time is in the Chinese format (24-hour, no AM/PM).
  // (selectInEditor names the editor in English, so the caret goes to the start of the text here.)
  await page.getByRole('textbox', { name: zh('pageText') }).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('𠮷');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^已于 \d{1,2}:\d{2}:\d{2} 保存$/);

  // The shortcuts sheet.
  await page.getByRole('button', { name: zh('shortcuts') }).click();
  const sheet = page.getByRole('dialog', { name: zh('shortcuts') });
  await expect(sheet).toBeVisible();
  await expectChinese(page, sheet);
  await page.keyboard.press('Escape');

  // The export dialog.
  await page.getByRole('button', { name: zh('export'), exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: zh('export.title') });
  await expect(exportDialog).toBeVisible();
  await expectChinese(page, exportDialog);
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();

  // Batch find and replace with an invalid regular expression: the engine's reason is in Chinese too.
  await page.getByRole('button', { name: zh('batch.open') }).click();
  const batch = page.getByRole('dialog', { name: zh('batch.title') });
  await batch.getByRole('radio', { name: zh('batch.mode.regex') }).check();
  await batch.getByRole('textbox', { name: zh('batch.find') }).fill('(');
  await batch.getByRole('button', { name: zh('batch.search'), exact: true }).click();
  await expect(batch.getByRole('alert')).toHaveText('“(”不是有效的正则表达式：分组未闭合');
  await expectChinese(page, batch);
  // One-character mode with two characters, the second an Extension B character.
  await batch.getByRole('radio', { name: zh('batch.mode.character') }).check();
  await batch.getByRole('textbox', { name: zh('batch.find') }).fill('己𠮷');
  await batch.getByRole('button', { name: zh('batch.search'), exact: true }).click();
  await expect(batch.getByRole('alert')).toHaveText('单字模式只查找一个字符；“己𠮷”有 2 个字符。较长的文本请用普通模式。');
  await page.keyboard.press('Escape');
  await expect(batch).toBeHidden();

  // Corpus settings.
  await page.getByRole('button', { name: zh('corpusSettings.open') }).click();
  const settings = page.getByRole('dialog', { name: zh('corpusSettings.title') });
  await expect(settings).toBeVisible();
  await expectChinese(page, settings);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // The dashboard.
  await page.getByRole('button', { name: zh('dashboard.open') }).click();
  await expect(page.getByRole('heading', { name: zh('dashboard.title') })).toBeVisible();
  await expectChinese(page);
  await page.getByRole('button', { name: zh('dashboard.open') }).click();

  // The read-only page: its notice and the problem it names (line and column of the JSON) are Chinese.
  await list.getByRole('option', { name: corpus.second.file, exact: true }).click();
  const banner = page.locator('.read-only-banner');
  await expect(banner).toContainText(zh('readonly.sidecar-invalid-json'));
  await expectChinese(page);
});
