// Pure window-state logic: which saved state applies to the displays attached now, and how to keep it visible.
// No Electron import, so it is tested with plain rectangles (tests/unit/shell/window-state.test.ts).

/// A rectangle in screen coordinates (device-independent pixels, as Electron reports them).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/// One attached display, as `screen.getAllDisplays()` describes it.
export interface DisplayInfo {
  bounds: Rect;
  /// The part not taken by the task bar, the dock or the menu bar.
  workArea: Rect;
}

/// The window state remembered for one display.
export interface SavedWindowState {
  /// The normal (not maximised, not full-screen) bounds.
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/// Everything remembered: the state per display (keyed by `displayKey`) and the display used last.
export interface WindowStates {
  last: string | null;
  byDisplay: Record<string, SavedWindowState>;
}

/// What the window opens with.
export interface RestoredWindowState extends SavedWindowState {
  /// Whether a remembered state was used (false: the default size, centred on the primary display).
  remembered: boolean;
}

/// Smallest and default window sizes (the window's own minimum in window.ts).
export const WINDOW_SIZES = { minWidth: 720, minHeight: 480, defaultWidth: 1280, defaultHeight: 860 } as const;

/// At most this many displays are remembered; the least recently used is dropped.
export const MAX_REMEMBERED_DISPLAYS = 8;

/// An empty record: nothing remembered yet.
export const NO_WINDOW_STATES: WindowStates = { last: null, byDisplay: {} };

/// The key a display is remembered by: its position and size in the desktop.
///
/// Display ids are not stable across restarts on every platform; the bounds are, and they also tell two
/// monitors of the same model apart by where they sit.
export function displayKey(display: Pick<DisplayInfo, 'bounds'>): string {
  const b = display.bounds;
  return `${b.x},${b.y},${b.width}x${b.height}`;
}

/// The display holding the largest part of `rect` (the first display when it touches none).
export function displayMatching(rect: Rect, displays: readonly DisplayInfo[]): DisplayInfo | null {
  let best: DisplayInfo | null = null;
  let bestArea = -1;
  for (const display of displays) {
    const area = intersectionArea(rect, display.bounds);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}

/// Records the window's state under the display that holds most of it, which becomes the last display used.
///
/// Returns a new record; bounds are rounded; a window with a non-positive size is not recorded.
export function recordWindowState(states: WindowStates, state: SavedWindowState, displays: readonly DisplayInfo[]): WindowStates {
  const bounds = roundRect(state.bounds);
  if (!(bounds.width > 0 && bounds.height > 0)) return states;
  const display = displayMatching(bounds, displays);
  if (!display) return states;
  const key = displayKey(display);
  // Most recent first, so trimming drops the display used longest ago.
  const others = Object.entries(states.byDisplay).filter(([k]) => k !== key);
  const entries: [string, SavedWindowState][] = [[key, { bounds, maximized: state.maximized, fullScreen: state.fullScreen }], ...others];
  return { last: key, byDisplay: Object.fromEntries(entries.slice(0, MAX_REMEMBERED_DISPLAYS)) };
}

/// Chooses the state to open the window with on the displays attached now.
///
/// The last display's state when that display is still attached; else the state of another remembered display that
/// is attached; else the last state's size centred on the primary display; else the default size there. The bounds
/// always end up inside a display's work area (shrunk to fit, moved in), so the window never opens off-screen.
export function restoreWindowState(states: WindowStates, displays: readonly DisplayInfo[], primary: DisplayInfo): RestoredWindowState {
  const attached = new Map(displays.map((display) => [displayKey(display), display]));
  const keys = [...(states.last ? [states.last] : []), ...Object.keys(states.byDisplay)];
  for (const key of keys) {
    const saved = states.byDisplay[key];
    const display = attached.get(key);
    if (saved && display) return { ...saved, bounds: clampToWorkArea(saved.bounds, display.workArea), remembered: true };
  }
  const lastSaved = states.last ? states.byDisplay[states.last] : undefined;
  if (lastSaved) {
    // The display it was on is gone: keep the size the user chose, on the primary display; not full screen there.
    const bounds = centreIn(lastSaved.bounds.width, lastSaved.bounds.height, primary.workArea);
    return { bounds, maximized: lastSaved.maximized, fullScreen: false, remembered: true };
  }
  return {
    bounds: centreIn(WINDOW_SIZES.defaultWidth, WINDOW_SIZES.defaultHeight, primary.workArea),
    maximized: false,
    fullScreen: false,
    remembered: false,
  };
}

/// Moves and shrinks `rect` so that it lies wholly inside `area` (never below the window's minimum size, unless
/// the work area itself is smaller).
export function clampToWorkArea(rect: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(Math.round(rect.width), Math.min(WINDOW_SIZES.minWidth, area.width)), area.width);
  const height = Math.min(Math.max(Math.round(rect.height), Math.min(WINDOW_SIZES.minHeight, area.height)), area.height);
  const x = Math.min(Math.max(Math.round(rect.x), area.x), area.x + area.width - width);
  const y = Math.min(Math.max(Math.round(rect.y), area.y), area.y + area.height - height);
  return { x, y, width, height };
}

function centreIn(width: number, height: number, area: Rect): Rect {
  const w = Math.min(Math.max(width, Math.min(WINDOW_SIZES.minWidth, area.width)), area.width);
  const h = Math.min(Math.max(height, Math.min(WINDOW_SIZES.minHeight, area.height)), area.height);
  return clampToWorkArea({ x: area.x + Math.floor((area.width - w) / 2), y: area.y + Math.floor((area.height - h) / 2), width: w, height: h }, area);
}

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function roundRect(rect: Rect): Rect {
  return { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
}
