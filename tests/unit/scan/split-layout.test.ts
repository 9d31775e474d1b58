import { describe, expect, it } from 'vitest';
import { fractionAtPointer, handleKeyDirection, parseStackedSetting, splitGridStyle } from '../../../renderer/scan/split-layout';

const BOX = { left: 100, top: 50, right: 1100, bottom: 850, width: 1000, height: 800 };

describe('the split between the editor and the scan', () => {
  it('puts the tracks in columns side by side and in rows when stacked, the scan getting the fraction', () => {
    expect(splitGridStyle(0.4, false)).toEqual({ gridTemplateColumns: 'minmax(0, 0.6fr) 6px minmax(0, 0.4fr)', gridTemplateRows: 'minmax(0, 1fr)' });
    expect(splitGridStyle(0.4, true)).toEqual({ gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 0.6fr) 6px minmax(0, 0.4fr)' });
  });

  it('measures the scan share from the right edge side by side and from the bottom when stacked', () => {
    expect(fractionAtPointer(BOX, 700, 0, false)).toBeCloseTo(0.4);
    expect(fractionAtPointer(BOX, 0, 650, true)).toBeCloseTo(0.25);
    expect(fractionAtPointer({ ...BOX, height: 0 }, 0, 650, true)).toBeNull();
  });

  it('moves the handle with left/right side by side and up/down stacked', () => {
    expect([handleKeyDirection('ArrowLeft', false), handleKeyDirection('ArrowRight', false), handleKeyDirection('ArrowUp', false)]).toEqual([1, -1, 0]);
    expect([handleKeyDirection('ArrowUp', true), handleKeyDirection('ArrowDown', true), handleKeyDirection('ArrowLeft', true)]).toEqual([1, -1, 0]);
  });

  it('reads only the stored word "stacked" as stacked', () => {
    expect([parseStackedSetting('stacked'), parseStackedSetting('side-by-side'), parseStackedSetting(null), parseStackedSetting('yes')]).toEqual([true, false, false, false]);
  });
});
