import { describe, expect, it } from 'vitest';
import { suggestEntities } from '../../../shared/entities/suggest/index';
import { knownEntityMap, suggestKnown } from '../../../shared/entities/suggest/known';
import { mergeSuggestions } from '../../../shared/entities/suggest/merge';
import { suggestFromSegmenter } from '../../../shared/entities/suggest/segmenter';
import type { EntitySuggestion, PosTagger } from '../../../shared/entities/suggest/types';

const s = (start: number, end: number, text: string, type: string, source: EntitySuggestion['source'], confidence: number) =>
  ({ start, end, text, type, source, confidence }) satisfies EntitySuggestion;

/// A tagger that replays a fixed word list, standing in for jieba where a test needs exact tags.
const replay = (words: { word: string; tag: string }[]): PosTagger => ({ tag: () => words });

describe('known-entity suggestions', () => {
  it('suggests every occurrence of strings tagged elsewhere, longest first, in code points', () => {
    const text = '𠮷武跃林去了朔城区市场监督管理局，武跃林说';
    const known = new Map([
      ['武跃林', 'PER'],
      ['朔城区', 'LOC'],
      ['朔城区市场监督管理局', 'ORG'],
    ]);
    const found = suggestKnown(text, known);
    expect(found.map((x) => [x.start, x.end, x.text, x.type])).toEqual([
      [1, 4, '武跃林', 'PER'],
      [6, 16, '朔城区市场监督管理局', 'ORG'],
      [6, 9, '朔城区', 'LOC'],
      [17, 20, '武跃林', 'PER'],
    ]);
    expect(found.every((x) => x.source === 'known')).toBe(true);
  });

  it('builds the known map from corpus spans by the most frequent type', () => {
    const map = knownEntityMap([
      { text: '朔州', type: 'LOC' },
      { text: '朔州', type: 'ORG' },
      { text: '朔州', type: 'LOC' },
      { text: '魏芳', type: 'PER' },
    ]);
    expect([...map]).toEqual([
      ['朔州', 'LOC'],
      ['魏芳', 'PER'],
    ]);
  });
});

describe('segmenter suggestions', () => {
  it('turns nr/ns/nt words into weak PER/LOC/ORG suggestions and joins split names', () => {
    const text = '𠮷王鹏飞在大同市公安局';
    const tagger = replay([
      { word: '𠮷', tag: 'x' },
      { word: '王', tag: 'nr' },
      { word: '鹏飞', tag: 'nr' },
      { word: '在', tag: 'p' },
      { word: '大同市', tag: 'ns' },
      { word: '公安局', tag: 'nt' },
    ]);
    expect(suggestFromSegmenter(text, tagger).map((x) => [x.start, x.end, x.text, x.type, x.source])).toEqual([
      [1, 4, '王鹏飞', 'PER', 'segmenter'],
      [5, 8, '大同市', 'LOC', 'segmenter'],
      [8, 11, '公安局', 'ORG', 'segmenter'],
    ]);
  });

  it('ignores nr words that do not look like names', () => {
    const tagger = replay([
      { word: '严格遵守', tag: 'nr' },
      { word: '，', tag: 'x' },
      { word: '光荣', tag: 'nr' },
      { word: '，', tag: 'x' },
      { word: '王鹏飞', tag: 'nr' },
      { word: '，', tag: 'x' },
      { word: '高峰', tag: 'nr' },
    ]);
    // 高峰 has a surname's shape, but a two-character nr word is as often an ordinary word (a peak) as a name.
    expect(suggestFromSegmenter('严格遵守，光荣，王鹏飞，高峰', tagger).map((x) => x.text)).toEqual(['王鹏飞']);
  });
});

describe('merging suggestions', () => {
  it('removes duplicates and prefers the longer of overlapping suggestions', () => {
    const merged = mergeSuggestions([
      s(0, 3, '朔城区', 'LOC', 'rule', 0.7),
      s(0, 10, '朔城区市场监督管理局', 'ORG', 'rule', 0.75),
      s(0, 3, '朔城区', 'LOC', 'known', 0.9),
      s(12, 15, '武跃林', 'PER', 'rule', 0.9),
      s(12, 15, '武跃林', 'PER', 'known', 0.9),
    ]);
    expect(merged.map((x) => x.text)).toEqual(['朔城区市场监督管理局', '武跃林']);
  });

  it('never lets a weak segmenter guess displace a rule', () => {
    const merged = mergeSuggestions([s(0, 6, '民警武卫平说', 'PER', 'segmenter', 0.3), s(2, 5, '武卫平', 'PER', 'rule', 0.65)]);
    expect(merged.map((x) => x.text)).toEqual(['武卫平']);
  });

  it('drops suggestions already tagged and those rejected at one place or everywhere', () => {
    const merged = mergeSuggestions(
      [
        s(0, 3, '武跃林', 'PER', 'rule', 0.9),
        s(5, 8, '武跃林', 'PER', 'known', 0.9),
        s(10, 13, '朔城区', 'LOC', 'rule', 0.7),
        s(20, 23, '朔城区', 'LOC', 'rule', 0.7),
        s(30, 32, '应县', 'LOC', 'rule', 0.7),
      ],
      {
        existing: [{ start: 0, end: 3 }],
        rejected: [{ text: '武跃林', type: 'PER', start: 5, end: 8 }, { text: '朔城区', type: 'LOC' }],
      },
    );
    expect(merged.map((x) => x.text)).toEqual(['应县']);
  });

  it('combines all sources through suggestEntities', () => {
    const text = '记者 武跃林\n武跃林在应县采访';
    const found = suggestEntities(text, {
      known: new Map([['武跃林', 'PER']]),
      tagger: replay([{ word: text, tag: 'x' }]),
    });
    expect(found.map((x) => [x.text, x.source])).toEqual([
      ['武跃林', 'known'],
      ['武跃林', 'known'],
      ['应县', 'rule'],
    ]);
  });
});
