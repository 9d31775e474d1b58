import { describe, expect, it } from 'vitest';
import { diffLines, mergedText } from '../../../renderer/page/line-diff';

describe('diffLines and mergedText', () => {
  it('marks only the lines that differ, pairing the middle in order', () => {
    const rows = diffLines('甲\n乙𠮷\n丙\n丁', '甲\n乙\n丙改\n丁');
    expect(rows.map((r) => r.same)).toEqual([true, false, false, true]);
    expect(rows[1]).toEqual({ mine: '乙𠮷', theirs: '乙', same: false });
  });

  it('keeps unequal lengths: a line only one side has faces null', () => {
    const rows = diffLines('a\nb\nz', 'a\nz');
    expect(rows).toEqual([
      { mine: 'a', theirs: 'a', same: true },
      { mine: 'b', theirs: null, same: false },
      { mine: 'z', theirs: 'z', same: true },
    ]);
    expect(mergedText(rows, new Set())).toBe('a\nb\nz');
    expect(mergedText(rows, new Set([1]))).toBe('a\nz');
  });

  it('takes the chosen lines from theirs and leaves the rest mine', () => {
    const rows = diffLines('一\n二\n三', '一\n贰\n叁');
    expect(mergedText(rows, new Set([2]))).toBe('一\n二\n叁');
  });
});
