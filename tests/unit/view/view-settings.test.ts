import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  FONT_SIZES,
  clampFontSize,
  isViewCommand,
  lineHeightPx,
  parseViewSettings,
  resolveTheme,
  stepFontSize,
  viewClassNames,
  viewCommandChange,
  viewCssVariables,
} from '../../../renderer/view/view-settings';

describe('view settings store', () => {
  it('reads the defaults when nothing is stored or the value is damaged', () => {
    expect(parseViewSettings(null)).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('{not json')).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('42')).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('null')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips what it stores', () => {
    const settings = { fontSize: 24, lineSpacing: 2, font: 'serif', theme: 'dark', sidebar: false, panels: false, focus: true } as const;
    expect(parseViewSettings(JSON.stringify(settings))).toEqual(settings);
  });

  it('keeps each valid field and the default for each wrong one', () => {
    const parsed = parseViewSettings(JSON.stringify({ fontSize: 'big', lineSpacing: 7, font: 'comic', theme: 'dark', sidebar: 'no', focus: true }));
    expect(parsed).toEqual({ ...DEFAULT_VIEW, theme: 'dark', focus: true });
  });

  it('snaps an odd stored size to the nearest offered one', () => {
    expect(parseViewSettings(JSON.stringify({ fontSize: 19.2 })).fontSize).toBe(20);
    expect(clampFontSize(3)).toBe(FONT_SIZES[0]);
    expect(clampFontSize(400)).toBe(FONT_SIZES[FONT_SIZES.length - 1]);
    expect(clampFontSize(Number.NaN)).toBe(18);
  });

  it('steps the text size through the offered sizes and stops at either end', () => {
    expect(stepFontSize(18, 1)).toBe(20);
    expect(stepFontSize(18, -1)).toBe(16);
    expect(stepFontSize(FONT_SIZES[0], -1)).toBe(FONT_SIZES[0]);
    expect(stepFontSize(36, 1)).toBe(36);
  });

  it('resolves the system theme from prefers-color-scheme and keeps a fixed choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('turns the settings into the editor CSS variables', () => {
    const css = viewCssVariables({ ...DEFAULT_VIEW, fontSize: 22, lineSpacing: 1.8, font: 'serif' });
    expect(css['--editor-font-size']).toBe('22px');
    expect(css['--editor-line-height']).toBe('1.8');
    expect(css['--editor-font']).toMatch(/^'Noto Serif CJK SC'.*SimSun, serif$/);
    expect(lineHeightPx({ fontSize: 20, lineSpacing: 1.6 })).toBe(32);
  });

  it('applies the View commands', () => {
    expect(viewCommandChange(DEFAULT_VIEW, 'text-bigger')).toEqual({ fontSize: 20 });
    expect(viewCommandChange({ ...DEFAULT_VIEW, fontSize: 28 }, 'text-reset')).toEqual({ fontSize: 18 });
    expect(viewCommandChange(DEFAULT_VIEW, 'toggle-sidebar')).toEqual({ sidebar: false });
    expect(viewCommandChange(DEFAULT_VIEW, 'focus-mode')).toEqual({ focus: true });
    // In focus mode, asking for the page list or the panels shows them and leaves focus mode.
    expect(viewCommandChange({ ...DEFAULT_VIEW, focus: true, sidebar: false }, 'toggle-sidebar')).toEqual({ focus: false, sidebar: true });
    expect(viewCommandChange({ ...DEFAULT_VIEW, focus: true }, 'toggle-panels')).toEqual({ focus: false, panels: true });
    expect(isViewCommand('focus-mode')).toBe(true);
    expect(isViewCommand('save')).toBe(false);
  });

  it('names the classes that hide the page list and the panels', () => {
    expect(viewClassNames(DEFAULT_VIEW)).toBe('');
    expect(viewClassNames({ ...DEFAULT_VIEW, sidebar: false })).toBe('view-no-sidebar');
    expect(viewClassNames({ ...DEFAULT_VIEW, focus: true }).split(' ').sort()).toEqual(['view-focus', 'view-no-panels', 'view-no-sidebar']);
  });
});
