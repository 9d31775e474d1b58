import { describe, expect, it } from 'vitest';
import { createCaretLineStore } from '../../../renderer/scan/caret-line-store';
import { clampFraction, DEFAULT_SCAN_FRACTION, MIN_FRACTION } from '../../../renderer/scan/useSplitFraction';
import { MAX_SCALE, MIN_SCALE, clampScale, fitWidthScale, scrollToShow, stepScale } from '../../../renderer/scan/zoom';

describe('scan zoom arithmetic', () => {
  it('fits the image width to the viewport, and falls back to 1 while a width is unknown', () => {
    expect(fitWidthScale(937, 1874)).toBe(0.5);
    expect(fitWidthScale(0, 1874)).toBe(1);
    expect(fitWidthScale(800, 0)).toBe(1);
  });

  it('steps the zoom by a quarter in and out, within the allowed range', () => {
    expect(stepScale(1, 1)).toBe(1.25);
    expect(stepScale(1.25, -1)).toBe(1);
    expect(stepScale(MAX_SCALE, 1)).toBe(MAX_SCALE);
    expect(clampScale(0)).toBe(MIN_SCALE);
  });

  it('leaves the scroll alone when the region is already in view', () => {
    expect(scrollToShow({ x: 10, y: 10, width: 50, height: 20 }, 1, { left: 0, top: 0, width: 400, height: 300 })).toBeNull();
  });

  it('centres a region that is out of view on the axis where it is out of view', () => {
    expect(scrollToShow({ x: 100, y: 1000, width: 200, height: 40 }, 0.5, { left: 0, top: 0, width: 400, height: 300 })).toEqual({
      left: 0,
      top: 510 - 150,
    });
  });

  it('aligns a region wider than the viewport to its left edge with a margin', () => {
    expect(scrollToShow({ x: 500, y: 0, width: 1000, height: 10 }, 1, { left: 0, top: 0, width: 400, height: 300 })).toEqual({ left: 484, top: 0 });
  });
});

describe('the scan split fraction', () => {
  it('keeps both sides at least the minimum share and replaces nonsense with the default', () => {
    expect(clampFraction(0)).toBe(MIN_FRACTION);
    expect(clampFraction(1)).toBe(1 - MIN_FRACTION);
    expect(clampFraction(Number.NaN)).toBe(DEFAULT_SCAN_FRACTION);
    expect(clampFraction(0.3)).toBe(0.3);
  });
});

describe('the caret line store', () => {
  it('tells its listeners only when the lines change, until they unsubscribe', () => {
    const store = createCaretLineStore();
    const seen: (readonly number[])[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get()));
    store.set([3]);
    const kept = store.get();
    store.set([3]);
    expect(store.get()).toBe(kept);
    store.set([3, 4]);
    unsubscribe();
    store.set([7]);
    expect(seen).toEqual([[3], [3, 4]]);
    expect(store.get()).toEqual([7]);
  });
});
