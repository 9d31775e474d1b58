import { describe, expect, it } from 'vitest';
import { suggestPersons } from '../../../shared/entities/suggest/rules-person';
import { expectOffsetsMatch, texts } from './suggestion-helpers';


describe('people named by what surrounds them', () => {
  it('finds a byline name cut by a column wrap, and a name on the line after the byline word', () => {
    const text = '𠮷（记者 吴晓峰 通讯员 邵一\n鸣）“老人家”\n（记者 潘宇航 通讯员\n严丽君）初冬';
    const found = suggestPersons(text);
    expect(texts(found)).toEqual(['吴晓峰', '邵一\n鸣', '潘宇航', '严丽君']);
    expectOffsetsMatch(text, found);
  });

  it('finds the page credits after 本版责任编辑 and 校对', () => {
    expect(texts(suggestPersons('本版责任编辑 周敏\u3000校对 汪晨\n'))).toEqual(['周敏', '汪晨']);
  });

  it('finds a speaker before a speech verb, but not a form of address', () => {
    expect(texts(suggestPersons('此时，钟建林说，“我们找了一夜。”'))).toEqual(['钟建林']);
    expect(texts(suggestPersons('她对楼巧玲表示感谢'))).toEqual(['楼巧玲']);
    expect(texts(suggestPersons('王大妈说，李师傅介绍，由于老人说不清'))).toEqual([]);
  });

  it('finds a name after a kinship word or an occupation only where its end is clear', () => {
    expect(texts(suggestPersons('老人的儿子钟建林正和亲友寻找。丈夫雷小军也在温州。'))).toEqual(['钟建林', '雷小军']);
    expect(texts(suggestPersons('六年级学生何雨桐已经学了四年'))).toEqual(['何雨桐']);
    // 市民 stands before ordinary words too: 温暖过冬 is no name.
    expect(texts(suggestPersons('保障市民温暖过冬'))).toEqual([]);
  });

  it('ends a name before a verb that follows names after a title', () => {
    expect(texts(suggestPersons('市政府秘书长傅强出席会议'))).toEqual(['傅强']);
  });

  it('finds a person before 的 and a kinship word', () => {
    expect(texts(suggestPersons('，蓝美芳的丈夫在外打工'))).toEqual(['蓝美芳']);
  });

  it('reads an anonymised name with its third character before 等', () => {
    expect(texts(suggestPersons('向吴某芳、郑某平等6人许诺'))).toEqual(['吴某芳', '郑某平']);
  });

  it('finds dotted transliterated names, not a dotted pair of ordinary words', () => {
    const text = '也门籍客商阿卜杜拉·萨利赫在义乌，𠮷戴维·米勒说';
    const found = suggestPersons(text);
    expect(texts(found)).toContain('阿卜杜拉·萨利赫');
    expect(texts(found)).toContain('戴维·米勒');
    expectOffsetsMatch(text, found);
    expect(texts(suggestPersons('金华日报\u3000综合·民生'))).toEqual([]);
  });
});
