import { useEffect, useMemo, useRef, useState } from 'react';
import type { CorpusInfo, PageEntry } from '../../shared/ipc/contract';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { TopEntity } from '../../shared/model/page-stats';
import { useT } from '../i18n/LanguageContext';
import { ChartCard, type ChartSpec } from './ChartCard';
import { chartSpecs } from './specs';
import { summarizeCorpus } from './summary';
import './dashboard.css';

// Notes listed at most (the rest: the page list's "With a note" filter), so the view stays light on any corpus.
const MAX_NOTES_SHOWN = 200;
// Pages "not yet counted" named at most; the figure says how many there are.
const MAX_UNCOUNTED_SHOWN = 50;
// A burst of saves or scan batches asks the main process for the top entities once.
const TOP_ENTITIES_DELAY_MS = 300;

/// The corpus dashboard (issue 16): review progress, pages by status, corrections by hand and by rule, entities by
/// type, the most frequent entities and the page notes, each chart exportable as PNG and its data as CSV.
///
/// Everything comes from the page list (the corpus index the scan keeps, updated after every save and outside
/// change), so it opens without reading a sidecar and follows saves as they happen; the most frequent entities are
/// summed in the main process from the same index (corpus.topEntities), asked again when the list changes.
export function Dashboard({ api, corpus, pages, scanning, typeLabel, onClose }: {
  api: JiaoduiApi;
  corpus: CorpusInfo | null;
  pages: readonly PageEntry[];
  scanning: boolean;
  /// An entity type's label in the tag set (types are stored by id).
  typeLabel(type: string): string;
  onClose(): void;
}) {
  const t = useT();
  const summary = useMemo(() => summarizeCorpus(pages), [pages]);
  const top = useTopEntities(api, pages);
  const specs = useMemo(() => chartSpecs(summary, t, top, typeLabel), [summary, t, top, typeLabel]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const percent = summary.pages === 0 ? 0 : Math.round((summary.reviewed / summary.pages) * 1000) / 10;
  const name = corpus?.name ?? 'corpus';

  return (
    <section
      className="dashboard"
      aria-labelledby="dashboard-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="dashboard-header">
        <h2 id="dashboard-title" ref={headingRef} tabIndex={-1}>{t('dashboard.title')}{corpus ? ` — ${corpus.name}` : ''}</h2>
        <button type="button" onClick={onClose}>{t('dashboard.close')}</button>
      </header>
      {!corpus && <p className="empty">{t('dashboard.noCorpus')}</p>}
      {corpus && (
        <>
          {scanning && <p className="hint" role="status">{t('dashboard.scanning')}</p>}
          <div className="dashboard-progress">
            <label htmlFor="dashboard-progress-bar">{t('dashboard.progress')}</label>
            <progress id="dashboard-progress-bar" max={Math.max(1, summary.pages)} value={summary.reviewed} />
            <span data-testid="dashboard-progress-text">{t('dashboard.progressText', { reviewed: summary.reviewed, total: summary.pages, percent })}</span>
          </div>
          <div className="dashboard-grid">
            <ChartCard spec={specs.status} corpusName={name}>
              <FigureTable spec={specs.status} />
            </ChartCard>
            <ChartCard spec={specs.corrections} corpusName={name}>
              <p data-testid="dashboard-corrections">{t('dashboard.correctionsText', { hand: summary.hand, rule: summary.rule })}</p>
              <FigureTable spec={specs.corrections} />
            </ChartCard>
            <ChartCard spec={specs.types} corpusName={name}>
              <FigureTable spec={specs.types} />
            </ChartCard>
            <ChartCard spec={specs.entities} corpusName={name}>
              <p className="hint">{t('dashboard.topEntitiesHint')}</p>
              <FigureTable spec={specs.entities} />
            </ChartCard>
            <ChartCard spec={specs.pending} corpusName={name}>
              <p className="hint" data-testid="dashboard-pending-counted">
                {t('dashboard.pendingCounted', { counted: summary.counted, notCounted: summary.notCounted.length })}
              </p>
              <FigureTable spec={specs.pending} />
              {summary.notCounted.length > 0 && (
                <details className="dashboard-uncounted">
                  <summary>{t('dashboard.notCountedList', { count: summary.notCounted.length })}</summary>
                  <ul aria-label={t('dashboard.notCountedList', { count: summary.notCounted.length })}>
                    {summary.notCounted.slice(0, MAX_UNCOUNTED_SHOWN).map((path) => <li key={path}>{path}</li>)}
                  </ul>
                  {summary.notCounted.length > MAX_UNCOUNTED_SHOWN && <p className="hint">{t('dashboard.moreUncounted', { count: summary.notCounted.length - MAX_UNCOUNTED_SHOWN })}</p>}
                </details>
              )}
            </ChartCard>
          </div>
          <section className="dashboard-notes" aria-labelledby="dashboard-notes-title">
            <h3 id="dashboard-notes-title">{t('dashboard.notes')}</h3>
            {summary.notes.length === 0 ? (
              <p className="hint">{t('dashboard.noNotes')}</p>
            ) : (
              <table aria-labelledby="dashboard-notes-title">
                <thead>
                  <tr><th scope="col">{t('dashboard.colPage')}</th><th scope="col">{t('dashboard.colStatus')}</th><th scope="col">{t('dashboard.colNote')}</th></tr>
                </thead>
                <tbody>
                  {summary.notes.slice(0, MAX_NOTES_SHOWN).map((row) => (
                    <tr key={row.path}><td>{row.path}</td><td>{t(`status.${row.status}`)}</td><td>{row.note}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
            {summary.notes.length > MAX_NOTES_SHOWN && <p className="hint">{t('dashboard.moreNotes', { count: summary.notes.length - MAX_NOTES_SHOWN })}</p>}
          </section>
        </>
      )}
    </section>
  );
}

// The corpus's most frequent entities from the main process, asked when the dashboard opens and again shortly after
// the page list changes (a save, an outside change, a scan batch); the last answer stays shown meanwhile.
function useTopEntities(api: JiaoduiApi, pages: readonly PageEntry[]): TopEntity[] {
  const [top, setTop] = useState<TopEntity[]>([]);
  const first = useRef(true);
  useEffect(() => {
    let cancelled = false;
    const ask = () =>
      void api.corpusTopEntities().then((answer) => {
        if (!cancelled && answer.ok) setTop(answer.value);
      });
    if (first.current) {
      first.current = false;
      ask();
      return () => void (cancelled = true);
    }
    const timer = window.setTimeout(ask, TOP_ENTITIES_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [api, pages]);
  return top;
}

// A chart's data as a table (the exact figures, for reading and for screen readers), named like the chart.
function FigureTable({ spec }: { spec: ChartSpec }) {
  const t = useT();
  if (spec.table.rows.length === 0) return <p className="hint">{t('dashboard.empty')}</p>;
  return (
    <table className="figure-table" aria-label={spec.title}>
      <thead>
        <tr>{spec.table.header.map((cell) => <th key={cell} scope="col">{cell}</th>)}</tr>
      </thead>
      <tbody>
        {spec.table.rows.map((row, i) => (
          <tr key={`${String(row[0])}-${i}`}>{row.map((cell, j) => <td key={j}>{cell}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}
