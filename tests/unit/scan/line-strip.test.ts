import { describe, expect, it } from 'vitest';
import { STRIP_ROOM, stripGeometry, stripTop } from '../../../renderer/scan/line-strip';
import { rotateBox, type Rotation } from '../../../renderer/scan/rotation';

// Where the image point (x, y) lands in the strip under `transform` ("translate(a, b) rotate(d)", origin 0 0).
function place(transform: string, scale: number, x: number, y: number): [number, number] {
  const [, a, b, d] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) rotate\((\d+)deg\)/.exec(transform)!.map(Number) as [number, number, number, number];
  const rad = (d * Math.PI) / 180;
  const [sx, sy] = [x * scale, y * scale];
  return [sx * Math.cos(rad) - sy * Math.sin(rad) + a, sx * Math.sin(rad) + sy * Math.cos(rad) + b];
}

describe('the line-image strip', () => {
  it('scales the line region to the strip height and shifts the scan so the region is at the corner', () => {
    const geometry = stripGeometry({ x: 100, y: 200, width: 800, height: 50 }, 2000, 3000, 0, 1000, 40);
    expect(geometry).toEqual({ width: 640, height: 40, imageWidth: 1600, imageHeight: 2400, transform: 'translate(-80px, -160px) rotate(0deg)' });
  });

  it('scales a region wider than the room to the room width instead', () => {
    const geometry = stripGeometry({ x: 0, y: 0, width: 1000, height: 20 }, 2000, 3000, 0, 500, 40)!;
    expect(geometry.width).toBe(500);
    expect(geometry.height).toBe(10);
  });

  it.each([90, 180, 270] as Rotation[])('turns with the scan (%i°): the region lands at the strip corner, turned', (rotation) => {
    const region = { x: 100, y: 200, width: 800, height: 50 };
    const geometry = stripGeometry(region, 2000, 3000, rotation, 10_000, 40)!;
    const turned = rotateBox(region, 2000, 3000, rotation);
    const scale = 40 / turned.height;
    expect(geometry.width).toBeCloseTo(turned.width * scale);
    // The region's corners, turned, span exactly the strip.
    const corners = [place(geometry.transform, scale, region.x, region.y), place(geometry.transform, scale, region.x + region.width, region.y + region.height)];
    expect(Math.min(corners[0]![0], corners[1]![0])).toBeCloseTo(0, 1);
    expect(Math.min(corners[0]![1], corners[1]![1])).toBeCloseTo(0, 1);
    expect(Math.max(corners[0]![0], corners[1]![0])).toBeCloseTo(geometry.width, 1);
    expect(Math.max(corners[0]![1], corners[1]![1])).toBeCloseTo(geometry.height, 1);
  });

  it('shows nothing for an empty region or no room', () => {
    expect(stripGeometry({ x: 0, y: 0, width: 0, height: 20 }, 100, 100, 0, 500, 40)).toBeNull();
    expect(stripGeometry({ x: 0, y: 0, width: 10, height: 20 }, 100, 100, 0, 0, 40)).toBeNull();
  });

  it('sits at the bottom of the room made above the caret line, just above its text', () => {
    expect(stripTop(100, 40)).toBe(100 + STRIP_ROOM - 40 - 3);
    expect(stripTop(0, 10)).toBe(STRIP_ROOM - 13);
    expect(stripTop(0, STRIP_ROOM)).toBe(0);
  });
});
