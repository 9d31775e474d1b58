import { useCallback, useState } from 'react';

/// Whether a side panel is shown, remembered per panel and per layout (page with or without a scan).
///
/// Beside a scan the page area is narrow, so panels there have their own default (usually hidden) and the
/// user's choice for that layout does not change the choice for plain pages.
export function usePanelShown(panel: string, withScan: boolean, defaults: { plain: boolean; scan: boolean }): [boolean, (shown: boolean) => void] {
  const [preference, setPreference] = useState(() => ({
    plain: readShown(panel, 'plain', defaults.plain),
    scan: readShown(panel, 'scan', defaults.scan),
  }));
  const layout = withScan ? 'scan' : 'plain';
  const setShown = useCallback(
    (shown: boolean) => {
      setPreference((current) => ({ ...current, [layout]: shown }));
      try {
        localStorage.setItem(storageKey(panel, layout), shown ? 'open' : 'hidden');
      } catch {
        // Storage may be unavailable (private mode); the choice then lasts for this session only.
      }
    },
    [panel, layout],
  );
  return [preference[layout], setShown];
}

function storageKey(panel: string, layout: 'plain' | 'scan'): string {
  return `jiaodui.panel.${panel}.${layout}`;
}

function readShown(panel: string, layout: 'plain' | 'scan', fallback: boolean): boolean {
  try {
    const stored = localStorage.getItem(storageKey(panel, layout));
    return stored === null ? fallback : stored === 'open';
  } catch {
    return fallback;
  }
}
