import { describe, expect, it } from 'vitest';
import { stripGeometry, stripTop } from '../../../renderer/scan/line-strip';

describe('the line-image strip', () => {
  it('scales the line region to the strip height and shifts the scan so the region is at the corner', () => {
    const geometry = stripGeometry({ x: 100, y: 200, width: 800, height: 50 }, 2000, 3000, 1000, 40);
    expect(geometry).toEqual({ width: 640, height: 40, backgroundSize: '1600px 2400px', backgroundPosition: '-80px -160px' });
  });

  it('scales a region wider than the room to the room width instead', () => {
    const geometry = stripGeometry({ x: 0, y: 0, width: 1000, height: 20 }, 2000, 3000, 500, 40)!;
    expect(geometry.width).toBe(500);
    expect(geometry.height).toBe(10);
  });

  it('shows nothing for an empty region or no room', () => {
    expect(stripGeometry({ x: 0, y: 0, width: 0, height: 20 }, 100, 100, 500, 40)).toBeNull();
    expect(stripGeometry({ x: 0, y: 0, width: 10, height: 20 }, 100, 100, 0, 40)).toBeNull();
  });

  it('sits just above the line, or just below it when there is no room above', () => {
    expect(stripTop(100, 129, 40)).toBe(58);
    expect(stripTop(12, 41, 40)).toBe(43);
  });
});
