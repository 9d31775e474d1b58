import { describe, expect, it } from 'vitest';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openPage } from '../../../electron/services/page/open-page';
import type { PageData, ScanImage } from '../../../shared/ipc/contract';
import { errorWords } from '../../../renderer/i18n/error-words';
import { useHandlerTable } from './handler-table-fixture';

// A tiny hOCR page: a title line, then two body lines with word boxes (one with a space the .txt lacks).
const HOCR = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' title='image "p.jpg"; bbox 0 0 400 600'>
 <span class='ocr_line' title="bbox 10 20 200 50"><span class='ocrx_word' title='bbox 10 20 200 50; x_wconf 90'>标题</span></span>
 <p class='ocr_par'>
  <span class='ocr_line' title="bbox 10 100 390 130"><span class='ocrx_word' title='bbox 10 100 100 130; x_wconf 80'>𠮷野家</span><span class='ocrx_word' title='bbox 110 100 390 130; x_wconf 60'>开门</span></span>
  <span class='ocr_line' title="bbox 10 140 300 170"><span class='ocrx_word' title='bbox 10 140 300 170; x_wconf 95'>第二行</span></span>
 </p>
</div></body></html>`;
const TEXT = '标题\r\n\r\n𠮷野家开门\r\n第二行\r\n';
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

const t = useHandlerTable();

// Matchers for a list of confidences, each to six decimals.
function near(values: number[]): unknown[] {
  return values.map((value) => expect.closeTo(value, 6));
}

async function opened(rel: string): Promise<PageData> {
  const r = await openPage(t.corpus.root, rel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('openPage with a layout companion', () => {
  it('returns the scan with each layout line linked to its line of the .txt, in image pixels', async () => {
    await t.corpus.put('sub/p.txt', TEXT);
    await t.corpus.put('sub/p.hocr', HOCR);
    await t.corpus.put('sub/p.jpg', JPEG);
    const page = await opened('sub/p.txt');
    expect(page.scanError).toBeNull();
    expect(page.scan).toEqual({
      layoutFile: 'sub/p.hocr',
      image: 'sub/p.jpg',
      imageWidth: 400,
      imageHeight: 600,
      lines: [
        { textLine: 0, region: { x: 10, y: 20, width: 190, height: 30 }, confidence: expect.closeTo(0.9, 6), charConfidences: near([0.9, 0.9]) },
        {
          textLine: 2,
          region: { x: 10, y: 100, width: 380, height: 30 },
          confidence: expect.any(Number),
          // Per code point of the .txt line: 𠮷 counts once, and the word confidences carry over to its characters.
          charConfidences: near([0.8, 0.8, 0.8, 0.6, 0.6]),
        },
        { textLine: 3, region: { x: 10, y: 140, width: 290, height: 30 }, confidence: expect.closeTo(0.95, 6), charConfidences: near([0.95, 0.95, 0.95]) },
      ],
    });
  });

  it('takes a .tif scan beside the page as its image', async () => {
    await t.corpus.put('p.txt', TEXT);
    await t.corpus.put('p.hocr', HOCR);
    await t.corpus.put('p.tif', Uint8Array.from([0x49, 0x49, 0x2a, 0]));
    expect((await opened('p.txt')).scan?.image).toBe('p.tif');
  });

  it('keeps the .txt as the page text', async () => {
    await t.corpus.put('p.txt', TEXT);
    await t.corpus.put('p.hocr', HOCR);
    const page = await opened('p.txt');
    expect(page.originalText).toBe('标题\n\n𠮷野家开门\n第二行\n');
    expect(page.text).toBe(page.originalText);
    expect(page.scan?.image).toBeNull();
  });

  it('opens the page without a scan and says why when the layout file is malformed', async () => {
    await t.corpus.put('p.txt', TEXT);
    await t.corpus.put('p.hocr', HOCR.replace('</p>', ''));
    const page = await opened('p.txt');
    expect(page.scan).toBeNull();
    expect(page.scanError?.message).toMatch(/p\.hocr/);
    expect(page.scanError).toMatchObject({ messageId: 'layout.invalid', values: { path: 'p.hocr' } });
    // The renderer words it in Chinese, the importer's reason (with its place) included.
    expect(errorWords('zh-CN', page.scanError!)).toMatch(/^无法读取版面文件“p\.hocr”：第 \d+ 行第 \d+ 列：XML 格式有误：此处应闭合 <\/p>（在第 \d+ 行第 \d+ 列打开），却出现了 <\/\w+>$/);
    expect(errorWords('en', page.scanError!)).toMatch(/^The layout file "p\.hocr" cannot be read: line \d+, column \d+: the XML is malformed: <\/\w+> is found where <\/p> \(opened on line \d+, column \d+\) should close$/);
    expect(page.originalText).toContain('第二行');
  });

  it('ignores XML beside the page that is not a layout format, and pages without companions', async () => {
    await t.corpus.put('p.txt', TEXT);
    await t.corpus.put('p.xml', '<catalogue><item/></catalogue>');
    await t.corpus.put('q.txt', '乙');
    expect(await opened('p.txt')).toMatchObject({ scan: null, scanError: null });
    expect(await opened('q.txt')).toMatchObject({ scan: null, scanError: null });
  });

  it('does not follow a layout companion that links outside the corpus', async () => {
    const outside = path.join(t.work, 'outside.hocr');
    await writeFile(outside, HOCR);
    await t.corpus.put('p.txt', TEXT);
    await symlink(outside, path.join(t.corpus.root, 'p.hocr'));
    expect((await opened('p.txt')).scan).toBeNull();
  });
});

describe('the page.scanImage channel', () => {
  it('returns a corpus image as base64 with its MIME type', async () => {
    await t.corpus.put('sub/p.jpg', JPEG);
    await t.corpus.put('q.PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
    await t.handlers.openCorpus(t.corpus.root);
    const jpeg = await t.handlers.handle('page.scanImage', ['sub/p.jpg']);
    expect(jpeg).toEqual({ ok: true, value: { mime: 'image/jpeg', base64: Buffer.from(JPEG).toString('base64') } satisfies ScanImage });
    const png = await t.handlers.handle('page.scanImage', ['q.PNG']);
    expect(png.ok && png.value).toMatchObject({ mime: 'image/png' });
    await t.corpus.put('scan.tif', Uint8Array.from([0x49, 0x49, 0x2a, 0]));
    await t.corpus.put('scan2.TIFF', Uint8Array.from([0x4d, 0x4d, 0, 0x2a]));
    const tif = await t.handlers.handle('page.scanImage', ['scan.tif']);
    expect(tif).toEqual({ ok: true, value: { mime: 'image/tiff', base64: Buffer.from([0x49, 0x49, 0x2a, 0]).toString('base64') } });
    const tiff = await t.handlers.handle('page.scanImage', ['scan2.TIFF']);
    expect(tiff.ok && tiff.value).toMatchObject({ mime: 'image/tiff' });
  });

  it('refuses paths that leave the corpus, non-image files and missing images', async () => {
    await t.corpus.put('p.txt', TEXT);
    await t.handlers.openCorpus(t.corpus.root);
    const codeOf = async (rel: unknown) => {
      const r = await t.handlers.handle('page.scanImage', [rel]);
      return r.ok ? null : r.error.code;
    };
    expect(await codeOf('../outside.jpg')).toBe('outside-corpus');
    expect(await codeOf('sub/../../x.png')).toBe('outside-corpus');
    expect(await codeOf('/etc/passwd.jpg')).toBe('outside-corpus');
    expect(await codeOf('p.txt')).toBe('invalid-argument');
    expect(await codeOf('../../etc/passwd')).toBe('invalid-argument');
    expect(await codeOf('missing.jpg')).toBe('not-found');
    expect(await codeOf(42)).toBe('invalid-argument');
  });

  it('needs an open corpus', async () => {
    const r = await t.handlers.handle('page.scanImage', ['p.jpg']);
    expect(r.ok ? null : r.error.code).toBe('no-corpus');
  });
});
