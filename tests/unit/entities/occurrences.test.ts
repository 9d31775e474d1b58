import { describe, expect, it } from 'vitest';
import { findOccurrences, findOccurrencesInPages } from '../../../shared/entities/occurrences';

describe('finding occurrences for propagation', () => {
  const text = '记者 武跃林\n𠮷武跃林说，武跃林和武跃林𠮷。';

  it('finds every exact occurrence with code-point offsets', () => {
    const found = findOccurrences(text, '武跃林');
    expect(found.map((o) => [o.start, o.end])).toEqual([
      [3, 6],
      [8, 11],
      [13, 16],
      [17, 20],
    ]);
    const cps = Array.from(text);
    for (const o of found) expect(cps.slice(o.start, o.end).join('')).toBe('武跃林');
  });

  it('skips occurrences already tagged with the same extent but not overlapping ones', () => {
    const found = findOccurrences(text, '武跃林', { existing: [{ start: 8, end: 11 }, { start: 12, end: 16 }] });
    expect(found.map((o) => o.start)).toEqual([3, 13, 17]);
  });

  it('gives context on both sides, cut at line breaks and counted in code points', () => {
    const found = findOccurrences(text, '武跃林', { contextLength: 2 });
    expect(found[0]).toMatchObject({ before: '者 ', match: '武跃林', after: '' });
    expect(found[1]).toMatchObject({ before: '𠮷', after: '说，' });
    expect(found[3]).toMatchObject({ before: '林和', after: '𠮷。' });
  });

  it('finds an Extension B character as one code point', () => {
    expect(findOccurrences(text, '𠮷').map((o) => [o.start, o.end])).toEqual([
      [7, 8],
      [20, 21],
    ]);
  });

  it('does not return overlapping matches and ignores an empty needle', () => {
    expect(findOccurrences('啊啊啊', '啊啊').map((o) => o.start)).toEqual([0]);
    expect(findOccurrences(text, '')).toEqual([]);
  });

  it('lists only the pages of a corpus that have untagged occurrences', () => {
    const pages = [
      { page: 'a.txt', text: '武跃林', spans: [{ start: 0, end: 3 }] },
      { page: 'b.txt', text: '没有', spans: [] },
      { page: 'c.txt', text: '武跃林与武跃林', spans: [] },
    ];
    const found = findOccurrencesInPages(pages, '武跃林');
    expect(found.map((p) => [p.page, p.occurrences.length])).toEqual([['c.txt', 2]]);
  });
});
