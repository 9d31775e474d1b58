import { createContext, useContext } from 'react';
import { DEFAULT_VIEW, type ViewSettings } from './view-settings';

/// The view settings for components deep in the page (the split and the scan viewer read the text size).
export const ViewSettingsContext = createContext<ViewSettings>(DEFAULT_VIEW);

/// The current view settings.
export function useViewContext(): ViewSettings {
  return useContext(ViewSettingsContext);
}
