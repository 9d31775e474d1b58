import type { PropagationPageOutcome } from '../../shared/ipc/contract';
import { useErrorWords, useT } from '../i18n/LanguageContext';

/// The per-page outcome of a corpus propagation or its undo: spans changed, or why a page was left alone.
export function PropagationOutcomes({ pages }: { pages: readonly PropagationPageOutcome[] }) {
  const t = useT();
  const errorWords = useErrorWords();
  if (pages.length === 0) return null;
  return (
    <ul className="corpus-prop-outcomes" aria-label={t('propagation.results')}>
      {pages.map((p) => (
        <li key={p.path} className={p.outcome}>
          <code>{p.path}</code>: {p.outcome === 'done' ? t('propagation.outcome.done', { count: p.spans }) : t('propagation.outcome.refused')}
          {p.message && <> — {errorWords({ message: p.message, ...(p.messageId !== undefined && { messageId: p.messageId }), ...(p.values !== undefined && { values: p.values }) })}</>}
        </li>
      ))}
    </ul>
  );
}
