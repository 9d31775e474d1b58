import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { ExportChoices, PageEntry } from '../../shared/ipc/contract';
import { Modal } from '../components/Modal';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { blocker, exportRequestFor, openingChoices, type ScopeContext } from './choices';
import { ExportReport } from './ExportReport';
import { FormatPicker, type LayoutPageCounts } from './FormatPicker';
import { OptionsPicker } from './OptionsPicker';
import { ScopePicker } from './ScopePicker';
import { useExportRun } from './useExportRun';
import './export.css';

/// What the Export dialog needs from the app around it.
export interface ExportDialogProps {
  api: JiaoduiApi;
  pages: readonly PageEntry[];
  /// The page open in the editor, or null.
  openPage: string | null;
  selected: readonly string[];
  /// The choices remembered from the last time (absent before the first).
  remembered: ExportChoices | undefined;
  /// Called with the choices after each change, to remember them (in the app state, across restarts).
  onRemember(choices: ExportChoices): void;
  /// The destination chosen earlier in this session (the main process keeps it), or null.
  folder: string | null;
  onFolder(folder: string): void;
  /// Whether the open page has unsaved changes (the export reads saved sidecars), and how to save them.
  dirty: boolean;
  onSave(): void;
  onClose(): void;
}

/// File → Export: formats (several at once), pages (this page, the selected pages, by review status, the whole
/// corpus), destination folder and options; then a progress bar, Cancel, and the outcome. Enter exports, Escape
/// cancels a running export or else closes.
export function ExportDialog({ api, pages, openPage, selected, remembered, onRemember, folder, onFolder, dirty, onSave, onClose }: ExportDialogProps) {
  const t = useT();
  const errorWords = useErrorWords();
  // Selected pages go in page-list order (a collection format writes them in that order), and only those the list
  // still has.
  const context: ScopeContext = useMemo(() => {
    const chosen = new Set(selected);
    return { pages, openPage, selected: chosen.size === 0 ? [] : pages.filter((p) => chosen.has(p.path)).map((p) => p.path) };
  }, [pages, openPage, selected]);
  const [choices, setChoices] = useState<ExportChoices>(() => openingChoices(remembered, context));
  const [folderError, setFolderError] = useState<string | null>(null);
  const run = useExportRun(api);
  const busy = run.phase === 'running' || run.phase === 'cancelling';
  const layoutCounts = useMemo(() => countLayoutPages(pages), [pages]);
  const why = blocker(choices, context, folder);
  // The button that replaces the one just pressed takes the focus (Cancel during the run, Close after it), so the
  // keyboard never lands on a control that has been disabled or removed.
  const actionRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (run.phase === 'running' || run.phase === 'finished') actionRef.current?.focus();
  }, [run.phase]);

  const change = (patch: Partial<ExportChoices>) => {
    const next = { ...choices, ...patch };
    setChoices(next);
    onRemember(next);
  };

  const chooseFolder = async () => {
    const result = await api.chooseExportFolder();
    if (!result.ok) setFolderError(errorWords(result.error));
    else if (result.value !== null) {
      setFolderError(null);
      onFolder(result.value);
    }
  };

  const start = () => {
    const request = exportRequestFor(choices, context);
    if (busy || why !== null || request === null) return;
    void run.start(request);
  };

  // Enter anywhere in the form exports; on a button it stays that button's own click.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    start();
  };

  return (
    <Modal title={t('export.title')} className="export-dialog" onCancel={() => (busy ? void run.cancel() : onClose())}>
      <form
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        {/* The choices scroll in a small window; the folder, the report and the buttons stay in view. */}
        <div className="export-scroll">
          <fieldset disabled={busy} className="export-choices">
            <FormatPicker formats={choices.formats} layoutCounts={layoutCounts} onChange={(formats) => change({ formats })} />
            <div className="export-side">
              <ScopePicker scope={choices.scope} statuses={choices.statuses} context={context} onChange={change} />
              <OptionsPicker options={choices.options} onChange={(options) => change({ options })} />
            </div>
          </fieldset>
        </div>
        <div className="export-folder">
          <span>{t('export.folder')}:</span>
          <code data-testid="export-folder">{folder ?? t('export.noFolder')}</code>
          <button type="button" onClick={() => void chooseFolder()} disabled={busy}>
            {t('export.chooseFolder')}
          </button>
        </div>
        {folderError && (
          <p role="alert" className="error">
            {folderError}
          </p>
        )}
        {dirty && (
          <p className="notice export-unsaved">
            {t('export.unsaved')}{' '}
            <button type="button" onClick={onSave} disabled={busy}>
              {t('export.saveNow')}
            </button>
          </p>
        )}
        <ExportReport run={run} />
        <div className="modal-actions">
          <span className="hint export-why">{why !== null && !busy ? t(why) : t('export.keys')}</span>
          {busy ? (
            <button ref={actionRef} type="button" onClick={() => void run.cancel()} aria-busy={run.phase === 'cancelling'}>
              {run.phase === 'cancelling' ? t('export.cancelling') : t('export.cancel')}
            </button>
          ) : (
            <>
              <button type="submit" className="primary" disabled={why !== null}>
                {t('export.start')}
              </button>
              <button ref={actionRef} type="button" onClick={onClose}>
                {t('close')}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}

function countLayoutPages(pages: readonly PageEntry[]): LayoutPageCounts {
  const counts: LayoutPageCounts = { alto: 0, hocr: 0, page: 0 };
  for (const page of pages) {
    if (page.source === 'alto') counts.alto++;
    else if (page.source === 'hocr') counts.hocr++;
    else if (page.source === 'page-xml') counts.page++;
  }
  return counts;
}
