import { describe, expect, it } from 'vitest';
import {
  MAX_REMEMBERED_DISPLAYS,
  NO_WINDOW_STATES,
  clampToWorkArea,
  displayKey,
  recordWindowState,
  restoreWindowState,
  type DisplayInfo,
  type Rect,
} from '../../../electron/window-state';

const display = (x: number, y: number, width: number, height: number, bar = 40): DisplayInfo => ({
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - bar },
});
const laptop = display(0, 0, 1440, 900);
const monitor = display(1440, -200, 2560, 1440);
const inside = (rect: Rect, area: Rect) =>
  rect.x >= area.x && rect.y >= area.y && rect.x + rect.width <= area.x + area.width && rect.y + rect.height <= area.y + area.height;

describe('window state per display', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    const restored = restoreWindowState(NO_WINDOW_STATES, [laptop], laptop);
    expect(restored).toEqual({ bounds: { x: 80, y: 0, width: 1280, height: 860 }, maximized: false, fullScreen: false, remembered: false });
  });

  it('remembers the state under the display holding most of the window, and restores it there', () => {
    const state = { bounds: { x: 1500, y: -100, width: 1600.4, height: 1000 }, maximized: true, fullScreen: false };
    const saved = recordWindowState(NO_WINDOW_STATES, state, [laptop, monitor]);
    expect(saved.last).toBe(displayKey(monitor));
    expect(saved.byDisplay[displayKey(monitor)]).toEqual({ bounds: { x: 1500, y: -100, width: 1600, height: 1000 }, maximized: true, fullScreen: false });
    expect(restoreWindowState(saved, [laptop, monitor], laptop)).toEqual({ ...saved.byDisplay[displayKey(monitor)], remembered: true });
  });

  it('keeps a separate state per display and uses the one of an attached display when the last is gone', () => {
    let saved = recordWindowState(NO_WINDOW_STATES, { bounds: { x: 10, y: 10, width: 900, height: 700 }, maximized: false, fullScreen: false }, [laptop, monitor]);
    saved = recordWindowState(saved, { bounds: { x: 2000, y: 0, width: 1800, height: 1200 }, maximized: false, fullScreen: true }, [laptop, monitor]);
    expect(Object.keys(saved.byDisplay)).toHaveLength(2);
    // The monitor is unplugged: the laptop's own remembered state is used.
    expect(restoreWindowState(saved, [laptop], laptop)).toEqual({ bounds: { x: 10, y: 10, width: 900, height: 700 }, maximized: false, fullScreen: false, remembered: true });
  });

  it('brings a window whose display is gone back onto the primary display, at its size if it fits', () => {
    const saved = recordWindowState(NO_WINDOW_STATES, { bounds: { x: 2000, y: 0, width: 2400, height: 1300 }, maximized: false, fullScreen: true }, [laptop, monitor]);
    const restored = restoreWindowState(saved, [laptop], laptop);
    expect(inside(restored.bounds, laptop.workArea)).toBe(true);
    expect(restored.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
    // Full screen on a display that is not there any more is not carried over.
    expect(restored.fullScreen).toBe(false);
  });

  it('moves a remembered window that hangs off its display (the task bar moved, the resolution dropped) back inside', () => {
    const saved = recordWindowState(NO_WINDOW_STATES, { bounds: { x: 1000, y: 600, width: 1000, height: 800 }, maximized: false, fullScreen: false }, [laptop]);
    const restored = restoreWindowState(saved, [laptop], laptop);
    expect(inside(restored.bounds, laptop.workArea)).toBe(true);
    expect(restored.bounds).toEqual({ x: 440, y: 60, width: 1000, height: 800 });
  });

  it('clamps to any work area, with negative coordinates and a screen smaller than the minimum size', () => {
    expect(clampToWorkArea({ x: -5000, y: -5000, width: 100, height: 100 }, { x: -1920, y: -300, width: 1920, height: 1040 })).toEqual({ x: -1920, y: -300, width: 720, height: 480 });
    expect(clampToWorkArea({ x: 0, y: 0, width: 1280, height: 860 }, { x: 0, y: 0, width: 640, height: 400 })).toEqual({ x: 0, y: 0, width: 640, height: 400 });
  });

  it(`forgets the least recently used display beyond ${MAX_REMEMBERED_DISPLAYS}`, () => {
    let saved = NO_WINDOW_STATES;
    const displays = Array.from({ length: MAX_REMEMBERED_DISPLAYS + 2 }, (_, i) => display(i * 2000, 0, 1920, 1080));
    for (const d of displays) saved = recordWindowState(saved, { bounds: { ...d.workArea, width: 800, height: 600 }, maximized: false, fullScreen: false }, displays);
    expect(Object.keys(saved.byDisplay)).toHaveLength(MAX_REMEMBERED_DISPLAYS);
    expect(saved.byDisplay[displayKey(displays[0]!)]).toBeUndefined();
    expect(saved.byDisplay[displayKey(displays.at(-1)!)]).toBeDefined();
  });

  it('ignores a window with no size', () => {
    expect(recordWindowState(NO_WINDOW_STATES, { bounds: { x: 0, y: 0, width: 0, height: 0 }, maximized: false, fullScreen: false }, [laptop])).toBe(NO_WINDOW_STATES);
  });
});
