import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
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
    ['not JSON', '{ textSource: text', /not valid JSON \(line 1, column 3\)/, '这不是有效的 JSON（第 1 行第 3 列）'],
    ['JSON cut short', '{ "format": "jiaodui-corpus",\n', /ends too early/, '这不是有效的 JSON：内容提前结束（文件可能被截断）'],
    ['an unknown source', JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'pdf' }), /textSource must be "layout" \| "text"/, 'textSource 必须是 "layout" | "text"'],
    ['a newer version', JSON.stringify({ format: 'jiaodui-corpus', version: 2, textSource: 'text' }), /version must be 1/, 'version 必须是 1'],
    ['an unknown key', JSON.stringify({ format: 'jiaodui-corpus', version: 1, textSource: 'text', colour: 'red' }), /does not know: colour/, 'jiaodui.corpus.json 含有校对不认识的字段：colour'],
    ['a missing field', JSON.stringify({ format: 'jiaodui-corpus', version: 1 }), /textSource is missing/, '缺少 textSource'],
  ])('reports %s in plain words and falls back to the default', async (_name, content, pattern, chinese) => {
    await corpus.put(CORPUS_CONFIG_FILE, content);
    const settings = await readCorpusSettings(corpus.root);
    expect(settings.textSource).toBe('layout');
    expect(settings.problem?.message).toMatch(pattern);
    expect(settings.problem?.message).toMatch(/^jiaodui\.corpus\.json: .*\. The default text source \(layout file first\) is used\.$/);
    // The renderer words the reason in the UI language: no English in the Chinese sentence.
    expect(errorWords('zh-CN', settings.problem!)).toBe(`jiaodui.corpus.json：${chinese}。现使用默认文本来源（优先版面文件）。`);
    expect(errorWords('en', settings.problem!)).toBe(settings.problem?.message);
  });

  it('shows the first of several problems with the count of the others; the English lists them all', async () => {
    await corpus.put(CORPUS_CONFIG_FILE, JSON.stringify({ version: 3 }));
    const settings = await readCorpusSettings(corpus.root);
    expect(settings.problem?.message).toBe('jiaodui.corpus.json: format is missing; version must be 1; textSource is missing. The default text source (layout file first) is used.');
    expect(errorWords('zh-CN', settings.problem!)).toBe('jiaodui.corpus.json：缺少 format（另有 2 个问题）。现使用默认文本来源（优先版面文件）。');
    expect(errorWords('en', settings.problem!)).toBe('jiaodui.corpus.json: format is missing (and 2 more problem(s)). The default text source (layout file first) is used.');
  });

  it('words a settings file that cannot be read by the OS error’s code', async () => {
    await mkdir(path.join(corpus.root, CORPUS_CONFIG_FILE));
    const settings = await readCorpusSettings(corpus.root);
    expect(settings.textSource).toBe('layout');
    expect(settings.problem?.message).toMatch(/^jiaodui\.corpus\.json cannot be read \(EISDIR.*\); the default text source/);
    expect(errorWords('zh-CN', settings.problem!)).toBe('无法读取 jiaodui.corpus.json（这是文件夹，不是文件）；现使用默认文本来源（优先版面文件）。');
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
