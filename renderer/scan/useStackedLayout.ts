import { useCallback, useState } from 'react';
import { parseStackedSetting } from './split-layout';

const STORAGE_KEY = 'jiaodui.scanLayout';

/// Whether the scan sits below the editor (stacked) instead of beside it, remembered in localStorage next to the
/// split fraction.
export function useStackedLayout(): [boolean, (stacked: boolean) => void] {
  const [stacked, setStacked] = useState(readStored);
  const update = useCallback((next: boolean) => {
    setStacked(next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'stacked' : 'side-by-side');
    } catch {
      // Storage can be full or disabled; the layout then lasts only for this session.
    }
  }, []);
  return [stacked, update];
}

function readStored(): boolean {
  try {
    return parseStackedSetting(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}
