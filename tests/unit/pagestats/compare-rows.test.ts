import { describe, expect, it } from 'vitest';
import { comparePage, LINE_BREAK_MARK, type Segment } from '../../../renderer/pagestats/compare-rows';

const EXT_B = '𠮷';
const text = (line: Segment[] | null) => (line === null ? null : line.map((s) => s.text).join(''));
const marked = (line: Segment[] | null, kind: Segment['kind']) => (line ?? []).filter((s) => s.kind === kind).map((s) => s.text);

describe('comparePage', () => {
  it('marks a changed CJK character alone, and an Extension B character whole', () => {
    const c = comparePage(`第一行\n${EXT_B}己经\n末行`, `第一行\n${EXT_B}已经\n末行`);
    expect(c.rows.map((row) => [text(row.original), text(row.corrected), row.changed])).toEqual([
      ['第一行', '第一行', false],
      [`${EXT_B}己经`, `${EXT_B}已经`, true],
      ['末行', '末行', false],
    ]);
    expect(marked(c.rows[1]!.original, 'del')).toEqual(['己']);
    expect(marked(c.rows[1]!.corrected, 'ins')).toEqual(['已']);
    expect(marked(c.rows[1]!.corrected, 'same')).toEqual([EXT_B, '经']);
    expect([c.removed, c.added, c.changedLines]).toEqual([1, 1, 1]);
  });

  it('counts code points, so a replaced Extension B character is one removed and one added', () => {
    const c = comparePage(`甲${EXT_B}乙`, '甲吉乙');
    expect(marked(c.rows[0]!.original, 'del')).toEqual([EXT_B]);
    expect(marked(c.rows[0]!.corrected, 'ins')).toEqual(['吉']);
    expect([c.removed, c.added]).toEqual([1, 1]);
    expect(c.unified).toEqual([[{ kind: 'same', text: '甲' }, { kind: 'del', text: EXT_B }, { kind: 'ins', text: '吉' }, { kind: 'same', text: '乙' }]]);
  });

  it('shows a joined line as a removed line break, and keeps later lines on one row with their numbers', () => {
    const c = comparePage('上半\n下半\n后文', '上半下半\n后文');
    expect(c.rows.map((row) => [row.originalNo, row.correctedNo, text(row.original), text(row.corrected)])).toEqual([
      [1, 1, `上半${LINE_BREAK_MARK}`, '上半下半'],
      [2, null, '下半', null],
      [3, 2, '后文', '后文'],
    ]);
    expect(c.rows[2]!.changed).toBe(false);
    expect(c.unified.map(text)).toEqual([`上半${LINE_BREAK_MARK}下半`, '后文']);
    expect([c.removed, c.added]).toEqual([1, 0]);
  });

  it('shows a split line as an added line break', () => {
    const c = comparePage('一二三四', '一二\n三四');
    expect(c.rows.map((row) => [text(row.original), text(row.corrected)])).toEqual([
      ['一二三四', `一二${LINE_BREAK_MARK}`],
      [null, '三四'],
    ]);
    expect(c.unified.map(text)).toEqual([`一二${LINE_BREAK_MARK}`, '三四']);
  });

  it('says nothing changed for equal texts', () => {
    const c = comparePage('甲\n乙', '甲\n乙');
    expect(c.changedLines).toBe(0);
    expect(c.rows).toHaveLength(2);
    expect([c.removed, c.added]).toEqual([0, 0]);
  });
});
