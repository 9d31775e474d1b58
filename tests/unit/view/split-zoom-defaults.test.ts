import { describe, expect, it } from 'vitest';
import { AUTO_SCAN_SHARE, HANDLE_WIDTH, MIN_SCAN_WIDTH, autoScanFraction, textColumnWidth } from '../../../renderer/scan/split-layout';
import { MIN_READABLE_SCALE, fitWidthScale, readableScale, typicalLineSize } from '../../../renderer/scan/zoom';

/// The text column's width for a split of a grid `grid` pixels wide giving the scan `fraction`.
const textWidth = (grid: number, fraction: number) => (grid - HANDLE_WIDTH) * (1 - fraction);

describe('default split', () => {
  it('gives the text 30 characters a line at 1280 px wide (grid about 1017 px) at the default size', () => {
    const grid = 1017;
    const fraction = autoScanFraction(grid, 18, false);
    expect(textWidth(grid, fraction)).toBeGreaterThanOrEqual(textColumnWidth(18) - 1e-6);
    expect(textColumnWidth(18) - 104).toBe(30 * 18);
    expect(fraction).toBeLessThan(AUTO_SCAN_SHARE);
  });

  it('follows the text size: larger text takes more of the split', () => {
    expect(autoScanFraction(1400, 24, false)).toBeLessThan(autoScanFraction(1400, 18, false));
    expect(textWidth(1400, autoScanFraction(1400, 24, false))).toBeCloseTo(textColumnWidth(24), 6);
  });

  it('never gives a wide page area’s scan more than its usual share', () => {
    expect(autoScanFraction(2400, 18, false)).toBe(AUTO_SCAN_SHARE);
  });

  it('keeps the scan usable in a narrow window (1024 px): at least its minimum width', () => {
    const grid = 780;
    const fraction = autoScanFraction(grid, 18, false);
    expect((grid - HANDLE_WIDTH) * fraction).toBeCloseTo(MIN_SCAN_WIDTH, 6);
  });

  it('shares the height as before when stacked, and while the grid has no size', () => {
    expect(autoScanFraction(1017, 18, true)).toBe(AUTO_SCAN_SHARE);
    expect(autoScanFraction(0, 18, false)).toBe(AUTO_SCAN_SHARE);
  });
});

describe('default scan zoom', () => {
  it('takes the median of the line boxes’ smaller side (height across, width down)', () => {
    expect(typicalLineSize([{ width: 900, height: 40 }, { width: 800, height: 44 }, { width: 42, height: 600 }])).toBe(42);
    expect(typicalLineSize([{ width: 900, height: 40 }, { width: 800, height: 50 }])).toBe(45);
    expect(typicalLineSize([{ width: 0, height: 0 }])).toBeNull();
    expect(typicalLineSize([])).toBeNull();
  });

  it('makes a scan line as tall as a text line when line boxes are known', () => {
    // A 3,000 px wide scan in a 375 px viewport: fit width is 12.5 %; 40 px lines against 28.8 px text lines: 72 %.
    expect(readableScale(375, 3000, 40, 28.8)).toBeCloseTo(0.72, 6);
  });

  it('uses fit width when that already shows the lines larger', () => {
    expect(readableScale(1200, 1000, 40, 28.8)).toBe(fitWidthScale(1200, 1000));
  });

  it('without line boxes fits the width but never below half size', () => {
    expect(readableScale(375, 3000, null, 28.8)).toBe(MIN_READABLE_SCALE);
    expect(readableScale(900, 1200, null, 28.8)).toBe(0.75);
  });
});
