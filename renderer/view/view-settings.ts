/// The reader's view settings (issue 16 item 4): text size, line spacing, font, theme, which panels are shown.
/// Pure: parsing, stepping and the CSS they turn into, so they can be tested without a DOM.

/// The editor's font: a sans-serif (Hei) or a serif (Song / Ming) face.
export type FontFamily = 'sans' | 'serif';
/// The colour theme: as the system says (prefers-color-scheme), or fixed.
export type ThemeChoice = 'system' | 'light' | 'dark';

/// Everything the View menu sets, remembered across restarts.
export interface ViewSettings {
  /// The editor's text size in CSS pixels.
  fontSize: number;
  /// The editor's line height as a multiple of the text size.
  lineSpacing: number;
  font: FontFamily;
  theme: ThemeChoice;
  /// Whether the page list (left) is shown.
  sidebar: boolean;
  /// Whether the right-hand panels (OCR suggestions, entities) and their tabs are shown.
  panels: boolean;
  /// Focus mode: the text and the scan only (no page list, page header or side panels).
  focus: boolean;
}

/// The text size Ctrl+0 goes back to.
export const DEFAULT_FONT_SIZE = 18;
/// The sizes Ctrl+= and Ctrl+− step through.
export const FONT_SIZES = [12, 14, 16, 18, 20, 22, 24, 28, 32, 36] as const;
/// The line spacings offered.
export const LINE_SPACINGS = [1.4, 1.6, 1.8, 2.0, 2.2] as const;
export const DEFAULT_LINE_SPACING = 1.6;

/// The settings of a first start.
export const DEFAULT_VIEW: ViewSettings = {
  fontSize: DEFAULT_FONT_SIZE,
  lineSpacing: DEFAULT_LINE_SPACING,
  font: 'sans',
  theme: 'system',
  sidebar: true,
  panels: true,
  focus: false,
};

/// The CSS font stacks of the two choices; CJK faces first so Latin fallbacks never pick the Chinese glyphs.
export const FONT_STACKS: Record<FontFamily, string> = {
  sans: "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif",
  serif: "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', STSong, SimSun, serif",
};

/// Reads stored settings (JSON), keeping each valid field and the default for anything missing or wrong, so a
/// damaged or older value never breaks the view.
export function parseViewSettings(stored: string | null): ViewSettings {
  if (stored === null) return DEFAULT_VIEW;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_VIEW;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_VIEW;
  const value = raw as Record<string, unknown>;
  const pick = <T>(key: keyof ViewSettings, valid: (v: unknown) => v is T, fallback: T): T => (valid(value[key]) ? (value[key] as T) : fallback);
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  return {
    fontSize: typeof value.fontSize === 'number' ? clampFontSize(value.fontSize) : DEFAULT_VIEW.fontSize,
    lineSpacing: pick('lineSpacing', (v): v is number => typeof v === 'number' && (LINE_SPACINGS as readonly number[]).includes(v), DEFAULT_VIEW.lineSpacing),
    font: pick('font', (v): v is FontFamily => v === 'sans' || v === 'serif', DEFAULT_VIEW.font),
    theme: pick('theme', (v): v is ThemeChoice => v === 'system' || v === 'light' || v === 'dark', DEFAULT_VIEW.theme),
    sidebar: pick('sidebar', isBool, DEFAULT_VIEW.sidebar),
    panels: pick('panels', isBool, DEFAULT_VIEW.panels),
    focus: pick('focus', isBool, DEFAULT_VIEW.focus),
  };
}

/// A text size kept within the offered range (the nearest offered size for an odd stored one).
export function clampFontSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_FONT_SIZE;
  let best: number = FONT_SIZES[0];
  for (const candidate of FONT_SIZES) if (Math.abs(candidate - size) < Math.abs(best - size)) best = candidate;
  return best;
}

/// The next larger (`+1`) or smaller (`-1`) offered size; the same size at either end.
export function stepFontSize(size: number, direction: 1 | -1): number {
  const index = FONT_SIZES.indexOf(clampFontSize(size) as (typeof FONT_SIZES)[number]);
  return FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, index + direction))]!;
}

/// The theme actually shown: the choice, or the system's preference for `system`.
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/// The editor's line height in pixels.
export function lineHeightPx(settings: Pick<ViewSettings, 'fontSize' | 'lineSpacing'>): number {
  return settings.fontSize * settings.lineSpacing;
}

/// The CSS custom properties the editor's style sheet reads (`--editor-font-size` and friends).
export function viewCssVariables(settings: ViewSettings): Record<string, string> {
  return {
    '--editor-font-size': `${settings.fontSize}px`,
    '--editor-line-height': String(settings.lineSpacing),
    '--editor-font': FONT_STACKS[settings.font],
  };
}

/// The View menu's commands (keys and the application menu).
export type ViewCommand = 'text-bigger' | 'text-smaller' | 'text-reset' | 'toggle-sidebar' | 'toggle-panels' | 'focus-mode';

/// What a View command changes.
///
/// Showing the page list or the side panels also leaves focus mode, since focus mode hides them whatever they are set to.
export function viewCommandChange(settings: ViewSettings, command: ViewCommand): Partial<ViewSettings> {
  switch (command) {
    case 'text-bigger': return { fontSize: stepFontSize(settings.fontSize, 1) };
    case 'text-smaller': return { fontSize: stepFontSize(settings.fontSize, -1) };
    case 'text-reset': return { fontSize: DEFAULT_FONT_SIZE };
    case 'toggle-sidebar': return settings.focus ? { focus: false, sidebar: true } : { sidebar: !settings.sidebar };
    case 'toggle-panels': return settings.focus ? { focus: false, panels: true } : { panels: !settings.panels };
    case 'focus-mode': return { focus: !settings.focus };
  }
}

/// Whether an app command is one of the View menu's.
export function isViewCommand(command: string): command is ViewCommand {
  return ['text-bigger', 'text-smaller', 'text-reset', 'toggle-sidebar', 'toggle-panels', 'focus-mode'].includes(command);
}

/// The class names on the app's root that hide the page list, the side panels or everything but text and scan.
export function viewClassNames(settings: ViewSettings): string {
  return [settings.focus && 'view-focus', (!settings.sidebar || settings.focus) && 'view-no-sidebar', (!settings.panels || settings.focus) && 'view-no-panels']
    .filter(Boolean)
    .join(' ');
}
