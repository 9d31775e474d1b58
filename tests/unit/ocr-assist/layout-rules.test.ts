import { describe, expect, it } from 'vitest';
import { suggestCorrections } from '../../../shared/ocr-assist/suggest';
import type { OcrSuggestion } from '../../../shared/ocr-assist/types';

/// The text a suggestion replaces, cut by code points as the offsets promise.
const covered = (text: string, s: OcrSuggestion): string => Array.from(text).slice(s.start, s.end).join('');

const column = [
  '记者 刘淑花',
  '',
  '12月1日15时许，一群众来朔城公',
  '安分局沙塄河派出所报警称：11月30',
  '日下午，其智障儿子从家里出门后至今',
  '未归。值班民警接到求助后，立刻组织',
  '警力围绕上沙塄河村周边公路、村庄等',
  '仔细寻找𠮷。经过近两个小时，民警终于在通往朔南大道的核酸检',
  '',
  '测点找到走失的刘某柱。',
  '',
  '助孕妇顺利入院',
  '“我媳妇预产期已超两天了，今天',
  '突然感觉肚子疼痛难忍，估计要生了，',
  '警察同志，麻烦你们帮帮忙……”',
].join('\n');

describe('reflow', () => {
  const suggestions = suggestCorrections(column, { rules: ['reflow'] });

  it('joins column-wrapped lines, across the blank line where a column ended, into one paragraph', () => {
    const first = suggestions[0]!;
    expect(covered(column, first).startsWith('12月1日15时许')).toBe(true);
    expect(first.replacement).toContain('核酸检测点找到走失的刘某柱。');
    expect(first.replacement).not.toContain('\n');
    expect(first.safe).toBe(true);
  });

  it('keeps the byline, the headline and the paragraph breaks around them', () => {
    for (const s of suggestions) {
      expect(s.replacement).not.toContain('记者 刘淑花');
      expect(s.replacement).not.toContain('助孕妇顺利入院');
    }
    expect(suggestions).toHaveLength(2);
    expect(suggestions[1]!.replacement).toBe('“我媳妇预产期已超两天了，今天突然感觉肚子疼痛难忍，估计要生了，警察同志，麻烦你们帮帮忙……”');
  });

  it('counts offsets in code points, so an Extension B character before a block shifts it by one', () => {
    const s = suggestions[1]!;
    expect(covered(column, s).startsWith('“我媳妇')).toBe(true);
    expect(s.end).toBe(Array.from(column).length);
  });

  it('leaves a page of short paragraphs alone', () => {
    const text = '第一段结束了。\n\n第二段也结束了。';
    expect(suggestCorrections(text, { rules: ['reflow'] })).toEqual([]);
  });
});

describe('vertical headline', () => {
  const text = '此例患者的成功救治。\n\n我\n市\n第\n二\n例\n\n连日来，朔城区在临时静态管理区';

  it('joins a headline set one character per line', () => {
    const [s] = suggestCorrections(text, { rules: ['vertical-headline'] });
    expect(s!.replacement).toBe('我市第二例');
    expect(covered(text, s!)).toBe('我\n市\n第\n二\n例');
  });

  it('leaves two stray one-character lines alone', () => {
    expect(suggestCorrections('冬\n𠮷\n\n市区部分', { rules: ['vertical-headline'] })).toEqual([]);
  });
});
