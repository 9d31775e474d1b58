// Reasons inside main-process messages in the Chinese UI (issue 16 item 5, part b): a page whose sidecar is not
// valid JSON, or does not match the schema, says where in Chinese (line and column, the field) instead of the
// parser's English; an export of such a page says why it was exported uncorrected, in Chinese too.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { translate, type MessageKey } from '../../renderer/i18n/messages';
import { corpus } from './corpus-profile';
import { expect, test } from './fixtures';

const zh = (key: MessageKey, values?: Record<string, string | number>) => translate('zh-CN', key, values);

// Latin words in what `scope` shows (text, titles, labels), apart from file names, format names, JSON keys quoted
// in the reason, a JSON path and OS codes (a field name, a token of the file, is passed in `names`).
async function latinWords(scope: Locator, names: string[]): Promise<string[]> {
  const shown = await scope.evaluate((root) => {
    const out = [root.textContent ?? ''];
    for (const el of [root, ...root.querySelectorAll('[title], [aria-label]')]) out.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '');
    return out.join('\n');
  });
  let text = shown;
  for (const name of names) text = text.replaceAll(name, ' ');
  text = text.replace(/“[^”]*”|"[^"]*"|\$[\w.[\]]*|\b[A-Z0-9-]{2,}\b|\bsidecar\b|\bjiaodui\b/gi, ' ');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

test('read-only notices and export problems give their reasons in Chinese', async ({ app }) => {
  const { page, corpusDir } = app;
  const sidecarOf = (file: string) => path.join(corpusDir, ...file.split('/')) + '.jiaodui.json';
  // Not JSON (it breaks at line 2, column 3), and a sidecar whose status is no review status.
  await fs.writeFile(sidecarOf(corpus.first.file), '{\n  not json', 'utf8');
  const sidecar = {
    format: 'jiaodui-sidecar',
    schemaVersion: 3,
    app: { name: 'jiaodui', version: '1.0.0' },
    source: { file: corpus.second.file, format: 'text', bytes: 1, sha256: 'a'.repeat(64), encoding: 'UTF-8', bom: false, lineEnding: 'LF' },
    status: 'done',
    created: '2026-12-08T00:00:00Z',
    modified: '2026-12-08T00:00:00Z',
    text: '𠮷',
    moves: [],
    corrections: [],
    entities: [],
    lineOrigins: [],
    rejectedEntities: [],
    rejectedCorrections: [],
  };
  await fs.writeFile(sidecarOf(corpus.second.file), JSON.stringify(sidecar), 'utf8');

  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.getByRole('button', { name: zh('language') })).toHaveText('English');
  const list = page.getByRole('listbox', { name: zh('pages') });

  await list.getByRole('option', { name: corpus.first.file, exact: true }).click();
  const banner = page.locator('.read-only-banner');
  await expect(banner).toContainText(zh('readonly.sidecar-invalid-json'));
  await expect(banner).toContainText('具体问题：这不是有效的 JSON（第 2 行第 3 列）。');
  expect(await latinWords(banner, [corpus.first.file])).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('read-only-json-zh.png') });

  await list.getByRole('option', { name: corpus.second.file, exact: true }).click();
  await expect(banner).toContainText(zh('readonly.sidecar-schema'));
  // The schema problem by kind, with the field (a token of the file) and the values it may take.
  await expect(banner).toContainText('具体问题：status 必须是 "unreviewed" | "in-progress" | "reviewed" | "needs-attention"。');
  expect(await latinWords(banner, [corpus.second.file, 'status'])).toEqual([]);

  // Export the whole corpus as corrected text: both pages go out uncorrected, and the report says why in Chinese.
  await page.getByRole('button', { name: zh('export'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: zh('export.title') });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: zh('export.scope.all', { count: corpus.pages.length }) }).check();
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaodui-e2e-reasons-b-'));
  try {
    // The harness's folder picker, in Chinese (the fixture's chooseFolder names it in English).
    await dialog.getByRole('button', { name: zh('export.chooseFolder') }).click();
    const picker = page.getByRole('dialog', { name: zh('folderPickerTitle') });
    await picker.getByRole('textbox', { name: zh('folderPath') }).fill(outDir);
    await picker.getByRole('button', { name: zh('useThisFolder') }).click();
    await dialog.getByRole('button', { name: zh('export.start'), exact: true }).click();
    const problems = dialog.getByRole('list', { name: zh('export.problems', { count: 2 }) });
    await expect(problems).toBeVisible();
    const json = problems.getByRole('listitem').filter({ hasText: corpus.first.file });
    await expect(json).toContainText('其已保存的校改无法使用，因此导出的是未经校对、未标注的原文：这不是有效的 JSON（第 2 行第 3 列）');
    await expect(problems.getByRole('listitem').filter({ hasText: corpus.second.file })).toContainText(/^\S+：其已保存的校改无法使用，因此导出的是未经校对、未标注的原文：status 必须是/);
    expect(await latinWords(problems, [corpus.first.file, corpus.second.file, outDir, 'status'])).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('export-problems-zh.png') });
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
});
