// Issue 16 item 5 (zhui3a): in the Chinese UI, why a layout or settings file cannot be used is said in Chinese.
// A page whose layout file is malformed, the same file as a page's scan companion, a corpus settings file, an
// ignore list and a tag-set file that break their schema: each screen shows its reason in Chinese, with no Latin word left but file
// names and the file's own tokens (element and field names, values).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { translate, type MessageKey } from '../../renderer/i18n/messages';
import { corpusDataDir } from '../../electron/services/app/corpus-data-dir';
import { expect, test } from './fixtures';
import { reopenFolder } from './helpers';

const zh = (key: MessageKey, values?: Record<string, string | number>) => translate('zh-CN', key, values);

// An ALTO file whose <Page> is closed by </Layout> on line 3.
const BROKEN_ALTO = '<alto>\n  <Layout><Page ID="𠮷">\n  </Layout>\n</alto>\n';

// Format names, the same in every language.
const FORMATS = new Set(['XML', 'JSON', 'ALTO', 'hOCR', 'PAGE']);

// The Latin words of what `scope` shows, once file names, format names and the given tokens of the files are
// taken out.
async function latinLeft(scope: Locator, tokens: readonly string[]): Promise<string[]> {
  let text = await scope.innerText();
  text = text.replace(/[\w.-]+\.(?:xml|json|txt|hocr)(?:\.broken-\S*)?/g, ' ');
  for (const token of tokens) text = text.replaceAll(token, ' ');
  return (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !FORMATS.has(word));
}

test('the Chinese UI says in Chinese why a layout, settings or tag-set file cannot be used', async ({ app }) => {
  const { page, corpusDir } = app;
  await fs.writeFile(path.join(corpusDir, 'broken.txt'), '甲乙丙\n', 'utf8');
  await fs.writeFile(path.join(corpusDir, 'broken.xml'), BROKEN_ALTO, 'utf8');
  await fs.writeFile(path.join(corpusDir, 'jiaodui.corpus.json'), JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'both' }), 'utf8');
  const tagset = { format: 'jiaodui-tagset', version: 1, types: [{ id: 'PER', label: '人名', colour: 'red', key: '1' }] };
  await fs.writeFile(path.join(corpusDir, 'jiaodui.tagset.json'), JSON.stringify(tagset), 'utf8');
  // The corpus's ignore list (in the app's data folder) with an entry that lacks its rule.
  const data = corpusDataDir(path.join(app.stateDir, 'state.json'), corpusDir);
  await fs.mkdir(data, { recursive: true });
  await fs.writeFile(path.join(data, 'ignored.json'), JSON.stringify({ format: 'jiaodui-ignore-list', version: 1, entries: [{ kind: 'entity', text: '𠮷' }] }), 'utf8');
  await reopenFolder(app, corpusDir);

  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.getByRole('button', { name: zh('language') })).toHaveText('English');
  const list = page.getByRole('listbox', { name: zh('pages') });

  // The layout file is the page's text (the settings file is not usable, so the default source is used): it does
  // not open, and the reason names the place in Chinese.
  await list.getByRole('option', { name: 'broken.xml', exact: true }).click();
  const opened = page.getByRole('alert').filter({ hasText: 'broken.xml' });
  await expect(opened).toHaveText(zh('err.page.layoutInvalid', { path: 'broken.xml', problem: '第 3 行第 3 列：XML 格式有误：此处应闭合 </Page>（在第 2 行第 11 列打开），却出现了 </Layout>' }));
  expect(await latinLeft(opened, ['</Page>', '</Layout>'])).toEqual([]);

  // The corpus settings file: the field and its allowed values are the file's own tokens.
  await page.getByRole('button', { name: zh('corpusSettings.open') }).click();
  const settings = page.getByRole('dialog', { name: zh('corpusSettings.title') });
  const settingsProblem = settings.getByRole('alert').filter({ hasText: 'jiaodui.corpus.json' });
  await expect(settingsProblem).toHaveText(zh('corpusSettings.problem', { message: zh('err.corpusSettings.unusable', { file: 'jiaodui.corpus.json', problem: 'textSource 必须是 "layout" | "text"' }) }));
  expect(await latinLeft(settingsProblem, ['textSource', '"layout"', '"text"'])).toEqual([]);
  // Its ignore list section: the first problem of the list file.
  await settings.getByRole('button', { name: zh('ignore.open') }).click();
  const ignoreProblem = settings.getByRole('alert').filter({ hasText: 'ignored.json' });
  await expect(ignoreProblem).toHaveText(zh('ignore.problem', { message: zh('err.ignore.malformed', { file: 'ignored.json', problem: '缺少 entries[0].rule' }) }));
  expect(await latinLeft(ignoreProblem, ['entries[0].rule'])).toEqual([]);
  await settings.getByRole('button', { name: zh('corpusSettings.cancel') }).click();
  await expect(settings).toHaveCount(0);

  // The tag-set file: the field's path as written in the file, the rule in Chinese.
  await page.getByRole('button', { name: zh('tagset.title') }).click();
  const types = page.getByRole('dialog', { name: zh('tagset.title') });
  const typesProblem = types.getByRole('alert');
  await expect(typesProblem).toContainText(zh('tagset.malformed', { problem: zh('err.tagset.malformed', { file: 'jiaodui.tagset.json', problem: 'types[0].colour：颜色写作 #rrggbb' }) }));
  expect(await latinLeft(typesProblem, ['types[0].colour', '#rrggbb'])).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(types).toHaveCount(0);

  // With the .txt files as the text source, the same layout file is the page's scan companion: the page opens
  // without its scan, and says why in Chinese.
  await page.getByRole('button', { name: zh('corpusSettings.open') }).click();
  await settings.getByRole('radio', { name: zh('corpusSettings.textSource.text') }).check();
  await settings.getByRole('button', { name: zh('corpusSettings.apply') }).click();
  await expect(settings).toHaveCount(0);
  await list.getByRole('option', { name: 'broken.txt', exact: true }).click();
  await expect(page.getByRole('textbox', { name: zh('pageText') })).toContainText('甲乙丙');
  const scanProblem = page.locator('.scan-layout-error');
  await expect(scanProblem).toHaveText(zh('scan.layoutError', { message: zh('err.layout.invalid', { path: 'broken.xml', problem: '第 3 行第 3 列：XML 格式有误：此处应闭合 </Page>（在第 2 行第 11 列打开），却出现了 </Layout>' }) }));
  expect(await latinLeft(scanProblem, ['</Page>', '</Layout>'])).toEqual([]);
});
