import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { TEXT_SOURCES, type CorpusSettings, type TextSource } from '../../shared/ipc/contract';
import { Modal } from '../components/Modal';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { IgnoreListSection } from '../settings/IgnoreListSection';
import type { IgnoreEntry } from '../../shared/learning/ignore-list';

/// The corpus settings dialog: where page text comes from when a page has both a `.txt` and a layout file.
///
/// Shows a problem with the settings file (the defaults then apply). Apply hands the choice to `onApply`, which
/// rewrites `jiaodui.corpus.json` and rescans; the dialog closes when that succeeds.
export function CorpusSettingsDialog({
  api,
  onApply,
  onClose,
  onIgnoreChange,
}: {
  api: JiaoduiApi;
  onApply(source: TextSource): Promise<string | null>;
  onClose(): void;
  /// The corpus's ignore list was changed in its section (renderer/settings/IgnoreListSection.tsx).
  onIgnoreChange?(entries: readonly IgnoreEntry[]): void;
}) {
  const t = useT();
  const errorWords = useErrorWords();
  const [settings, setSettings] = useState<CorpusSettings | null>(null);
  const [choice, setChoice] = useState<TextSource>('layout');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ignoreShown, setIgnoreShown] = useState(false);

  useEffect(() => {
    void api.corpusSettings().then((result) => {
      if (!result.ok) return setError(errorWords(result.error));
      setSettings(result.value);
      setChoice(result.value.textSource);
    });
  }, [api, errorWords]);

  const apply = async () => {
    setBusy(true);
    const problem = await onApply(choice);
    setBusy(false);
    if (problem === null) onClose();
    else setError(problem);
  };

  return (
    <Modal title={t('corpusSettings.title')} onCancel={() => !busy && onClose()}>
      <fieldset disabled={settings === null || busy}>
        <legend>{t('corpusSettings.textSource')}</legend>
        {TEXT_SOURCES.map((source) => (
          <label key={source}>
            <input type="radio" name="text-source" checked={choice === source} onChange={() => setChoice(source)} />
            {t(`corpusSettings.textSource.${source}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('corpusSettings.hint', { file: settings?.file ?? 'jiaodui.corpus.json' })}</p>
      {settings?.problem && <p role="alert" className="error">{t('corpusSettings.problem', { message: errorWords(settings.problem) })}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <button type="button" aria-expanded={ignoreShown} onClick={() => setIgnoreShown((shown) => !shown)}>{t('ignore.open')}</button>
      {ignoreShown && <IgnoreListSection api={api} {...(onIgnoreChange && { onChanged: onIgnoreChange })} />}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => void apply()} disabled={settings === null || busy}>{t('corpusSettings.apply')}</button>
        <button type="button" onClick={onClose} disabled={busy}>{t('corpusSettings.cancel')}</button>
      </div>
    </Modal>
  );
}
