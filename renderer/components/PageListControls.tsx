import { useT } from '../i18n/LanguageContext';
import './page-list-controls.css';
import { SORT_KEYS, STATUS_FILTERS, type ListView, type SortKey, type StatusFilter } from './page-list-view';

/// The page list's filter and sort controls: a status choice, a name filter and a sort order, each labelled, and
/// how many pages the list shows of all.
export function PageListControls({ view, onChange, shown, total }: { view: ListView; onChange(view: ListView): void; shown: number; total: number }) {
  const t = useT();
  return (
    <div className="page-list-controls">
      <label>
        <span>{t('list.status')}</span>
        <select value={view.status} onChange={(event) => onChange({ ...view, status: event.target.value as StatusFilter })}>
          {STATUS_FILTERS.map((filter) => (
            <option key={filter} value={filter}>{t(`list.filter.${filter}`)}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('list.sort')}</span>
        <select value={view.sort} onChange={(event) => onChange({ ...view, sort: event.target.value as SortKey })}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>{t(`list.sort.${key}`)}</option>
          ))}
        </select>
      </label>
      <input
        type="search"
        aria-label={t('list.name')}
        placeholder={t('list.name')}
        value={view.name}
        onChange={(event) => onChange({ ...view, name: event.target.value })}
      />
      {shown !== total && <div className="page-list-shown" role="status">{t('list.shown', { shown, total })}</div>}
    </div>
  );
}
