/// Rectangles and polygons in image pixels, as the layout formats write them.
import type { Point, Region } from './types';
import { maxOf, minOf } from '../push-all';

/// The region of an hOCR-style box given by its corners `x0 y0 x1 y1`.
export function regionFromCorners(x0: number, y0: number, x1: number, y1: number): Region {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

/// The smallest region holding every given region; null when there are none.
export function unionRegions(regions: readonly (Region | null)[]): Region | null {
  const present = regions.filter((r): r is Region => r !== null);
  if (present.length === 0) return null;
  const x0 = minOf(present.map((r) => r.x));
  const y0 = minOf(present.map((r) => r.y));
  const x1 = maxOf(present.map((r) => r.x + r.width));
  const y1 = maxOf(present.map((r) => r.y + r.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/// The bounding box of a polygon; null for an empty one.
export function polygonBounds(points: readonly Point[]): Region | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return regionFromCorners(minOf(xs), minOf(ys), maxOf(xs), maxOf(ys));
}

/// Parses PAGE XML `points` ("x1,y1 x2,y2 …"); null when any pair is not two numbers.
export function parsePoints(points: string): Point[] | null {
  const pairs = points.trim().split(/\s+/).filter((pair) => pair !== '');
  const parsed: Point[] = [];
  for (const pair of pairs) {
    const [xs, ys, extra] = pair.split(',');
    const x = Number(xs);
    const y = Number(ys);
    if (extra !== undefined || xs === undefined || ys === undefined || xs === '' || ys === '') return null;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    parsed.push([x, y]);
  }
  return parsed.length > 0 ? parsed : null;
}
