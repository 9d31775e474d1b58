import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../../../electron/services/export/read-ahead';
import { WriteQueue } from '../../../../electron/services/export/write-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('WriteQueue', () => {
  it('never runs more writes at once than its limit, nor holds more content than its budget, and drains', async () => {
    const queue = new WriteQueue(3, 100);
    let running = 0;
    let peak = 0;
    let units = 0;
    let peakUnits = 0;
    const finished: number[] = [];
    for (let i = 0; i < 20; i++) {
      const size = 10 + (i % 4) * 20;
      await queue.add(size, async () => {
        running++;
        units += size;
        peak = Math.max(peak, running);
        peakUnits = Math.max(peakUnits, units);
        for (let k = 0; k < 1 + (i % 3); k++) await tick();
        running--;
        units -= size;
        finished.push(i);
      });
    }
    await queue.drain();
    expect(finished.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
    expect(peakUnits).toBeLessThanOrEqual(100);
  });

  it('lets one file larger than the whole budget through, alone', async () => {
    const queue = new WriteQueue(4, 10);
    let running = 0;
    let peak = 0;
    for (const size of [5, 50, 5]) {
      await queue.add(size, async () => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        running--;
      });
    }
    await queue.drain();
    expect(peak).toBe(1);
  });

  it('drain resolves at once when nothing is running', async () => {
    await expect(new WriteQueue().drain()).resolves.toBeUndefined();
  });
});

describe('ReadAhead', () => {
  it('gives each item its own read, started at most depth items ahead of the one taken', async () => {
    const started: number[] = [];
    const ahead = new ReadAhead([0, 1, 2, 3, 4, 5, 6], 2, async (n: number) => {
      started.push(n);
      await tick();
      return `𠮷${n}`;
    });
    expect(await ahead.take(0)).toBe('𠮷0');
    expect(started).toEqual([0, 1, 2]);
    expect(await ahead.take(1)).toBe('𠮷1');
    expect(started).toEqual([0, 1, 2, 3]);
    const rest: string[] = [];
    for (let i = 2; i < 7; i++) rest.push(await ahead.take(i));
    expect(rest).toEqual(['𠮷2', '𠮷3', '𠮷4', '𠮷5', '𠮷6']);
    // Each item was read once.
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
