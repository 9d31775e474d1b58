import { describe, expect, it } from 'vitest';
import { suggestEntities } from '../../../shared/entities/suggest/index';
import { joinLayoutGaps, mapFromJoined } from '../../../shared/entities/suggest/joined-view';
import { refreshSuggestions } from '../../../shared/entities/suggest/refresh';
import { checkRulesWithSegmenter } from '../../../shared/entities/suggest/segmenter-check';
import type { EntitySuggestion, PosTagger } from '../../../shared/entities/suggest/types';

describe('names split by column wraps and OCR spaces', () => {
  it('joins line breaks and spaces only between Chinese characters or digits', () => {
    const view = joinLayoutGaps('𠮷大同公\n\n安局，Hello world\n11 月 30\n日');
    expect(view.text).toBe('𠮷大同公安局，Hello world\n11月30日');
    expect(view.origin[5]).toBe(7);
  });

  it('maps suggestions found on the joined view back to the original, quoting the gaps', () => {
    const text = '来到𠮷大同公\n\n安局门口';
    const view = joinLayoutGaps(text);
    const found: EntitySuggestion = { start: 3, end: 8, text: '大同公安局', type: 'ORG', source: 'rule', confidence: 0.75 };
    expect(mapFromJoined(view, [found], text)).toEqual([{ ...found, start: 3, end: 10, text: '大同公\n\n安局' }]);
  });

  it('finds wrapped organisations and dates through the rules', () => {
    const text = '一群众来到，大同公\n\n安局沙河派出所报警称：11 月 30\n日下午发生';
    const found = suggestEntities(text, { sources: ['rule'] });
    expect(found.map((s) => [s.text, s.type])).toEqual([
      ['大同公\n\n安局沙河派出所', 'ORG'],
      ['11 月 30\n日下午', 'DATE'],
    ]);
  });
});

describe('checking rule suggestions with a segmenter', () => {
  const rule = (start: number, end: number, text: string, type: string): EntitySuggestion =>
    ({ start, end, text, type, source: 'rule', confidence: 0.7 });

  it('drops places whose stem holds a verb or numeral but keeps real names', () => {
    const words = [
      { start: 0, end: 2, word: '积极', tag: 'ad' },
      { start: 2, end: 4, word: '加入', tag: 'v' },
      { start: 4, end: 6, word: '社区', tag: 'n' },
      { start: 6, end: 8, word: '鸿福', tag: 'nz' },
      { start: 8, end: 9, word: '苑', tag: 'ng' },
      { start: 9, end: 11, word: '小区', tag: 'n' },
    ];
    const kept = checkRulesWithSegmenter([rule(0, 6, '积极加入社区', 'LOC'), rule(6, 11, '鸿福苑小区', 'LOC')], words);
    expect(kept.map((s) => s.text)).toEqual(['鸿福苑小区']);
  });

  it('lets organisation names contain verbs such as 监督 and 管理', () => {
    const words = [
      { start: 0, end: 2, word: '市场', tag: 'n' },
      { start: 2, end: 4, word: '监督', tag: 'v' },
      { start: 4, end: 7, word: '管理局', tag: 'n' },
    ];
    expect(checkRulesWithSegmenter([rule(0, 7, '市场监督管理局', 'ORG')], words)).toHaveLength(1);
  });

  it('is applied by suggestEntities when a tagger is given', () => {
    const text = '积极加入社区';
    const tagger: PosTagger = { tag: () => [{ word: '积极', tag: 'ad' }, { word: '加入', tag: 'v' }, { word: '社区', tag: 'n' }] };
    expect(suggestEntities(text, { sources: ['rule'] }).length).toBeGreaterThan(0);
    expect(suggestEntities(text, { sources: ['rule'], tagger })).toEqual([]);
  });
});

describe('refreshing suggestions after an edit', () => {
  const before = '记者 张三丰\n他去了阳泉市。\n平城区很大\n结束';

  it('gives the same result as a full run, shifting suggestions away from the edit', () => {
    const previous = suggestEntities(before, { sources: ['rule'] });
    // Type 大同县和 before 阳泉市 on the second line: code points 10..10.
    const after = '记者 张三丰\n他去了大同县和阳泉市。\n平城区很大\n结束';
    const refreshed = refreshSuggestions(after, previous, { start: 10, end: 10, insertedLength: 4 }, { sources: ['rule'] });
    expect(refreshed).toEqual(suggestEntities(after, { sources: ['rule'] }));
    expect(refreshed.map((s) => s.text)).toEqual(['张三丰', '大同县', '阳泉市', '平城区']);
  });

  it('drops a suggestion whose text the edit destroyed and respects rejections', () => {
    const previous = suggestEntities(before, { sources: ['rule'] });
    const after = '记者 张三丰\n他去了阳泉。\n平城区很大\n结束';
    const refreshed = refreshSuggestions(after, previous, { start: 12, end: 13, insertedLength: 0 }, {
      sources: ['rule'],
      rejected: [{ text: '平城区', type: 'LOC' }],
    });
    // 阳泉市 lost its suffix and 平城区 is rejected; 阳泉 is still a city the gazetteer knows, as a full run finds too.
    expect(refreshed.map((s) => s.text)).toEqual(['张三丰', '阳泉']);
    expect(refreshed).toEqual(suggestEntities(after, { sources: ['rule'], rejected: [{ text: '平城区', type: 'LOC' }] }));
  });
});

describe('refreshing suggestions on a page without line breaks', () => {
  it('looks only near the edit and keeps distant suggestions', () => {
    const filler = '这是一段没有换行的很长的文字，'.repeat(100);
    const before = `记者 张三丰，${filler}他去了阳泉市。`;
    const previous = suggestEntities(before, { sources: ['rule'] });
    const at = Array.from(before).length - 4;
    const after = `记者 张三丰，${filler}他去了大同县阳泉市。`;
    const refreshed = refreshSuggestions(after, previous, { start: at, end: at, insertedLength: 3 }, { sources: ['rule'] });
    expect(refreshed.map((s) => s.text)).toEqual(['张三丰', '大同县', '阳泉市']);
    expect(refreshed).toEqual(suggestEntities(after, { sources: ['rule'] }));
  });
});
