import { describe, expect, it } from 'vitest';
import { trainingSentences } from '../../../../shared/entities/learn/training-data';
import { splitSentences } from '../../../../shared/entities/learn/sentences';

describe('training sentences from pages', () => {
  it('splits after 。！？； and at line ends, keeping a closing quote with its sentence', () => {
    const cps = Array.from('他说：“好。”再见！\n第二行；末尾');
    const text = (e: { start: number; end: number }) => cps.slice(e.start, e.end).join('');
    expect(splitSentences(cps).map(text)).toEqual(['他说：“好。”', '再见！', '第二行；', '末尾']);
  });

  it('counts every sentence up to the last tagged one as annotated, and nothing after it', () => {
    const text = '张三来了。今天晴。李四走了。后面没看。';
    const sentences = trainingSentences([{ text, spans: [{ start: 0, end: 2, type: 'PER' }, { start: 9, end: 11, type: 'PER' }] }]);
    expect(sentences.map((s) => s.extent)).toEqual([{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 9, end: 14 }]);
    expect(sentences.map((s) => s.spans)).toEqual([[{ start: 0, end: 2, type: 'PER' }], [], [{ start: 0, end: 2, type: 'PER' }]]);
  });

  it('teaches nothing from a page without tags or placed rejections; a placed rejection marks a sentence as read', () => {
    expect(trainingSentences([{ text: '张三来了。', spans: [] }])).toEqual([]);
    const read = trainingSentences([{ text: '张三来了。李四走了。', spans: [], rejected: [{ start: 5, end: 7 }, {}] }]);
    expect(read.map((s) => s.extent)).toEqual([{ start: 0, end: 5 }, { start: 5, end: 10 }]);
    expect(read.every((s) => s.spans.length === 0)).toBe(true);
  });

  it('places spans in code points on the sentence and leaves out spans crossing a sentence end', () => {
    const text = '𠮷𠮷说。王五到了北京。';
    const sentences = trainingSentences([{ text, spans: [{ start: 0, end: 2, type: 'PER' }, { start: 4, end: 6, type: 'PER' }, { start: 8, end: 10, type: 'LOC' }, { start: 2, end: 5, type: 'X' }] }]);
    expect(sentences.map((s) => s.spans)).toEqual([[{ start: 0, end: 2, type: 'PER' }], [{ start: 0, end: 2, type: 'PER' }, { start: 4, end: 6, type: 'LOC' }]]);
  });

  it('takes pages in order and tells which page each sentence is from', () => {
    const sentences = trainingSentences([
      { text: '甲。', spans: [{ start: 0, end: 1, type: 'PER' }] },
      { text: '无标注。', spans: [] },
      { text: '乙。', spans: [{ start: 0, end: 1, type: 'PER' }] },
    ]);
    expect(sentences.map((s) => s.page)).toEqual([0, 2]);
  });
});
