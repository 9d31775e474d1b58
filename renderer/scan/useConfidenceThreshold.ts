import { useCallback, useState } from 'react';

const STORAGE_KEY = 'jiaodui.confidenceThreshold';
/// The threshold used when nothing is remembered yet: characters the engine gave less than 80 % are underlined.
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.8;

/// The OCR confidence (0..1) below which characters are underlined, remembered in localStorage.
export function useConfidenceThreshold(): [number, (threshold: number) => void] {
  const [threshold, setThreshold] = useState(readStored);
  const update = useCallback((next: number) => {
    const clamped = clampThreshold(next);
    setThreshold(clamped);
    try {
      localStorage.setItem(STORAGE_KEY, String(clamped));
    } catch {
      // Storage can be full or disabled; the threshold then lasts only for this session.
    }
  }, []);
  return [threshold, update];
}

/// The threshold kept within 0..1 (the default when not a number).
export function clampThreshold(threshold: number): number {
  if (!Number.isFinite(threshold)) return DEFAULT_CONFIDENCE_THRESHOLD;
  return Math.min(1, Math.max(0, threshold));
}

function readStored(): number {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === null ? DEFAULT_CONFIDENCE_THRESHOLD : clampThreshold(Number(stored));
  } catch {
    return DEFAULT_CONFIDENCE_THRESHOLD;
  }
}
