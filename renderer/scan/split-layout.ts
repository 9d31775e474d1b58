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

/// The handle's width in pixels (the middle grid track).
export const HANDLE_WIDTH = 6;
/// CJK characters a line of text should hold beside the scan by default (issue 16: 30 at 1280 px wide).
export const TEXT_CHARS = 30;
/// The editor's own width besides its text: line-number gutter (56), padding (8 + 16), a scroll bar and a margin.
export const EDITOR_CHROME = 104;
/// The scan never gets less than this by default, so it stays usable in a narrow window (1024 px).
export const MIN_SCAN_WIDTH = 280;
/// The scan's share of a wide page area when nothing is remembered (the text then has more than it needs).
export const AUTO_SCAN_SHARE = 0.45;

/// The width in pixels the text column needs for `chars` CJK characters (one em each) at `fontSize` pixels.
export function textColumnWidth(fontSize: number, chars = TEXT_CHARS): number {
  return chars * fontSize + EDITOR_CHROME;
}

/// The scan's share when the user has not set one: the text gets room for TEXT_CHARS characters a line (at the
/// current text size), the scan the rest, but the scan no more than AUTO_SCAN_SHARE and no less than
/// MIN_SCAN_WIDTH pixels while there is room for it. Stacked, the height is shared as before.
export function autoScanFraction(gridSize: number, fontSize: number, stacked: boolean): number {
  const available = gridSize - HANDLE_WIDTH;
  if (stacked || available <= 0) return AUTO_SCAN_SHARE;
  const scan = Math.max(MIN_SCAN_WIDTH, available - textColumnWidth(fontSize));
  return Math.max(0.15, Math.min(AUTO_SCAN_SHARE, scan / available, 0.85));
}
