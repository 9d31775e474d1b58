/// Grid arithmetic of the split between the editor and the scan, side by side or stacked.

/// The grid tracks of the split: editor, 6 px handle, scan; in columns side by side, in rows when stacked.
export function splitGridStyle(fraction: number, stacked: boolean): { gridTemplateColumns: string; gridTemplateRows: string } {
  const tracks = `minmax(0, ${1 - fraction}fr) 6px minmax(0, ${fraction}fr)`;
  return stacked ? { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: tracks } : { gridTemplateColumns: tracks, gridTemplateRows: 'minmax(0, 1fr)' };
}

/// The scan's share of the split for a pointer at (`clientX`, `clientY`), or null while the grid has no size.
///
/// The scan is on the right side by side and at the bottom when stacked, so its share is the distance from the
/// pointer to that edge.
export function fractionAtPointer(
  box: { left: number; top: number; right: number; bottom: number; width: number; height: number },
  clientX: number,
  clientY: number,
  stacked: boolean,
): number | null {
  if (stacked) return box.height > 0 ? (box.bottom - clientY) / box.height : null;
  return box.width > 0 ? (box.right - clientX) / box.width : null;
}

/// How an arrow key moves the handle: +1 gives the scan more room, -1 less, 0 for keys that do not move it.
///
/// Side by side the left arrow widens the scan (it is on the right); stacked the up arrow makes it taller.
export function handleKeyDirection(key: string, stacked: boolean): 1 | -1 | 0 {
  if (stacked) return key === 'ArrowUp' ? 1 : key === 'ArrowDown' ? -1 : 0;
  return key === 'ArrowLeft' ? 1 : key === 'ArrowRight' ? -1 : 0;
}

/// Reads the remembered layout: true only for the exact value `stacked`.
export function parseStackedSetting(stored: string | null): boolean {
  return stored === 'stacked';
}
