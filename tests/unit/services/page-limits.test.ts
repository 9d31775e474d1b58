// Page limits on the main-process side: a page file over 64 MB, a page text with a line over a million characters
// and a corrected text past the limits are refused as 'too-large' with the numbers; a large layout file and a large
// diff run on the text worker and give what the main process would have computed.
import { truncate } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../electron/services/page/open-page';
import { correctionsOffThread, importLayoutOffThread } from '../../../electron/services/page/off-thread';
import { readPageSource } from '../../../electron/services/page/page-source';
import { corpusFile } from '../../../electron/services/disk/confined-fs';
import { savePage } from '../../../electron/services/page/save-page';
import { importLayout } from '../../../shared/layout/detect';
import { MAX_LINE_CODE_POINTS, MAX_PAGE_CODE_POINTS, MAX_PAGE_FILE_BYTES, OFF_THREAD_DIFF_CODE_POINTS, OFF_THREAD_IMPORT_BYTES } from '../../../shared/limits';
import { computeCorrections } from '../../../shared/model/corrections';
import { sidecarPathOf } from '../../../shared/model/page-files';
import { checkTextLimits } from '../../../shared/text-limits';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

describe('page limits', () => {
  it('refuses a page file over 64 MB before reading it', async () => {
    const abs = await corpus.put('huge.txt', '');
    await truncate(abs, MAX_PAGE_FILE_BYTES + 1);
    const r = await openPage(corpus.root, 'huge.txt');
    expect(r.ok ? null : r.error).toEqual({
      code: 'too-large',
      message: '"huge.txt" is 64.0 MB; Jiaodui opens page files of up to 64.0 MB. Split the page into smaller files.',
      detail: `page-file-bytes=67,108,865/67,108,864`,
      messageId: 'page.fileTooLarge',
      values: { path: 'huge.txt', size: '64.0', limit: '64.0' },
    });
  });

  it('refuses a page with a line of more than a million characters, naming the line', async () => {
    await corpus.put('long.txt', `第一行\n${'𠮷'.repeat(MAX_LINE_CODE_POINTS + 1)}\n`);
    const file = await corpusFile(corpus.root, 'long.txt');
    if (!file.ok) throw new Error(file.error.message);
    const r = await readPageSource(file.value, 'long.txt');
    expect(r.ok ? null : r.error).toEqual({
      code: 'too-large',
      message: '"long.txt": line 2 has 1,000,001 characters; Jiaodui edits lines of up to 1,000,000.',
      detail: 'line-code-points=1000001/1000000; line=2',
      messageId: 'page.lineTooLong',
      values: { path: '"long.txt"', line: '2', count: '1,000,001', limit: '1,000,000' },
    });
  });

  it('counts code points, not UTF-16 units, against the limits', () => {
    expect(checkTextLimits('𠮷'.repeat(MAX_LINE_CODE_POINTS), 'x').ok).toBe(true);
    expect(checkTextLimits(`${'a\n'.repeat(MAX_PAGE_CODE_POINTS / 2)}`, 'x').ok).toBe(true);
    const over = checkTextLimits('a'.repeat(MAX_PAGE_CODE_POINTS + 1), 'The page');
    expect(over.ok ? null : over.error.message).toBe('The page has 20,000,001 characters; Jiaodui handles pages of up to 20,000,000.');
  });

  it('refuses to save a corrected text with a line past the limit, leaving no sidecar', async () => {
    await corpus.put('p.txt', '原文\n');
    const page = await openPage(corpus.root, 'p.txt');
    if (!page.ok) throw new Error(page.error.message);
    const text = 'x'.repeat(MAX_LINE_CODE_POINTS + 5);
    const r = await savePage(corpus.root, { path: 'p.txt', text, status: 'in-progress', entities: [], sourceSha256: page.value.sha256, expectedSidecarHash: null }, 'test');
    expect(r.ok ? null : r.error.code).toBe('too-large');
    expect(r.ok ? '' : r.error.message).toMatch(/^The corrected text of "p\.txt": line 1 has 1,000,005 characters/);
    await expect(corpus.read(sidecarPathOf('p.txt'))).rejects.toThrow(/ENOENT/);
  });
});

describe('work on the text worker', () => {
  it('diffs a long page on the worker with the same corrections as here', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => `第${i}行𠮷，市人大常委会组成人员及机关干部助力疫情防控工作。`);
    const original = lines.join('\n');
    const corrected = lines.map((line, i) => (i % 7 === 0 ? line.replace('助力', '肋力') : line)).join('\n');
    expect(original.length + corrected.length).toBeGreaterThan(OFF_THREAD_DIFF_CODE_POINTS);
    expect(await correctionsOffThread(original, corrected)).toEqual({ ok: true, value: computeCorrections(original, corrected) });
  });

  it('imports a large hOCR file on the worker with the same result as here', async () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `<span class='ocrx_word' title='bbox ${i} 0 ${i + 9} 9; x_wconf 90'>字${i}𠮷</span>`);
    const lines = [];
    for (let i = 0; i < words.length; i += 20) lines.push(`<span class='ocr_line' title='bbox 0 0 9 9'>${words.slice(i, i + 20).join(' ')}</span>`);
    const xml = `<html><body><div class='ocr_page' title='bbox 0 0 100 100'>${lines.join('\n')}</div></body></html>`;
    expect(xml.length).toBeGreaterThan(OFF_THREAD_IMPORT_BYTES);
    expect(await importLayoutOffThread(xml, 'big.hocr', xml.length)).toEqual({ ok: true, value: importLayout(xml, 'big.hocr') });
  });
});
