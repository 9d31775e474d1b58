import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import './ui-fit.css';
import type { AppCommand } from '../state/useShortcuts';

/// The toolbar: open, save, export, corpus settings, find and replace, tag set, shortcuts and language.
export function Toolbar({ corpusOpen, pageOpen = false, dirty, dashboardShown = false, run, onCorpusSettings, onTagset, onSwitchLanguage, viewMenu }: {
  corpusOpen: boolean;
  /// Whether a page is open (the original-vs-corrected view needs one).
  pageOpen?: boolean;
  /// Whether the corpus dashboard is shown (its button is then pressed).
  dashboardShown?: boolean;
  dirty: boolean;
  run(command: AppCommand): void;
  onCorpusSettings(): void;
  onTagset(): void;
  onSwitchLanguage(): void;
  /// The View menu (renderer/view), shown before the help and language buttons.
  viewMenu?: ReactNode;
}) {
  const t = useT();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('appTitle')}>
      <span className="brand" aria-hidden="true">校对 Jiaodui</span>
      <button type="button" onClick={() => run('open-folder')} title="Ctrl+O">{t('openFolder')}</button>
      <button type="button" onClick={() => run('save')} disabled={!dirty} title="Ctrl+S">{t('save')}</button>
      <button type="button" onClick={() => run('export')} disabled={!corpusOpen} title="Ctrl+E">{t('export')}</button>
      <button type="button" onClick={onCorpusSettings} disabled={!corpusOpen}>{t('corpusSettings.open')}</button>
      <button type="button" onClick={() => run('find-replace')} disabled={!corpusOpen} title="Ctrl+Shift+H">{t('batch.open')}</button>
      <button type="button" onClick={onTagset} disabled={!corpusOpen}>{t('tagset.title')}</button>
      <button type="button" onClick={() => run('dashboard')} aria-pressed={dashboardShown} title="Ctrl+Shift+D">{t('dashboard.open')}</button>
      <button type="button" onClick={() => run('original-view')} disabled={!pageOpen} title="Ctrl+Shift+K">{t('origView.open')}</button>
      <span className="spacer" />
      {viewMenu}
      <button type="button" onClick={() => run('shortcuts')} aria-label={t('shortcuts')} title="?">⌨</button>
      <button type="button" onClick={onSwitchLanguage} aria-label={t('language')} title="Ctrl+Shift+L">{t('switchLanguage')}</button>
    </header>
  );
}
