import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { applyChartTheme } from './chart-theme';
import { parseViewSettings, resolveTheme, viewCssVariables, type ViewSettings } from './view-settings';

/// Where the view settings are remembered: localStorage, as the split and the panels are (one JSON value).
export const VIEW_STORAGE_KEY = 'jiaodui.view';

/// The view settings and a way to change some of them; changes are remembered at once.
export interface ViewSettingsHook {
  settings: ViewSettings;
  update(change: Partial<ViewSettings> | ((current: ViewSettings) => Partial<ViewSettings>)): void;
  /// The theme shown now (the system's for "system").
  theme: 'light' | 'dark';
}

/// The view settings of this window: read once from storage, written on every change, and applied to the
/// document — the editor's size, spacing and font as CSS custom properties on <html>, the theme as its
/// `data-theme` attribute (following prefers-color-scheme while the choice is "system").
export function useViewSettings(): ViewSettingsHook {
  const [settings, setSettings] = useState<ViewSettings>(readStored);
  const systemDark = useSystemDark();
  const theme = resolveTheme(settings.theme, systemDark);

  const update = useCallback((change: Partial<ViewSettings> | ((current: ViewSettings) => Partial<ViewSettings>)) => {
    setSettings((current) => {
      const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
      try {
        localStorage.setItem(VIEW_STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage can be full or disabled; the settings then last for this session only.
      }
      return next;
    });
  }, []);

  // Layout effect: the first paint already has the remembered size and theme (no flash of the defaults).
  useLayoutEffect(() => {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(viewCssVariables(settings))) root.style.setProperty(name, value);
  }, [settings]);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    // Form controls and scroll bars follow the theme too.
    document.documentElement.style.colorScheme = theme;
    applyChartTheme();
  }, [theme]);
  return useMemo(() => ({ settings, update, theme }), [settings, update, theme]);
}

function readStored(): ViewSettings {
  try {
    return parseViewSettings(localStorage.getItem(VIEW_STORAGE_KEY));
  } catch {
    return parseViewSettings(null);
  }
}

/// Whether the system asks for a dark theme, updated when it changes.
function useSystemDark(): boolean {
  const [dark, setDark] = useState(() => darkQuery()?.matches ?? false);
  useEffect(() => {
    const query = darkQuery();
    if (query === null) return;
    const onChange = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
}
