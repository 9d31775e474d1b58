import { describe, expect, it } from 'vitest';
import { JiebaTagger } from '../../../../electron/services/entities/jieba-tagger';
import { suggestEntities, type EntitySuggestion } from '../../../../shared/entities/suggest/index';
import { isTransliterated } from '../../../../shared/entities/suggest/transliteration';
import { isWorldPlace } from '../../../../shared/entities/suggest/world-places';
import { expectOffsetsMatch } from '../suggestion-helpers';

// The default suggesters as the CLI runs them out of the box: rules + jieba, no corpus knowledge.
const tagger = new JiebaTagger();
const suggest = (text: string) => suggestEntities(text, { sources: ['rule', 'segmenter'], tagger });
const typed = (found: readonly EntitySuggestion[]) => found.map((s) => `${s.type}:${s.text}`);

describe('transliteration characters and world places', () => {
  it('recognises words written only in transliteration characters', () => {
    expect(isTransliterated('克林顿')).toBe(true);
    expect(isTransliterated('基里延科')).toBe(true);
    expect(isTransliterated('张三')).toBe(false);
    expect(isTransliterated('斯', 2)).toBe(false);
  });

  it('knows continents and major world cities', () => {
    expect(isWorldPlace('莫斯科')).toBe(true);
    expect(isWorldPlace('东南亚')).toBe(true);
    expect(isWorldPlace('东西')).toBe(false);
  });
});

describe('foreign names from the segmenter', () => {
  it('suggests a foreign person the segmenter tags, with code-point offsets after 𠮷', () => {
    const text = '𠮷美国总统克林顿说，他将访问莫斯科。';
    const found = suggest(text);
    expect(typed(found)).toEqual(expect.arrayContaining(['PER:克林顿', 'LOC:莫斯科', 'LOC:美国']));
    expectOffsetsMatch(text, found);
    expect(found.find((s) => s.text === '克林顿')!.start).toBe(5);
  });

  it('joins a foreign name written in parts with ·', () => {
    expect(typed(suggest('会见了美国前商务部长芭芭拉·弗兰克林。'))).toContain('PER:芭芭拉·弗兰克林');
  });

  it('reads a transliterated name as a place where a place word follows', () => {
    expect(typed(suggest('双方在克什米尔问题上分歧很大。'))).toContain('LOC:克什米尔');
  });

  it('does not take a currency after a number for a name', () => {
    expect(typed(suggest('每袋化肥提价1卢比。')).filter((t) => t.startsWith('PER'))).toEqual([]);
  });

  it('finds the person named at the start of a doctrine word', () => {
    expect(typed(suggest('认真学习马克思主义。'))).toContain('PER:马克思');
  });
});

describe('one-character abbreviations in context', () => {
  it('tags each country of a pair before a relation word', () => {
    const text = '𠮷中美关系和中俄两国的合作';
    const found = suggest(text).filter((s) => s.type === 'LOC');
    expect(found.map((s) => [s.text, s.start])).toEqual([
      ['中', 1],
      ['美', 2],
      ['中', 6],
      ['俄', 7],
    ]);
  });

  it('tags the place after a verb of travel and a country before 方', () => {
    expect(typed(suggest('金大中访美期间，中方表示欢迎。'))).toEqual(expect.arrayContaining(['LOC:美', 'LOC:中']));
    expect(typed(suggest('会议今天在京召开。'))).toContain('LOC:京');
  });

  it('reads 对 + a country, the place starting a word with its verb, and two one-character words as countries', () => {
    expect(typed(suggest('发展对美关系。'))).toContain('LOC:美');
    expect(typed(suggest('英国驻华使节表示欢迎。'))).toContain('LOC:华');
    const pair = suggest('𠮷表明了中美加强合作的意愿。').filter((s) => s.type === 'LOC');
    expect(pair.map((s) => [s.text, s.start])).toEqual([
      ['中', 4],
      ['美', 5],
    ]);
    expect(typed(suggest('因为俄总统的决定。'))).toContain('LOC:俄');
  });

  it('leaves a character that starts a longer word alone', () => {
    const found = typed(suggest('他用美元买了日本的中心产品。'));
    expect(found).not.toContain('LOC:美');
    expect(found).not.toContain('LOC:日');
    expect(found).not.toContain('LOC:中');
  });
});

describe('organisations by structure', () => {
  it('joins an owner, nouns and a head word', () => {
    expect(typed(suggest('人权会的古巴代表团团长发言。'))).toContain('ORG:古巴代表团');
    expect(typed(suggest('相比之下，青岛海牛队踢得更好。'))).toContain('ORG:青岛海牛队');
  });

  it('drops a kind of organisation made only of common words, keeps one with a level or a place', () => {
    const found = typed(suggest('几家医药公司之间，市政府和兰溪市人民医院。'));
    expect(found).not.toContain('ORG:医药公司');
    expect(found).toEqual(expect.arrayContaining(['ORG:市政府', 'ORG:兰溪市人民医院']));
  });

  it('keeps the longer name when an organisation word is glued to a level before it', () => {
    const found = typed(suggest('市公安局党委提出要求。'));
    expect(found).not.toContain('ORG:公安局党委');
  });

  it('needs an owner before 政府, and leaves a country + 政府 to the country', () => {
    expect(typed(suggest('要提高政府工作效率。')).filter((t) => t.startsWith('ORG'))).toEqual([]);
    const found = typed(suggest('据报道，美国政府认为如此。'));
    expect(found).toContain('LOC:美国');
    expect(found).not.toContain('ORG:美国政府');
  });

  it('tags the country at the start of a longer word, and a team of a country as the organisation', () => {
    expect(typed(suggest('对此，法国总理表示遗憾。'))).toContain('LOC:法国');
    const found = typed(suggest('古巴队以96比80获胜。'));
    expect(found).toContain('ORG:古巴队');
    expect(found).not.toContain('LOC:古巴');
  });
});

describe('people from the segmenter evidence', () => {
  it('takes a name word whose end the next word confirms, and names before a title', () => {
    expect(typed(suggest('著名科学家，叶笃正院士出席。'))).toContain('PER:叶笃正');
    expect(typed(suggest('那天，贺龙同志来了。'))).toContain('PER:贺龙');
  });

  it('takes a name the segmenter split after a surname it tagged, up to a clear end', () => {
    const text = '𠮷夫人薛明，再有彭真校长。';
    const found = suggest(text);
    expect(typed(found)).toEqual(expect.arrayContaining(['PER:薛明', 'PER:彭真']));
    expectOffsetsMatch(text, found);
    // A preposition after the surname ends nothing: 李 alone is no name to suggest.
    expect(typed(suggest('17号李从底线传中。')).filter((t) => t.startsWith('PER'))).toEqual([]);
  });

  it('takes every name of a byline list up to 报道', () => {
    const text = '本报北京1月5日讯记者陶世安、徐运平报道：';
    const found = suggest(text);
    expect(typed(found)).toEqual(expect.arrayContaining(['PER:陶世安', 'PER:徐运平']));
    expectOffsetsMatch(text, found);
  });

  it('takes the siblings of a suggested person in a 、 list', () => {
    expect(typed(suggest('出席会议的有江泽民、李鹏、乔石。'))).toEqual(expect.arrayContaining(['PER:江泽民', 'PER:李鹏', 'PER:乔石']));
  });

  it('does not read a form of address or a weather word as a name', () => {
    const found = typed(suggest('李女士说，明天有雷阵雨。'));
    expect(found).not.toContain('PER:李女士');
    expect(found.filter((t) => t === 'PER:雷阵雨')).toEqual([]);
  });
});
