import { useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { PropagationUndoOutcome } from '../../shared/ipc/contract';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { setLastPropagation, useLastPropagation } from './last-propagation';
import { PropagationOutcomes } from './PropagationOutcomes';

/// The "Undo the last corpus propagation" action with its outcome; renders nothing when there is nothing to undo.
///
/// Undo removes exactly the spans the propagation added, page by page; a page changed since is left alone and
/// named with the reason (it stays undoable, e.g. after that change is reverted).
export function UndoCorpusPropagation({ api, onChanged }: { api: Pick<JiaoduiApi, 'undoPropagation'>; onChanged?(): void }) {
  const t = useT();
  const errorWords = useErrorWords();
  const last = useLastPropagation();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<PropagationUndoOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const undo = async () => {
    if (!last) return;
    setRunning(true);
    setError(null);
    const result = await api.undoPropagation(last.token);
    setRunning(false);
    if (!result.ok) {
      setError(errorWords(result.error));
      if (result.error.code === 'not-found') setLastPropagation(null);
      return;
    }
    setOutcome(result.value);
    if (result.value.pages.every((p) => p.outcome === 'done')) setLastPropagation(null);
    onChanged?.();
  };

  if (!last && !outcome && !error) return null;
  return (
    <div className="corpus-prop-undo">
      {last && (
        <p>
          {t('propagation.lastWas', { text: last.text, type: last.type, count: last.spans })}{' '}
          <button type="button" onClick={() => void undo()} disabled={running}>
            {running ? t('propagation.undoing') : t('propagation.undo')}
          </button>
        </p>
      )}
      {outcome && (
        <div role="status">
          <p>{t('propagation.undone', { count: outcome.removed })}</p>
          <PropagationOutcomes pages={outcome.pages} />
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
