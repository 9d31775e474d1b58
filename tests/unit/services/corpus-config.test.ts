import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { CORPUS_CONFIG_FILE, readCorpusSettings, writeTextSource } from '../../../electron/services/corpus/corpus-config';
import { scanCorpus } from '../../../electron/services/corpus/corpus-scan';
import { openPage } from '../../../electron/services/page/open-page';
import { makeTempCorpus, type TempCorpus } from './temp-corpus';
import { errorWords } from '../../../renderer/i18n/error-words';

const HOCR = "<html><head><meta name='ocr-system' content='tesseract'/></head><body><div class='ocr_page' title='bbox 0 0 100 100'><span class='ocr_line' title='bbox 0 0 50 10'>版面𠮷</span></div></body></html>";

let corpus: TempCorpus;
beforeEach(async () => {
  corpus = await makeTempCorpus();
});
afterEach(async () => {
  await corpus.remove();
});

describe('corpus settings (jiaodui.corpus.json)', () => {
  it('defaults to the layout file first when there is no settings file', async () => {
    expect(await readCorpusSettings(corpus.root)).toEqual({ textSource: 'layout', file: CORPUS_CONFIG_FILE, problem: null });
  });

  it('reads a valid file', async () => {
    await corpus.put(CORPUS_CONFIG_FILE, JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text' }));
    expect((await readCorpusSettings(corpus.root)).textSource).toBe('text');
  });

  it.each([
    ['not JSON', '{ textSource: text', /not valid JSON/],
    ['an unknown source', JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'pdf' }), /textSource/],
    ['a newer version', JSON.stringify({ format: 'jiaodui-corpus', version: 2, textSource: 'text' }), /version/],
    ['an unknown key', JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text', colour: 'red' }), /colour/],
  ])('reports %s in plain words and falls back to the default', async (_name, content, pattern) => {
    await corpus.put(CORPUS_CONFIG_FILE, content);
    const settings = await readCorpusSettings(corpus.root);
    expect(settings.textSource).toBe('layout');
    expect(settings.problem?.message).toMatch(pattern);
    expect(settings.problem?.message).toMatch(/^jiaodui\.corpus\.json: .*default text source/);
    // The renderer words it in Chinese; the file check's reason is passed on as it is.
    expect(errorWords('zh-CN', settings.problem!)).toMatch(/^jiaodui\.corpus\.json：.+ 现使用默认文本来源（优先版面文件）。$/);
  });

  it('still lists and opens pages with the default when the file is malformed', async () => {
    await corpus.put(CORPUS_CONFIG_FILE, '][');
    await corpus.put('p.txt', '文本');
    await corpus.put('p.hocr', HOCR);
    const scan = await scanCorpus(corpus.root);
    expect(scan.ok && scan.value.pages.map((p) => p.path)).toEqual(['p.hocr']);
    const page = await openPage(corpus.root, 'p.hocr');
    expect(page.ok && page.value.text).toBe('版面𠮷');
  });

  it('writes the file atomically (no temp file left) and a rescan follows it', async () => {
    await corpus.put('p.txt', '文本');
    await corpus.put('p.hocr', HOCR);
    const written = await writeTextSource(corpus.root, 'text');
    expect(written.ok && written.value).toEqual({ textSource: 'text', file: CORPUS_CONFIG_FILE, problem: null });
    expect((await corpus.read(CORPUS_CONFIG_FILE)).toString()).toBe('{\n  "format": "jiaodui-corpus",\n  "version": 1,\n  "textSource": "text"\n}\n');
    expect((await readdir(corpus.root)).sort()).toEqual([CORPUS_CONFIG_FILE, 'p.hocr', 'p.txt']);
    const scan = await scanCorpus(corpus.root);
    expect(scan.ok && scan.value.pages.map((p) => [p.path, p.source])).toEqual([['p.txt', 'text']]);
  });
});
