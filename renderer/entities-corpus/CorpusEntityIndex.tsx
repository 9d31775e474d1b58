import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { CorpusEntityIndex as CorpusIndexData } from '../../shared/ipc/contract';
import { DEFAULT_TAGSET, type Tagset } from '../../shared/entities/tagset';
import { useErrorWords, useT } from '../i18n/LanguageContext';
import { entityRows, filterEntries } from './entity-rows';
import { TypeBadge } from './TypeBadge';
import './entities-corpus.css';

/// Props of the corpus entity index.
export interface CorpusEntityIndexProps {
  api: Pick<JiaoduiApi, 'corpusEntityIndex'>;
  /// For type labels and colours (default: the default tag set).
  tagset?: Tagset;
  /// Called when the user picks a page of an entity: open `path` with the caret at code point `start`.
  onOpen(path: string, start: number): void;
  /// Change it (e.g. after each save or propagation) to read the index again.
  refreshKey?: number;
  /// Called with each index read, e.g. to feed the known strings to the suggesters.
  onLoaded?(index: CorpusIndexData): void;
}

const ROW_HEIGHT = 30;
// An entity row has two lines (its text, then its types and counts), so a long name in a narrow panel is not cut.
const ENTITY_ROW_HEIGHT = 48;

/// The corpus entity index: every distinct entity text of the corpus with its types, count and pages, filterable
/// and virtualised; an entity expands to its pages, and a page opens at the entity.
///
/// A region named "Corpus entities" with a search box "Filter entities" and a list "Distinct entities" whose
/// entity buttons are named by the entity text and page buttons "Open <path> at <offset>".
export function CorpusEntityIndex({ api, tagset = DEFAULT_TAGSET, onOpen, refreshKey = 0, onLoaded }: CorpusEntityIndexProps) {
  const t = useT();
  const errorWords = useErrorWords();
  const [index, setIndex] = useState<CorpusIndexData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [reloads, setReloads] = useState(0);
  // The refresh button asks the main process to check every sidecar on disk, not only those the app wrote.
  const refreshNext = useRef(false);
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;

  useEffect(() => {
    let live = true;
    setLoading(true);
    const refresh = refreshNext.current;
    refreshNext.current = false;
    void api.corpusEntityIndex(refresh ? { refresh } : undefined).then((result) => {
      if (!live) return;
      setLoading(false);
      if (!result.ok) {
        setError(errorWords(result.error));
        return;
      }
      setError(null);
      setIndex(result.value);
      onLoadedRef.current?.(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, refreshKey, reloads, errorWords]);

  const shown = useMemo(() => (index ? filterEntries(index.entries, filter, tagset) : []), [index, filter, tagset]);
  const rows = useMemo(() => entityRows(shown, expanded), [shown, expanded]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: (i) => (rows[i]?.kind === 'entity' ? ENTITY_ROW_HEIGHT : ROW_HEIGHT), overscan: 10 });

  const toggle = useCallback((text: string) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(text)) next.delete(text);
      else next.add(text);
      return next;
    });
  }, []);

  return (
    <section className="corpus-entities" aria-label={t('corpusEntities.title')}>
      <div className="corpus-entities-tools">
        <input
          type="search"
          aria-label={t('corpusEntities.filter')}
          placeholder={t('corpusEntities.filterPlaceholder')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button type="button" onClick={() => {
            refreshNext.current = true;
            setReloads((n) => n + 1);
          }} disabled={loading} aria-label={t('corpusEntities.refresh')} title={t('corpusEntities.refresh')}>
          ↻
        </button>
      </div>
      {loading && index === null && <p role="status">{t('corpusEntities.loading')}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {index && (
        <p className="corpus-entities-summary" role="status">
          {index.entries.length === 0
            ? t('corpusEntities.empty')
            : shown.length === 0
              ? t('corpusEntities.noMatch')
              : t('corpusEntities.summary', { shown: shown.length, total: index.entries.length, sidecars: index.sidecars })}
          {index.unreadable.length > 0 && <> {t('corpusEntities.unreadable', { count: index.unreadable.length })}</>}
        </p>
      )}
      <div ref={scrollRef} className="corpus-entities-scroll">
        <ul role="list" aria-label={t('corpusEntities.list')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` };
            if (row.kind === 'entity') {
              return (
                <li key={`e:${row.entry.text}`} style={style} className="corpus-entity-row">
                  <button type="button" className="corpus-entity-text" aria-expanded={row.expanded} title={row.entry.text} onClick={() => toggle(row.entry.text)}>
                    <span aria-hidden="true">{row.expanded ? '▾' : '▸'} </span>
                    {row.entry.text}
                  </button>
                  {row.entry.types.map(({ type, count }) => (
                    <TypeBadge key={type} type={type} tagset={tagset} count={row.entry.types.length > 1 ? count : undefined} />
                  ))}
                  <span className="corpus-entity-count">{t('corpusEntities.count', { count: row.entry.count })}</span>
                  <span className="corpus-entity-pages">{t('corpusEntities.pageCount', { count: row.entry.pages.length })}</span>
                </li>
              );
            }
            return (
              <li key={`p:${row.entry.text}:${row.path}`} style={style} className="corpus-entity-page">
                <button type="button" aria-label={t('corpusEntities.openAt', { path: row.path, start: row.start })} title={row.path} onClick={() => onOpen(row.path, row.start)}>
                  {row.path}
                </button>
                <span className="corpus-entity-count">{t('corpusEntities.count', { count: row.count })}</span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
