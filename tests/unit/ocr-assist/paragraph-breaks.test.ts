import { describe, expect, it } from 'vitest';
import { applySafeFixes } from '../../../shared/ocr-assist/suggest';

const fix = (lines: readonly string[]): string[] => applySafeFixes(lines.join('\n')).text.split('\n');

describe('paragraph breaks after reflow', () => {
  it('ends a paragraph at a sentence end that falls two characters short of the column edge', () => {
    // A 16-character column: the 14-character line ending in 。 is the paragraph's last line.
    const lines = [
      '因疫情道路封控，其妻居家待产多日，',
      '今天一早有生产迹象，需要赶紧到医院',
      '待产，万般无奈下向民警求助𠮷。',
      '接到求助后，派出所民警立即将此情况',
      '上报县局指挥部，同时与乡政府沟通。',
    ];
    expect(fix(lines)).toEqual([
      '因疫情道路封控，其妻居家待产多日，今天一早有生产迹象，需要赶紧到医院待产，万般无奈下向民警求助𠮷。',
      '接到求助后，派出所民警立即将此情况上报县局指挥部，同时与乡政府沟通。',
    ]);
  });

  it('joins a sentence that ends exactly at the column edge to the rest of its paragraph', () => {
    const lines = ['因疫情道路封控，其妻居家待产多日。', '今天一早有生产迹象，需要赶紧到医院', '待产。'];
    expect(fix(lines)).toEqual(['因疫情道路封控，其妻居家待产多日。今天一早有生产迹象，需要赶紧到医院待产。']);
  });

  it('keeps a section title without punctuation after a paragraph that ran to the edge', () => {
    const lines = [
      '这是一群可爱的群体，他们坚守岗位，',
      '用行动诠释了担当。你们都是可爱的人。',
      '可爱的志愿者们',
      '作为一名光荣的志愿者，大家来自不同',
      '的群体，有党员也有青年学生。',
    ];
    expect(fix(lines)).toEqual([
      '这是一群可爱的群体，他们坚守岗位，用行动诠释了担当。你们都是可爱的人。',
      '可爱的志愿者们',
      '作为一名光荣的志愿者，大家来自不同的群体，有党员也有青年学生。',
    ]);
  });

  it('keeps a subtitle that opens with a dash under its headline', () => {
    const lines = ['微光如炬疫往无前疫散云开终有时', '——记朔州经济开发区一线工作人员', '“我年轻，让我先来！”他是朔州经济开', '发区的一名工作人员。'];
    expect(fix(lines).slice(0, 2)).toEqual(['微光如炬疫往无前疫散云开终有时', '——记朔州经济开发区一线工作人员']);
  });
});
