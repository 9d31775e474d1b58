import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/LanguageContext';
import type { ViewSettingsHook } from './useViewSettings';
import { DEFAULT_FONT_SIZE, LINE_SPACINGS, stepFontSize, type FontFamily, type ThemeChoice } from './view-settings';
import './view.css';

/// The toolbar's View button and the panel it opens: text size, line spacing, font, theme, the page list, the side
/// panels and focus mode. A disclosure (button with aria-expanded), not a modal: Escape or a click outside closes
/// it and Escape gives focus back to the button.
export function ViewMenu({ view }: { view: ViewSettingsHook }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const { settings, update } = view;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const choice = <T extends string>(name: string, value: T, current: T, label: string, set: (value: T) => void) => (
    <label className="view-choice">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} />
      {label}
    </label>
  );
  const fontName = `${panelId}-font`;
  const themeName = `${panelId}-theme`;
  return (
    <div
      className="view-menu"
      ref={boxRef}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      }}
    >
      {settings.focus && (
        <button type="button" className="view-focus-exit" title="Ctrl+Shift+F" onClick={() => update({ focus: false })}>
          {t('view.focusExit')}
        </button>
      )}
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('view.menu')}
      </button>
      {open && (
        <div id={panelId} className="view-panel" role="group" aria-label={t('view.settings')}>
          <div className="view-row" role="group" aria-label={t('view.textSize')}>
            <span className="view-row-label" aria-hidden="true">{t('view.textSize')}</span>
            <button type="button" aria-label={t('view.smaller')} title={`${t('view.smaller')} (Ctrl+−)`} onClick={() => update((s) => ({ fontSize: stepFontSize(s.fontSize, -1) }))}>A−</button>
            <output className="view-size" aria-live="polite">{t('view.sizeValue', { size: settings.fontSize })}</output>
            <button type="button" aria-label={t('view.larger')} title={`${t('view.larger')} (Ctrl+=)`} onClick={() => update((s) => ({ fontSize: stepFontSize(s.fontSize, 1) }))}>A+</button>
            <button type="button" aria-label={t('view.resetSize')} title={`${t('view.resetSize')} (Ctrl+0)`} disabled={settings.fontSize === DEFAULT_FONT_SIZE} onClick={() => update({ fontSize: DEFAULT_FONT_SIZE })}>↺</button>
          </div>
          <label className="view-row">
            <span className="view-row-label">{t('view.lineSpacing')}</span>
            <select value={settings.lineSpacing} onChange={(event) => update({ lineSpacing: Number(event.currentTarget.value) })}>
              {LINE_SPACINGS.map((spacing) => (
                <option key={spacing} value={spacing}>{spacing.toFixed(1)}</option>
              ))}
            </select>
          </label>
          <fieldset className="view-row">
            <legend className="view-row-label">{t('view.font')}</legend>
            {choice<FontFamily>(fontName, 'sans', settings.font, t('view.fontSans'), (font) => update({ font }))}
            {choice<FontFamily>(fontName, 'serif', settings.font, t('view.fontSerif'), (font) => update({ font }))}
          </fieldset>
          <fieldset className="view-row">
            <legend className="view-row-label">{t('view.theme')}</legend>
            {choice<ThemeChoice>(themeName, 'system', settings.theme, t('view.themeSystem'), (theme) => update({ theme }))}
            {choice<ThemeChoice>(themeName, 'light', settings.theme, t('view.themeLight'), (theme) => update({ theme }))}
            {choice<ThemeChoice>(themeName, 'dark', settings.theme, t('view.themeDark'), (theme) => update({ theme }))}
          </fieldset>
          <label className="view-check" title="Ctrl+B">
            <input type="checkbox" checked={settings.sidebar} onChange={(event) => update({ sidebar: event.currentTarget.checked })} />
            {t('view.sidebar')}
          </label>
          <label className="view-check" title="Ctrl+Shift+B">
            <input type="checkbox" checked={settings.panels} onChange={(event) => update({ panels: event.currentTarget.checked })} />
            {t('view.panels')}
          </label>
          <label className="view-check" title="Ctrl+Shift+F">
            <input type="checkbox" checked={settings.focus} onChange={(event) => update({ focus: event.currentTarget.checked })} />
            {t('view.focus')}
          </label>
        </div>
      )}
    </div>
  );
}
