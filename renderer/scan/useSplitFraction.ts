import { useCallback, useState } from 'react';

const STORAGE_KEY = 'jiaodui.scanSplit';
/// The share of the page area the scan takes when nothing is remembered yet.
export const DEFAULT_SCAN_FRACTION = 0.45;
/// Neither side of the split gets less than this share.
export const MIN_FRACTION = 0.15;

/// The scan's share of the page area (0..1) the user set, remembered in localStorage across pages and restarts, or
/// null while none is set (the split then follows `autoScanFraction`); setting null forgets the choice.
export function useSplitFraction(): [number | null, (fraction: number | null) => void] {
  const [fraction, setFraction] = useState(readStored);
  const update = useCallback((next: number | null) => {
    const clamped = next === null ? null : clampFraction(next);
    setFraction(clamped);
    try {
      if (clamped === null) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, String(clamped));
    } catch {
      // Storage can be full or disabled; the split then lasts only for this session.
    }
  }, []);
  return [fraction, update];
}

/// The fraction kept between MIN_FRACTION and 1 - MIN_FRACTION.
export function clampFraction(fraction: number): number {
  if (!Number.isFinite(fraction)) return DEFAULT_SCAN_FRACTION;
  return Math.min(1 - MIN_FRACTION, Math.max(MIN_FRACTION, fraction));
}

function readStored(): number | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === null ? null : clampFraction(Number(stored));
  } catch {
    return null;
  }
}
