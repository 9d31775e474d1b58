/// Boxes of corrected words: a split word's parts share its box along the line, typed text gets the room between
/// its neighbours. Lines taller than wide are set top to bottom (Chinese newspapers often are).
import type { Region } from '../../layout/types';

const SPACE = /\s/u;

/// The box between two boxes along the line (for a new SP or a typed word), within the line's box.
export function between(before: Region | null, after: Region | null, line: Region, vertical: boolean): Region {
  if (vertical) {
    const y0 = before ? before.y + before.height : line.y;
    const y1 = after ? after.y : line.y + line.height;
    return { x: line.x, y: Math.min(y0, y1), width: line.width, height: Math.abs(y1 - y0) };
  }
  const x0 = before ? before.x + before.width : line.x;
  const x1 = after ? after.x : line.x + line.width;
  return { x: Math.min(x0, x1), y: line.y, width: Math.abs(x1 - x0), height: line.height };
}

/// True for a line set top to bottom (taller than wide), as Chinese newspapers often are.
export function isVertical(region: Region | null): boolean {
  return region !== null && region.height > region.width;
}

/// The share of `region` that characters [from, to) of a word's corrected `text` take along the line, counted
/// between its first and last visible character (a line break the word took in takes no room).
export function share(region: Region | null, [from, to]: [number, number], text: string, vertical: boolean): Region | null {
  const chars = Array.from(text);
  const lead = chars.findIndex((c) => !SPACE.test(c));
  const visibleEnd = chars.length - [...chars].reverse().findIndex((c) => !SPACE.test(c));
  const length = visibleEnd - lead;
  if (!region || lead < 0 || length <= 0) return region;
  const a = Math.max(0, from - lead) / length;
  const b = Math.min(length, to - lead) / length;
  if (a <= 0 && b >= 1) return region;
  if (vertical) return { x: region.x, y: region.y + region.height * a, width: region.width, height: region.height * (b - a) };
  return { x: region.x + region.width * a, y: region.y, width: region.width * (b - a), height: region.height };
}
