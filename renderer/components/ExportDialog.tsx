import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/types';
import { useEffect, useState } from 'react';
import type { ExportOutcome } from '../../shared/ipc/contract';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { useT } from '../i18n/LanguageContext';
import { Modal } from './Modal';

/// The export dialog: scope (whole corpus or selected pages), destination folder, progress and outcome.
export function ExportDialog({
  api,
  pageCount,
  selected,
  onClose,
}: {
  api: JiaoduiApi;
  pageCount: number;
  selected: readonly string[];
  onClose(): void;
}) {
  const t = useT();
  const [scope, setScope] = useState<'all' | 'selected'>(selected.length > 1 ? 'selected' : 'all');
  const [folder, setFolder] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = progress !== null && outcome === null && error === null;

  useEffect(() => api.on('export.progress', (p) => setProgress(p)), [api]);

  const choose = async () => {
    const result = await api.chooseExportFolder();
    if (result.ok) setFolder(result.value);
    else setError(result.error.message);
  };

  const start = async () => {
    setError(null);
    setOutcome(null);
    setProgress({ done: 0, total: scope === 'all' ? pageCount : selected.length });
    const result = await api.exportCorpus({ formats: ['text'], scope: scope === 'all' ? { kind: 'all' } : { kind: 'pages', pages: [...selected] }, options: DEFAULT_EXPORT_OPTIONS });
    if (result.ok) setOutcome(result.value);
    else setError(result.error.message);
  };

  return (
    <Modal title={t('exportTitle')} onCancel={() => !running && onClose()}>
      <fieldset disabled={running}>
        <legend>{t('exportScope')}</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          {t('exportAll', { count: pageCount })}
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'selected'} disabled={selected.length === 0} onChange={() => setScope('selected')} />
          {t('exportSelected', { count: selected.length })}
        </label>
      </fieldset>
      <div className="export-folder">
        <span>{t('exportFolder')}: </span>
        <code data-testid="export-folder">{folder ?? t('noFolderChosen')}</code>
        <button type="button" onClick={() => void choose()} disabled={running}>{t('chooseFolder')}</button>
      </div>
      {progress && (
        <progress
          aria-label={t('exportProgress')}
          max={Math.max(progress.total, 1)}
          value={progress.done}
        />
      )}
      {outcome && (
        <div role="status" className="export-outcome">
          <p>{t('exportDone', { count: outcome.written, folder: outcome.outDir })}</p>
          {outcome.problems.length > 0 && (
            <>
              <p>{t('exportProblems', { count: outcome.problems.length })}</p>
              <ul>{outcome.problems.map((p) => <li key={p.path}><code>{p.path}</code>: {p.message}</li>)}</ul>
            </>
          )}
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => void start()} disabled={folder === null || running}>{t('startExport')}</button>
        <button type="button" onClick={onClose} disabled={running}>{t('close')}</button>
      </div>
    </Modal>
  );
}
