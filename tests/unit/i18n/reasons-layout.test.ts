// Issue 16 item 5 (zhui3a): a layout file that cannot be read is explained in the UI language. Each finding of the
// XML validator, each content problem and each limit travels as a reason id with values (the place among them); the
// page opened from the layout file words it inside page.layoutInvalid / page.layoutTooLarge, in English as before
// and in Chinese with no English left but element names.
import { describe, expect, it } from 'vitest';
import { pageSourceFromBytes } from '../../../electron/services/page/page-source';
import { importLayout } from '../../../shared/layout/detect';
import { importAlto } from '../../../shared/layout/alto';
import { validatorReason } from '../../../shared/layout/xml-reasons';
import { FILE_REASONS } from '../../../shared/errors/reasons-files';
import { errorWords } from '../../../renderer/i18n/error-words';
import { messages } from '../../../renderer/i18n/messages';

const EXT_B = '𠮷';

// The words a Chinese reason may contain: format and element names, and tokens of the file.
const NAMES = new Set(['xml', 'json', 'hocr', 'alto', 'page', 'pcgts', 'html', 'ocr_page', 'nul', 'windows', 'ocr', 'true', 'false', 'rrggbb', 'amp', 'id']);
const latinWords = (text: string) => (text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((w) => !NAMES.has(w.toLowerCase()));

// The Chinese and English of opening `xml` as the page file `name`.
function worded(xml: string, name = `版面${EXT_B}.xml`): { en: string; zh: string; id: unknown } {
  const failed = pageSourceFromBytes(new TextEncoder().encode(xml), `sub/${name}`);
  if (failed.ok) throw new Error(`${name} was read although it is malformed`);
  return { en: errorWords('en', failed.error), zh: errorWords('zh-CN', failed.error), id: failed.error.values?.problemReason };
}

describe('layout reasons', () => {
  it('are worded in Chinese without English words (element and format names aside)', () => {
    const zh = messages['zh-CN'] as Record<string, string>;
    for (const id of Object.keys(FILE_REASONS)) expect(latinWords(zh[`reason.${id}`]!), id).toEqual([]);
  });

  it.each([
    ['unclosed', '<alto>\n<Layout>\n', 'layout.xml.cutShort', '第 3 行第 1 列：XML 格式有误：文件在 <Layout>（位于 alto 内）尚未闭合时就结束了，可能被截断'],
    ['wrongClose', `<alto>\n  <Page ID="${EXT_B}">\n  </Layout>\n</alto>`, 'layout.xml.wrongClose', '第 3 行第 3 列：XML 格式有误：此处应闭合 </Page>（在第 2 行第 3 列打开），却出现了 </Layout>'],
    ['closeNotOpened', '<alto></alto></Page>', 'layout.xml.closeNotOpened', '第 1 行第 14 列：XML 格式有误：</Page> 所闭合的元素从未打开'],
    ['closeUnfinished', '<alto></alto', 'layout.xml.closeUnfinished', '第 1 行第 13 列：XML 格式有误：结束标签 </alto> 没有以“>”结尾'],
    ['closeWithAttributes', '<alto></alto x="1">', 'layout.xml.closeWithAttributes', '第 1 行第 7 列：XML 格式有误：结束标签 </alto> 带有属性或多余字符'],
    ['badName', '<alto><1abc/></alto>', 'layout.xml.badName', '第 1 行第 12 列：XML 格式有误：<1abc> 不是有效的元素名'],
    ['spaceAfterLt', '<alto>< Page/></alto>', 'layout.xml.spaceAfterLt', '第 1 行第 8 列：XML 格式有误：“<”后面跟了空格'],
    ['openQuote', '<alto><Page ID="p1></Page></alto>', 'layout.xml.openQuote', '第 1 行第 12 列：XML 格式有误：<Page> 的某个属性值缺少结束引号'],
    ['attrNoSpace', '<alto><Page ID="a"HEIGHT="1"/></alto>', 'layout.xml.attrNoSpace', '第 1 行第 19 列：XML 格式有误：属性 HEIGHT 与前一个属性之间没有空格'],
    ['attrNoValue', '<alto>\n<Layout>\n<Page WIDTH=10>\n</Page>\n</Layout>\n</alto>', 'layout.xml.attrNoValue', '第 3 行第 7 列：XML 格式有误：属性 WIDTH 没有用引号括起的值'],
    ['attrBadName', '<alto><Page 1x="a"/></alto>', 'layout.xml.attrBadName', '第 1 行第 13 列：XML 格式有误：1x 不是有效的属性名'],
    ['attrRepeated', '<alto><Page ID="a" ID="b"/></alto>', 'layout.xml.attrRepeated', '第 1 行第 20 列：XML 格式有误：属性 ID 出现了两次'],
    ['secondRoot', '<alto></alto><alto></alto>', 'layout.xml.secondRoot', '第 1 行第 19 列：XML 格式有误：此处开始了第二个根元素（一个文件只能有一个）'],
    ['ampersand', `<alto>${EXT_B} & b</alto>`, 'layout.xml.ampersand', '第 1 行第 10 列：XML 格式有误：“&”后面不是 &amp; 这样的引用'],
    ['textAfterRoot', '<alto></alto>tail', 'layout.xml.textAfterRoot', '第 1 行第 14 列：XML 格式有误：根元素结束之后还有文字'],
    ['cutShort', '<PcGts><Page><TextRegion>', 'layout.xml.cutShort', '第 1 行第 26 列：XML 格式有误：文件在 <TextRegion>（位于 Page in PcGts 内）尚未闭合时就结束了，可能被截断'],
  ])('words the validator finding %s with its place', (_name, xml, id, chinese) => {
    const { en, zh, id: found } = worded(xml);
    expect(found).toBe(id);
    expect(zh).toBe(`无法读取“sub/版面${EXT_B}.xml”的版面文件：${chinese}`);
    expect(en).toMatch(new RegExp(`^The layout file of "sub/版面${EXT_B}\\.xml" cannot be read: line \\d+, column \\d+: the XML is malformed: `));
  });

  it('counts the column in code points (an Extension B character is one)', () => {
    // 𠮷 is two UTF-16 units; the validator's column counts units, the end-of-file place counts code points.
    expect(importLayout(`<PcGts><Page><TextRegion>\n${EXT_B}${EXT_B}`, 'x.xml')).toMatchObject({ ok: false, error: { line: 2, column: 3 } });
  });

  it.each([
    ['an unknown format', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'x.xml', 'layout.unknownFormat', '这不是 hOCR、ALTO 或 PAGE XML 文件（根元素不是 html、alto、PcGts 中的任何一个）'],
    ['ALTO in millimetres', '<alto><Description><MeasurementUnit>mm10</MeasurementUnit></Description><Layout><Page/></Layout></alto>', 'x.xml', 'layout.notPixels', '坐标单位是 mm10，不是像素；只有像素坐标才能对应到扫描图像上'],
    ['ALTO with two pages', '<alto><Layout><Page/><Page/></Layout></alto>', 'x.xml', 'layout.pages', '文件包含 2 页；校对每个版面文件只读取一页'],
    ['hOCR with no page', '<html><body><p class="x">甲</p></body></html>', 'x.hocr', 'layout.noOcrPage', '没有找到 ocr_page 元素；这看起来不是 hOCR 文件'],
    ['PAGE with no Page', '<PcGts><Metadata/></PcGts>', 'x.xml', 'layout.noPageElement', '文件没有 Page 元素'],
  ])('words %s', (_name, xml, name, id, chinese) => {
    const { zh, id: found, en } = worded(xml, name);
    expect(found).toBe(id);
    expect(zh).toBe(`无法读取“sub/${name}”的版面文件：${chinese}`);
    expect(en).not.toMatch(/\{\w+\}/);
  });

  it('words a layout file past a limit inside page.layoutTooLarge', () => {
    const word = `<span class='ocrx_word' title='bbox 0 0 10 10'>${EXT_B.repeat(10_001)}</span>`;
    const hocr = `<html><body><div class='ocr_page' title='bbox 0 0 100 100'><span class='ocr_line' title='bbox 0 0 10 10'>${word}</span></div></body></html>`;
    const failed = pageSourceFromBytes(new TextEncoder().encode(hocr), 'big.hocr');
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.messageId).toBe('page.layoutTooLarge');
    expect(failed.error.message).toBe('The layout file of "big.hocr" is too large: a word on text line 1 has 10,001 characters; Jiaodui reads words of up to 10,000');
    expect(errorWords('zh-CN', failed.error)).toBe('“big.hocr”的版面文件过大：第 1 个文本行中有一个词长 10,001 个字符；校对读取的词最长 10,000 个字符');
  });

  it('words an empty file', () => {
    const failed = importAlto('  \n', 'x.xml');
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatchObject({ message: 'x.xml: the file is empty', reason: { id: 'layout.empty' } });
    expect(messages['zh-CN']['reason.layout.empty']).toBe('文件是空的');
  });

  it('keeps a validator sentence it does not know, marked as the original English', () => {
    expect(validatorReason({ msg: 'Something new.', line: 4, col: 2 })).toEqual({ id: 'layout.xml.other', values: { line: 4, column: 2, detail: 'Something new.' } });
    expect(validatorReason({ msg: 'Start tag expected.', line: 1 })).toEqual({ id: 'layout.xml.noElement' });
  });
});
