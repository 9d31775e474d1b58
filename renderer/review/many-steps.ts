import type { Mapping, StepMap } from 'prosemirror-transform';
import { lowerBound, upperBound } from '../../shared/sorted-search';

/// Maps positions the way a Mapping does (`map(pos, assoc)`), for the plugins that move things through an edit.
export interface PositionMapper {
  map(pos: number, assoc?: number): number;
}

/// How many ranges a mapping changes in all (one per ReplaceStep; many for an accept-all's ReplaceEachStep).
export function rangeCount(mapping: Mapping): number {
  let count = 0;
  for (const map of mapping.maps) map.forEach(() => count++);
  return count;
}

/// A fast mapper for an edit of many ranges, or null when the edit has another shape (then map with the Mapping).
///
/// Mapping a position costs one pass over the ranges (and over the steps), so moving thousands of suggestions,
/// decorations and accepted changes through an accept-all of thousands of ranges took seconds. Two shapes are
/// sorted once and searched by binary search, giving exactly what `mapping.map(pos, assoc)` gives:
/// - one step map with many ranges (a ReplaceEachStep): the first range holding the position maps it;
/// - many one-range steps made from the last place to the first: every range is in the coordinates of the
///   document before the edit, the ranges at the position apply in the order their steps ran, and the ranges
///   wholly before it shift it by their summed size change.
export function manyRangesMapper(mapping: Mapping): PositionMapper | null {
  const maps = mapping.maps;
  if ((mapping as unknown as { mirror?: unknown[] }).mirror?.length || maps.some(isInverted)) return null;
  if (maps.length === 1) return oneMapMapper(maps[0]!);
  return descendingStepsMapper(maps);
}

function isInverted(map: StepMap): boolean {
  return (map as unknown as { inverted?: boolean }).inverted === true;
}

// Ranges ascending as [start, end, size change] columns, with before[i] = the size change of ranges 0 … i-1.
interface Ranges {
  starts: number[];
  ends: number[];
  changes: number[];
  before: number[];
}

function collect(maps: readonly StepMap[]): Ranges {
  const ranges: Ranges = { starts: [], ends: [], changes: [], before: [0] };
  for (const map of maps) {
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      ranges.starts.push(oldStart);
      ranges.ends.push(oldEnd);
      ranges.changes.push(newEnd - newStart - (oldEnd - oldStart));
      ranges.before.push(ranges.before[ranges.before.length - 1]! + newEnd - newStart - (oldEnd - oldStart));
    });
  }
  return ranges;
}

// Where one range of size change `change` from `start` to `end` sends `pos` (StepMap's rule).
function throughRange(pos: number, assoc: number, start: number, end: number, change: number): number {
  const oldSize = end - start;
  const side = oldSize === 0 ? assoc : pos === start ? -1 : pos === end ? 1 : assoc;
  return start + (side < 0 ? 0 : oldSize + change);
}

function oneMapMapper(map: StepMap): PositionMapper {
  const { starts, ends, changes, before } = collect([map]);
  return {
    map(pos: number, assoc = 1): number {
      // The first range ending at or after pos.
      const lo = lowerBound(ends, pos);
      if (lo < ends.length && starts[lo]! <= pos) return throughRange(pos, assoc, starts[lo]!, ends[lo]!, changes[lo]!) + before[lo]!;
      return pos + before[lo]!;
    },
  };
}

function descendingStepsMapper(maps: readonly StepMap[]): PositionMapper | null {
  // Each step's one range must end at or before the range of every step before it.
  let floor = Infinity;
  for (const map of maps) {
    let count = 0;
    let low = 0;
    let high = 0;
    map.forEach((oldStart, oldEnd) => {
      count++;
      low = oldStart;
      high = oldEnd;
    });
    if (count === 0) continue;
    if (count > 1 || high > floor) return null;
    floor = low;
  }
  // Reading the maps from the last step to the first gives the ranges ascending.
  const { starts, ends, changes, before } = collect([...maps].reverse());
  return {
    map(pos: number, assoc = 1): number {
      // The last range starting at or before pos.
      const last = upperBound(starts, pos) - 1;
      let at = pos;
      // Ranges touching the position, in the order their steps ran (the later place first).
      for (let i = last; i >= 0; i--) {
        if (at > ends[i]!) return at + before[i + 1]!;
        at = throughRange(at, assoc, starts[i]!, ends[i]!, changes[i]!);
      }
      return at;
    },
  };
}
