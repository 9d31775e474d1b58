import { describe, expect, it } from 'vitest';
import { fitPageScale, nextRotation, rotateBox, rotatedSize, rotationTransform, type Rotation } from '../../../renderer/scan/rotation';
import type { Box } from '../../../renderer/scan/zoom';

const W = 400;
const H = 600;
const BOX: Box = { x: 10, y: 20, width: 100, height: 30 };

// Rotates a point with the transform the viewer draws with: turn about the origin, then shift.
function transformPoint(x: number, y: number, rotation: Rotation): [number, number] {
  const { degrees, dx, dy } = rotationTransform(W, H, rotation);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.round(Math.cos(radians));
  const sin = Math.round(Math.sin(radians));
  return [x * cos - y * sin + dx, x * sin + y * cos + dy];
}

describe('scan rotation', () => {
  it('turns a quarter at a time and comes back after four turns', () => {
    expect([nextRotation(0), nextRotation(90), nextRotation(180), nextRotation(270)]).toEqual([90, 180, 270, 0]);
  });

  it('swaps width and height on quarter turns only', () => {
    expect(rotatedSize(W, H, 90)).toEqual({ width: H, height: W });
    expect(rotatedSize(W, H, 180)).toEqual({ width: W, height: H });
  });

  it('puts a box where the drawing transform puts its corners, for every rotation', () => {
    for (const rotation of [0, 90, 180, 270] as Rotation[]) {
      const corners = [
        transformPoint(BOX.x, BOX.y, rotation),
        transformPoint(BOX.x + BOX.width, BOX.y + BOX.height, rotation),
      ];
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      const expected = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      expect(rotateBox(BOX, W, H, rotation)).toEqual(expected);
      // The rotated image still starts at the origin: the whole image maps onto the rotated size.
      const whole = rotateBox({ x: 0, y: 0, width: W, height: H }, W, H, rotation);
      expect(whole).toEqual({ x: 0, y: 0, ...rotatedSize(W, H, rotation) });
    }
  });

  it('moves the top-left box to the top-right corner on a clockwise quarter turn', () => {
    expect(rotateBox({ x: 0, y: 0, width: 10, height: 20 }, W, H, 90)).toEqual({ x: H - 20, y: 0, width: 20, height: 10 });
  });

  it('fits the whole page by the tighter of the two sides, and falls back to 1 while a size is unknown', () => {
    expect(fitPageScale(300, 300, W, H)).toBeCloseTo(0.5);
    expect(fitPageScale(800, 2000, W, H)).toBeCloseTo(2);
    expect(fitPageScale(0, 300, W, H)).toBe(1);
  });
});
