/// Appends every item to `target` and returns it, one push at a time.
///
/// `target.push(...items)` puts each item on the call stack and throws "Maximum call stack size exceeded" past about
/// 120,000 items; this does not (lint forbids argument spreading for that reason).
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/// The smallest of `values` (Infinity when there are none), without spreading them into `Math.min`.
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const value of values) if (value < min) min = value;
  return min;
}

/// The largest of `values` (-Infinity when there are none), without spreading them into `Math.max`.
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max;
}
