import { useCallback, useEffect, useMemo, useState } from 'react';
import { BATCH_MODES, BATCH_SCOPES, type BatchMode, type BatchQuery, type BatchReplaceOutcome, type BatchScope, type BatchSearchOutcome, type BatchSummary } from '../../shared/ipc/contract';
import type { JiaoduiApi } from '../../shared/ipc/api';
import { Modal } from '../components/Modal';
import { useErrorWords, useFormat, useT } from '../i18n/LanguageContext';
import { replaceRequestFor, tickedCount } from './batch-selection';
import { Concordance } from './Concordance';
import './batch.css';

/// What the dialog needs from the app around it.
export interface BatchDialogProps {
  api: JiaoduiApi;
  onClose(): void;
  /// Called before pages are written: deals with unsaved work in the editor (save or discard); false cancels.
  beforeWrite(): Promise<boolean>;
  /// Called after a replacement or undo with the pages whose sidecars changed, so the open page can be reloaded.
  onPagesChanged(pages: readonly string[]): void;
}

type Notice = { kind: 'replaced'; outcome: BatchReplaceOutcome } | { kind: 'undone'; summary: BatchSummary; restored: number; problems: BatchReplaceOutcome['problems'] };

/// The "Find and replace in corpus" dialog: search the whole corpus, tick hits in the concordance, replace them,
/// undo the last batch.
export function BatchDialog({ api, onClose, beforeWrite, onPagesChanged }: BatchDialogProps) {
  const t = useT();
  const format = useFormat();
  const errorWords = useErrorWords();
  const [pattern, setPattern] = useState('');
  const [replacement, setReplacement] = useState('');
  const [mode, setMode] = useState<BatchMode>('plain');
  const [scope, setScope] = useState<BatchScope>('corrected');
  const [searched, setSearched] = useState<{ query: BatchQuery; outcome: BatchSearchOutcome } | null>(null);
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<'search' | 'write' | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [last, setLast] = useState<BatchSummary | null>(null);
  // An empty replacement deletes: the Replace button asks first (the count ticked when it was asked).
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    void api.lastBatch().then((r) => r.ok && setLast(r.value));
    return api.on('batch.progress', setProgress);
  }, [api]);

  const runSearch = useCallback(
    async (query: BatchQuery) => {
      setBusy('search');
      setError(null);
      const result = await api.batchSearch(query);
      setBusy(null);
      if (!result.ok) {
        setSearched(null);
        setError(errorWords(result.error));
        return;
      }
      setSearched({ query, outcome: result.value });
      setUnticked(new Set());
      setConfirmDelete(false);
    },
    [api, errorWords],
  );

  const search = () => {
    if (pattern === '') return;
    setNotice(null);
    void runSearch({ pattern, mode, scope, replacement });
  };

  // Replacing uses the query as searched; changed settings must be searched again before they can be applied.
  const stale = searched !== null && (searched.query.pattern !== pattern || searched.query.mode !== mode || searched.query.scope !== scope || searched.query.replacement !== replacement);
  const count = useMemo(() => (searched ? tickedCount(searched.outcome, unticked) : 0), [searched, unticked]);
  const allTicked = searched !== null && unticked.size === 0;

  const toggle = (index: number) => {
    setConfirmDelete(false);
    setUnticked((previous) => {
      const next = new Set(previous);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  };
  const tickAll = () => setUnticked(allTicked && searched ? new Set(searched.outcome.hits.keys()) : new Set());

  // Runs a write (replace or undo) once unsaved editor work is dealt with, then searches again so the list
  // shows the corpus as it now is.
  const write = async (action: () => Promise<void>) => {
    if (!(await beforeWrite())) return;
    setBusy('write');
    setError(null);
    setProgress(null);
    try {
      await action();
    } finally {
      setBusy(null);
      setProgress(null);
    }
    if (searched) await runSearch(searched.query);
  };

  const askOrReplace = () => {
    if (searched?.query.replacement === '' && !confirmDelete) setConfirmDelete(true);
    else replace();
  };
  const replace = () =>
    void write(async () => {
      setConfirmDelete(false);
      if (!searched) return;
      const request = replaceRequestFor(searched.query, searched.outcome, unticked);
      if (!request) return;
      const result = await api.batchReplace(request);
      if (!result.ok) {
        setError(errorWords(result.error));
        return;
      }
      setNotice({ kind: 'replaced', outcome: result.value });
      if (result.value.batch) setLast(result.value.batch);
      onPagesChanged(result.value.changedPages);
    });

  const undo = () =>
    void write(async () => {
      const result = await api.batchUndo();
      if (!result.ok) {
        setError(errorWords(result.error));
        return;
      }
      const { undone, restoredPages, problems, next } = result.value;
      setNotice({ kind: 'undone', summary: undone, restored: restoredPages.length, problems });
      setLast(next);
      onPagesChanged(restoredPages);
    });

  const outcome = searched?.outcome ?? null;
  const blockedHits = outcome ? outcome.hits.filter((h) => outcome.pages[h.page]?.blocked !== null).length : 0;
  const problems = notice?.kind === 'replaced' ? notice.outcome.problems : (notice?.problems ?? []);

  return (
    <Modal title={t('batch.title')} onCancel={() => busy !== 'write' && onClose()} className="batch-dialog">
      <form
        className="batch-form"
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
      >
        <label>
          {t('batch.find')}
          <input type="text" value={pattern} autoFocus onChange={(e) => setPattern(e.target.value)} lang="zh" />
        </label>
        <label>
          {t('batch.replaceWith')}
          <input type="text" value={replacement} onChange={(e) => setReplacement(e.target.value)} lang="zh" />
        </label>
        <fieldset>
          <legend>{t('batch.mode')}</legend>
          {BATCH_MODES.map((m) => (
            <label key={m}>
              <input type="radio" name="batch-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`batch.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('batch.scope')}</legend>
          {BATCH_SCOPES.map((s) => (
            <label key={s}>
              <input type="radio" name="batch-scope" checked={scope === s} onChange={() => setScope(s)} />
              {t(`batch.scope.${s}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'regex' && <p className="hint">{t('batch.regexHint')}</p>}
        <button type="submit" className="primary" disabled={pattern === '' || busy !== null}>{t('batch.search')}</button>
      </form>

      <div role="status" className="batch-status">
        {busy === 'search' && t('batch.searching')}
        {busy === null && outcome && (outcome.total === 0
          ? t('batch.noHits', { searched: outcome.pagesSearched })
          : t('batch.summary', { total: outcome.total, pages: Object.keys(outcome.pages).length, searched: outcome.pagesSearched, ms: outcome.elapsedMs }))}
        {outcome && outcome.total > outcome.hits.length && <> {t('batch.capped', { shown: outcome.hits.length, total: outcome.total })}</>}
        {outcome && outcome.unchanged > 0 && <> {t('batch.unchanged', { count: outcome.unchanged })}</>}
        {outcome && outcome.unreadable.length > 0 && <> {t('batch.unreadable', { count: outcome.unreadable.length })}</>}
        {blockedHits > 0 && <> {t('batch.blockedCount', { count: blockedHits })}</>}
      </div>
      {stale && busy === null && <p className="hint batch-stale">{t('batch.searchAgain')}</p>}
      {error && <p role="alert" className="error">{error}</p>}

      {outcome && outcome.hits.length > 0 && (
        <>
          <label className="batch-tick-all">
            <input
              type="checkbox"
              checked={allTicked}
              ref={(box) => {
                if (box) box.indeterminate = !allTicked && unticked.size < outcome.hits.length;
              }}
              onChange={tickAll}
            />
            {t('batch.tickAll')} · {t('batch.tickedCount', { ticked: count, total: outcome.hits.length })}
          </label>
          <Concordance outcome={outcome} unticked={unticked} onToggle={toggle} />
        </>
      )}

      {busy === 'write' && <progress aria-label={t('batch.progress')} max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} />}
      {notice && (
        <div role="status" className="batch-outcome">
          {notice.kind === 'replaced'
            ? t('batch.replaced', { count: notice.outcome.replaced, pages: notice.outcome.changedPages.length })
            : t('batch.undone', { pattern: notice.summary.pattern, replacement: notice.summary.replacement, count: notice.restored })}
          {problems.length > 0 && (
            <>
              <p>{t('batch.problems', { count: problems.length })}</p>
              <ul>{problems.map((p, i) => <li key={`${p.path}#${i}`}>{p.path && <code>{p.path}</code>} {errorWords(p)}</li>)}</ul>
            </>
          )}
        </div>
      )}

      {confirmDelete && !stale && (
        <div role="alert" className="batch-confirm-delete">
          <p>{t('batch.confirmDelete', { count })}</p>
          <button type="button" className="danger" onClick={replace} disabled={count === 0 || busy !== null}>{t('batch.confirmDeleteYes', { count })}</button>
          <button type="button" onClick={() => setConfirmDelete(false)}>{t('batch.confirmDeleteNo')}</button>
        </div>
      )}
      <div className="modal-actions">
        <span className="batch-last hint">
          {last ? t('batch.undoWhat', { pattern: last.pattern, replacement: last.replacement, pages: last.pages, at: format.dateTime(last.at) }) : t('batch.noUndo')}
        </span>
        <button type="button" onClick={undo} disabled={last === null || busy !== null}>{t('batch.undo')}</button>
        <button type="button" className="primary" onClick={askOrReplace} disabled={count === 0 || stale || busy !== null || confirmDelete}>
          {busy === 'write' ? t('batch.replacing') : t('batch.replace', { count })}
        </button>
        <button type="button" onClick={onClose} disabled={busy === 'write'}>{t('close')}</button>
      </div>
    </Modal>
  );
}
