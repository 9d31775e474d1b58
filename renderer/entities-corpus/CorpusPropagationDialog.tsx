import { useEffect, useMemo, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { PropagationApplyOutcome, PropagationPreview } from '../../shared/ipc/contract';
import { Modal } from '../components/Modal';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { setLastPropagation } from './last-propagation';
import { PropagationOutcomes } from './PropagationOutcomes';
import { UndoCorpusPropagation } from './UndoCorpusPropagation';
import './entities-corpus.css';

/// Props of the corpus propagation dialog.
export interface CorpusPropagationDialogProps {
  api: Pick<JiaoduiApi, 'previewPropagation' | 'applyPropagation' | 'undoPropagation' | 'on'>;
  /// The entity text to tag everywhere, and its type id.
  text: string;
  type: string;
  /// The type as shown (e.g. "人名 PER"); default the id.
  typeLabel?: string;
  /// The page open in the editor, left out (it propagates in the editor).
  excludePath?: string;
  onClose(): void;
  /// Called after apply or undo changed sidecars (e.g. to refresh the corpus index or rescan the page list).
  onChanged?(): void;
}

// An occurrence's key in the ticked set.
const keyOf = (path: string, index: number) => `${index}\u0000${path}`;

/// "Tag all occurrences in the corpus" as a modal dialog of its own (title "Tag "<text>" as <type> in the whole
/// corpus"), around `CorpusPropagationPanel`.
export function CorpusPropagationDialog(props: CorpusPropagationDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={t('propagation.title', { text: props.text, type: props.typeLabel ?? props.type })} onCancel={() => !busy && props.onClose()} className="corpus-propagation-dialog">
      <CorpusPropagationPanel {...props} onBusyChange={setBusy} />
    </Modal>
  );
}

/// "Tag all occurrences in the corpus", to embed in another dialog: previews every untagged occurrence on the
/// other pages with its context, lets the user untick some (or tick/untick all), applies the ticked ones and
/// shows the outcome per page, and offers Undo for the last corpus propagation.
///
/// Each page is a group "Page <path>"; each occurrence a checkbox "Occurrence <n> on <path>"; the apply button is
/// "Tag <n> occurrences", and Close calls `onClose`.
export function CorpusPropagationPanel({
  api,
  text,
  type,
  typeLabel,
  excludePath,
  onClose,
  onChanged,
  onBusyChange,
}: CorpusPropagationDialogProps & { onBusyChange?(busy: boolean): void }) {
  const t = useT();
  const errorWords = useErrorWords();
  const [preview, setPreview] = useState<PropagationPreview | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [applying, setApplying] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<PropagationApplyOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after an undo, so the preview shows what is untagged now.
  const [previewKey, setPreviewKey] = useState(0);

  useEffect(() => {
    let live = true;
    setPreview(null);
    setOutcome(null);
    void api.previewPropagation({ text, type, scope: 'corpus', excludePath }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setError(errorWords(result.error));
        return;
      }
      setPreview(result.value);
      setTicked(allKeys(result.value));
    });
    return () => {
      live = false;
    };
  }, [api, text, type, excludePath, previewKey, errorWords]);

  const all = useMemo(() => (preview ? allKeys(preview) : new Set<string>()), [preview]);
  const toggle = (key: string) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const apply = async () => {
    if (!preview) return;
    setApplying(true);
    setProgress(null);
    setError(null);
    const pages = preview.pages
      .map((page) => ({
        path: page.path,
        sourceSha256: page.sourceSha256,
        sidecarHash: page.sidecarHash,
        occurrences: page.occurrences.filter((_, i) => ticked.has(keyOf(page.path, i))).map(({ start, end }) => ({ start, end })),
      }))
      .filter((page) => page.occurrences.length > 0);
    const result = await api.applyPropagation({ text: preview.text, type, pages });
    setApplying(false);
    if (!result.ok) {
      setError(errorWords(result.error));
      return;
    }
    setOutcome(result.value);
    if (result.value.undoToken) setLastPropagation({ token: result.value.undoToken, text: preview.text, type: typeLabel ?? type, spans: result.value.added });
    onChanged?.();
  };

  useEffect(() => onBusyChange?.(applying), [applying, onBusyChange]);
  useEffect(() => api.on('entities.propagationProgress', setProgress), [api]);

  const done = outcome !== null;
  return (
    <div className="corpus-propagation">
      {!preview && !error && <p role="status">{t('propagation.searching')}</p>}
      {preview && !done && (
        <>
          <p role="status">
            {preview.total === 0
              ? t('propagation.none')
              : t('propagation.found', { total: preview.total, pages: preview.pages.length, searched: preview.pagesSearched })}
          </p>
          {preview.total > 0 && (
            <div className="corpus-prop-tools">
              <button type="button" onClick={() => setTicked(new Set(all))} disabled={applying}>{t('propagation.tickAll')}</button>
              <button type="button" onClick={() => setTicked(new Set())} disabled={applying}>{t('propagation.untickAll')}</button>
            </div>
          )}
          <div className="corpus-prop-pages">
            {preview.pages.map((page) => (
              <fieldset key={page.path} disabled={applying} aria-label={t('propagation.page', { path: page.path })}>
                <legend>{page.path}</legend>
                {page.occurrences.map((o, i) => {
                  const key = keyOf(page.path, i);
                  return (
                    <label key={key}>
                      <input
                        type="checkbox"
                        checked={ticked.has(key)}
                        onChange={() => toggle(key)}
                        aria-label={t('propagation.occurrence', { n: i + 1, path: page.path })}
                      />
                      <span>
                        <span className="corpus-prop-context">{o.before}</span>
                        <mark className="corpus-prop-match">{o.match}</mark>
                        <span className="corpus-prop-context">{o.after}</span>
                      </span>
                    </label>
                  );
                })}
              </fieldset>
            ))}
          </div>
          {preview.skipped.length > 0 && (
            <details>
              <summary>{t('propagation.skipped', { count: preview.skipped.length })}</summary>
              <ul>{preview.skipped.map((s) => <li key={s.path}><code>{s.path}</code>: {errorWords(s)}</li>)}</ul>
            </details>
          )}
        </>
      )}
      {applying && (
        <progress aria-label={t('propagation.progress')} max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} />
      )}
      {outcome && (
        <div role="status">
          <p>{t('propagation.applied', { count: outcome.added, pages: outcome.pages.filter((p) => p.outcome === 'done' && p.spans > 0).length })}</p>
          {outcome.pages.some((p) => p.outcome === 'refused') && <p>{t('propagation.refused', { count: outcome.pages.filter((p) => p.outcome === 'refused').length })}</p>}
          <PropagationOutcomes pages={outcome.pages} />
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <UndoCorpusPropagation
        api={api}
        onChanged={() => {
          setPreviewKey((n) => n + 1);
          onChanged?.();
        }}
      />
      <div className="modal-actions">
        {!done && (
          <button type="button" className="primary" onClick={() => void apply()} disabled={!preview || ticked.size === 0 || applying}>
            {applying ? t('propagation.applying') : t('propagation.apply', { count: ticked.size })}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={applying}>{t('close')}</button>
      </div>
    </div>
  );
}

function allKeys(preview: PropagationPreview): Set<string> {
  return new Set(preview.pages.flatMap((page) => page.occurrences.map((_, i) => keyOf(page.path, i))));
}
