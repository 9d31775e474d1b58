import { describe, expect, it } from 'vitest';
import { applySafe, suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { RuleId } from '../../../shared/ocr-assist/types';

const fix = (text: string, rule: RuleId): string => applySafe(text, suggestCorrections(text, { rules: [rule] })).text;

describe('cjk spacing', () => {
  it('removes spaces OCR put between single Chinese characters', () => {
    expect(fix('区 。 党 员 年 龄 横 跨', 'cjk-spacing')).toBe('区。党员年龄横跨');
  });

  it('removes spaces around numbers and before full-width punctuation', () => {
    expect(fix('报警称：11 月 30 日 ，其', 'cjk-spacing')).toBe('报警称：11月30日，其');
  });

  it('keeps bylines, slogans, Latin words and indentation', () => {
    for (const text of ['记者 刘淑花', '闻令动 显真情 铸忠诚', '本通 摄', 'New York 时报', '  为快速阻断疫情传播']) {
      expect(suggestCorrections(text, { rules: ['cjk-spacing'] })).toEqual([]);
    }
  });

  it('reports code-point offsets after an Extension B character', () => {
    const [s] = suggestCorrections('𠮷野 12 月', { rules: ['cjk-spacing'] });
    expect(s!.start).toBe(2);
    expect(s!.end).toBe(3);
  });
});

describe('punctuation width', () => {
  it('makes half-width commas, colons and semicolons full-width in Chinese text', () => {
    expect(fix('逆城区: 全力保障,坚守岗位; 二是', 'punctuation-width')).toBe('逆城区：全力保障，坚守岗位；二是');
  });

  it('keeps the colon of a time, the point of a number and punctuation in Latin text', () => {
    for (const text of ['16:30手术开始', '17:\n25手术结束', '增长3.5倍', 'Hello, world: yes.']) {
      expect(suggestCorrections(text, { rules: ['punctuation-width'] })).toEqual([]);
    }
  });

  it('turns straight quotes into opening and closing quotes', () => {
    expect(fix('变身"大白"，逆行', 'punctuation-width')).toBe('变身“大白”，逆行');
    expect(fix('变身“大白"，逆行', 'punctuation-width')).toBe('变身“大白”，逆行');
  });

  it('suggests full-width brackets only for review', () => {
    const suggestions = suggestCorrections('配好(药品)了', { rules: ['punctuation-width'] });
    expect(suggestions.map((s) => s.replacement)).toEqual(['（', '）']);
    expect(suggestions.every((s) => !s.safe)).toBe(true);
  });

  it('counts offsets in code points', () => {
    const [s] = suggestCorrections('𠮷野家,好', { rules: ['punctuation-width'] });
    expect(s).toMatchObject({ start: 3, end: 4, replacement: '，' });
  });
});

describe('unbalanced quotes', () => {
  it('suggests the closing quote OCR lost before a new quotation, for review', () => {
    const text = '“李大爷，药来了。 “我刚打了电话”';
    const [s] = suggestCorrections(text, { rules: ['punctuation-width'] });
    expect(s).toMatchObject({ start: 9, end: 10, replacement: '”', safe: false });
  });

  it('says nothing when every quotation is closed', () => {
    expect(suggestCorrections('“好。”“我刚打了电话”', { rules: ['punctuation-width'] })).toEqual([]);
  });
});

describe('quote pairing of the whole paragraph', () => {
  const quotes = (text: string) => suggestCorrections(text, { rules: ['punctuation-width'] });

  it('proposes no closing quote before a correct opening quote that a word or a line break leads into', () => {
    // An article cut off by the page's reading order leaves a quotation open; the next paragraphs are correct.
    const cut = '“接单位紧急通知，你被抽调到市局机关疫情防控应急预备队，开\n';
    expect(quotes(`${cut}连日来，符合相关创建条件的居民小区开展\n“无疫小区”创建活动。`)).toEqual([]);
    expect(quotes(`${cut}徐师傅把自己在部队时学到的理发手艺重新“拾掇”起来，义务为职工理发。`)).toEqual([]);
    expect(quotes(`${cut}争创“无疫小区”，人人有责。`)).toEqual([]);
  });

  it('proposes no closing quote in a paragraph whose quotes pair up', () => {
    // A quotation of several sentences, with a space OCR read after one of them, is closed at its end.
    expect(quotes('他说：“今天很冷。 大家要多穿衣服。”随后离开。')).toEqual([]);
    // Two quotations, each closed, the second after a sentence end.
    expect(quotes('“好。”“我刚打了电话。”')).toEqual([]);
  });

  it('still proposes the closing quote the pairing asks for, after the sentence that ends the quotation', () => {
    const [s] = quotes('𠮷“李大爷，药来了。\n“我刚打了电话”');
    // Inserted after 。, the line break kept.
    expect(s).toMatchObject({ start: 10, end: 10, replacement: '”', safe: false });
    const [t] = quotes('“我刚打了电话，谢谢你们。 ……一大早，他就出门了。');
    expect(t).toMatchObject({ start: 13, end: 14, replacement: '”' });
  });

  it('keeps a quotation open across a column break that it closes after', () => {
    const text = '“我媳妇预产期已超两天了，\n\n警察同志，麻烦你们帮帮忙……”\n\n“好。”';
    expect(quotes(text)).toEqual([]);
  });
});

describe('quotes across paragraphs', () => {
  it('forgets a quotation left open before a blank line', () => {
    const text = '“接单位紧急通知，你被抽调到\n\n徐师傅把理发手艺重新“拾掇”起来';
    expect(suggestCorrections(text, { rules: ['punctuation-width'] })).toEqual([]);
  });
});
