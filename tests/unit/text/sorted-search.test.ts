import { describe, expect, it } from 'vitest';
import { lowerBound, upperBound } from '../../../shared/sorted-search';

describe('binary searches over ascending numbers', () => {
  const sorted = [1, 3, 3, 7];

  it('finds the first value at or above, and the first above', () => {
    expect([0, 1, 3, 4, 8].map((v) => lowerBound(sorted, v))).toEqual([0, 0, 1, 3, 4]);
    expect([0, 1, 3, 4, 8].map((v) => upperBound(sorted, v))).toEqual([0, 1, 3, 3, 4]);
    expect(lowerBound([], 5)).toBe(0);
    expect(upperBound([], 5)).toBe(0);
  });
});
