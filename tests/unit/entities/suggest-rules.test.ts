import { describe, expect, it } from 'vitest';
import { suggestDates } from '../../../shared/entities/suggest/rules-date';
import { suggestPersons } from '../../../shared/entities/suggest/rules-person';
import { ORGANISATION_SUFFIXES, PLACE_SUFFIXES, suggestBySuffix } from '../../../shared/entities/suggest/rules-suffix';
import { expectOffsetsMatch, texts } from './suggestion-helpers';


describe('person rules', () => {
  it('finds the names after 记者 and 通讯员 in a byline', () => {
    const text = '𠮷\n本报记者 张三丰 李四\n通讯员王小明';
    const found = suggestPersons(text);
    expect(texts(found)).toEqual(['张三丰', '李四', '王小明']);
    expect(found.every((s) => s.type === 'PER' && s.source === 'rule' && s.confidence >= 0.8)).toBe(true);
    expectOffsetsMatch(text, found);
  });

  it('does not take the words after 记者 in running text for a name', () => {
    expect(suggestPersons('他告诉记者，接受记者采访时说')).toEqual([]);
  });

  it('finds names alone on a byline line', () => {
    expect(texts(suggestPersons('标题\n\n赵一 钱二多\n\n正文'))).toEqual(['赵一', '钱二多']);
  });

  it('finds names after a title, including lists joined by 、', () => {
    expect(texts(suggestPersons('副县长陈大明、周红，局长欧阳小华说'))).toEqual(['陈大明', '周红', '欧阳小华']);
  });

  it('guesses a two-character name when the next character usually follows names', () => {
    expect(texts(suggestPersons('民警张强巡查时发现'))).toEqual(['张强']);
    expect(texts(suggestPersons('队长李建国带领队员'))).toEqual(['李建国']);
  });
});

describe('place rules', () => {
  const places = (text: string) => suggestBySuffix(text, PLACE_SUFFIXES, 'LOC', 0.7);

  it('finds places by administrative suffix with a sensible left edge', () => {
    const text = '𠮷，他深入阳泉市荫营镇和大同县，到过阳光花园小区';
    const found = places(text);
    expect(texts(found)).toEqual(['阳泉市', '荫营镇', '大同县', '阳光花园小区']);
    expectOffsetsMatch(text, found);
  });

  it('splits chained administrative units', () => {
    expect(texts(places('来自平城区新建街道'))).toEqual(['平城区', '新建街道']);
  });

  it('ignores generic nouns ending in a place suffix', () => {
    expect(places('高风险区、市区、各社区和重点小区都要管好，市场也开了')).toEqual([]);
  });
});

describe('organisation rules', () => {
  const orgs = (text: string) => suggestBySuffix(text, ORGANISATION_SUFFIXES, 'ORG', 0.75);

  it('finds organisations by suffix, keeping the place inside them', () => {
    expect(texts(orgs('近日，大同市卫生健康委员会及平城区人民医院、市公安局发布通知'))).toEqual([
      '大同市卫生健康委员会',
      '平城区人民医院',
      '市公安局',
    ]);
  });

  it('drops counts and generic stems before the suffix', () => {
    expect(orgs('全市12家连锁药店和一名药店员工顾全大局')).toEqual([]);
  });
});

describe('date rules', () => {
  it('finds full dates, months with days, years and times of day', () => {
    const text = '𠮷2022年12月1日，11月30日下午，2023年，十一月三日上午9时，从16日到28日';
    const found = suggestDates(text);
    expect(texts(found)).toEqual(['2022年12月1日', '11月30日下午', '2023年', '十一月三日上午9时', '16日', '28日']);
    expectOffsetsMatch(text, found);
  });

  it('does not read counts of days or months as dates', () => {
    expect(suggestDates('连续奋战14天，三个月，每月两次')).toEqual([]);
  });
});
