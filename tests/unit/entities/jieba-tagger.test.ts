import { describe, expect, it } from 'vitest';
import { suggestFromSegmenter } from '../../../shared/entities/suggest/segmenter';
import { JiebaTagger } from '../../../electron/services/entities/jieba-tagger';

describe('the jieba tagger', () => {
  it('returns words that concatenate back to the text, with part-of-speech tags', () => {
    const text = '𠮷朔州市公安局民警巡逻至朔城区';
    const words = new JiebaTagger().tag(text);
    expect(words.map((w) => w.word).join('')).toBe(text);
    expect(words.every((w) => typeof w.tag === 'string' && w.tag.length > 0)).toBe(true);
  });

  it('gives place and organisation signals on real Chinese text', () => {
    const found = suggestFromSegmenter('朔州市公安局民警巡逻至朔城区', new JiebaTagger());
    expect(found.some((s) => s.type === 'LOC' && s.text === '朔城区')).toBe(true);
    expect(found.every((s) => s.source === 'segmenter' && s.confidence < 0.5)).toBe(true);
  });
});
