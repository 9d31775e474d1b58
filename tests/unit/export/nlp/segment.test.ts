import { describe, expect, it } from 'vitest';
import { codePoints, cpText, entityCuts, sentences, tokens } from '../../../../shared/export/nlp/segment';
import { flattenSpans } from '../../../../shared/export/nlp/span-policy';
import type { EntitySpan } from '../../../../shared/model/sidecar-schema';

const span = (id: string, start: number, end: number, type = 'X'): EntitySpan => ({ id, start, end, type, text: 'x' });

function tokenTexts(text: string, entities: EntitySpan[] = []): string[][] {
  const cp = codePoints(text);
  const cuts = entityCuts(entities);
  return sentences(cp, entities).map((s) => tokens(cp, s, cuts).map((t) => cpText(cp, t.start, t.end)));
}

describe('NLP segmentation', () => {
  it('indexes code points with their UTF-16 offsets, 𠮷 taking two units', () => {
    const cp = codePoints('a𠮷b');
    expect(cp.length).toBe(3);
    expect([...cp.codes]).toEqual([0x61, 0x20bb7, 0x62]);
    expect([...cp.utf16]).toEqual([0, 1, 3, 4]);
    expect(cpText(cp, 1, 2)).toBe('𠮷');
  });

  it('makes one token per Han, kana or bopomofo character, runs of letters, marks and digits elsewhere, one per symbol', () => {
    expect(tokenTexts('Hello, 世界𠮷カタカナ 123abc 한국어 cafe\u0301 ㄅㄆ $5')).toEqual([
      ['Hello', ',', '世', '界', '𠮷', 'カ', 'タ', 'カ', 'ナ', '123abc', '한국어', 'cafe\u0301', 'ㄅ', 'ㄆ', '$', '5'],
    ]);
  });

  it('trims sentences to their first and last token and leaves out sentences without one', () => {
    const cp = codePoints('  第一句。 \n\u3000\n  Second one!  ');
    expect(sentences(cp, []).map((s) => cpText(cp, s.start, s.end))).toEqual(['第一句。', 'Second one!']);
  });

  it('keeps repeated terminators and closing brackets with the sentence they end', () => {
    const cp = codePoints('真的？！」他问（对吧？）好');
    expect(sentences(cp, []).map((s) => cpText(cp, s.start, s.end))).toEqual(['真的？！」', '他问（对吧？）', '好']);
  });

  it('does not break a sentence at a terminator inside an entity', () => {
    const text = '雅虎！公司成立。';
    const cp = codePoints(text);
    expect(sentences(cp, [span('a', 0, 5)]).map((s) => cpText(cp, s.start, s.end))).toEqual(['雅虎！公司成立。']);
    expect(sentences(cp, []).map((s) => cpText(cp, s.start, s.end))).toEqual(['雅虎！', '公司成立。']);
  });

  it('flattens nested and overlapping spans by the chosen policy, keeping the result sorted by start', () => {
    const spans = [span('outer', 0, 6), span('inner', 1, 3), span('cross', 5, 9), span('late', 10, 12)];
    const outer = flattenSpans(spans, 'outermost');
    expect(outer.kept.map((s) => s.id)).toEqual(['outer', 'late']);
    expect(outer.dropped.map((s) => s.id).sort()).toEqual(['cross', 'inner']);
    const inner = flattenSpans(spans, 'innermost');
    expect(inner.kept.map((s) => s.id)).toEqual(['inner', 'cross', 'late']);
    expect(inner.dropped.map((s) => s.id)).toEqual(['outer']);
  });
});
