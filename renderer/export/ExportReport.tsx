import { useContext } from 'react';
import { LanguageContext, useErrorWords, useT } from '../i18n/LanguageContext';
import { formatNameKey } from './format-groups';
import { problemPlace, problemWords, runErrorWords } from './problem-words';
import type { ExportRun } from './useExportRun';

/// The progress bar of a run (role progressbar, aria-valuenow from the export.progress events) and, once it has
/// finished, what it did: files and pages written, or cancelled, and each problem with its page and format.
export function ExportReport({ run }: { run: Pick<ExportRun, 'phase' | 'progress' | 'outcome' | 'error'> }) {
  const t = useT();
  const errorWords = useErrorWords();
  const language = useContext(LanguageContext);
  const { phase, progress, outcome, error } = run;
  if (phase === 'idle') return null;
  const total = progress?.total ?? outcome?.pages ?? 0;
  const done = progress?.done ?? (phase === 'finished' ? total : 0);
  const known = progress !== null || phase === 'finished';
  const fraction = total > 0 ? Math.min(1, done / total) : phase === 'finished' ? 1 : 0;
  // A run refused outright (another export running, no folder) has no progress to show, only its error.
  const showBar = phase !== 'finished' || outcome !== null;
  return (
    <div className="export-report">
      {showBar && (
        <>
          <div
            role="progressbar"
            aria-label={t('export.progress')}
            aria-valuemin={0}
            aria-valuemax={known ? Math.max(total, 0) : undefined}
            aria-valuenow={known ? done : undefined}
            aria-valuetext={known ? t('export.progressText', { done, total }) : undefined}
            className={`export-progress ${known ? '' : 'is-indeterminate'}`}
          >
            <div className="export-progress-bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
          </div>
          {known && <p className="hint">{t('export.progressText', { done, total })}</p>}
        </>
      )}
      {outcome && (
        <div role="status" className="export-outcome">
          <p>
            {t(outcome.cancelled ? 'export.cancelled' : 'export.done', { files: outcome.written, pages: outcome.pages, folder: outcome.outDir })}
          </p>
          {outcome.problems.length > 0 && (
            <>
              <p>{t('export.problems', { count: outcome.problems.length })}</p>
              <ul aria-label={t('export.problems', { count: outcome.problems.length })}>
                {outcome.problems.map((problem, index) => (
                  // The main process's own English words (for a summary, the pages it names) show on hover in the English UI.
                  <li key={`${problem.path}\u0000${problem.format ?? ''}\u0000${index}`} title={language === 'en' ? problem.message : undefined}>
                    {problem.path === '' ? <strong>{problemPlace(t, problem)}</strong> : <code>{problem.path}</code>}
                    {problem.format && <span className="export-problem-format"> · {t(formatNameKey(problem.format))}</span>}
                    {t('export.colon')}
                    {problemWords(t, problem, errorWords)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {runErrorWords(t, error)}
        </p>
      )}
    </div>
  );
}
