import { useId } from 'react';
import type { ExportChoices, ExportScopeKind } from '../../shared/ipc/contract';
import { REVIEW_STATUSES, type ReviewStatus } from '../../shared/model/sidecar-schema';
import { useT } from '../i18n/LanguageContext';
import { scopeCount, statusCounts, toggled, type ScopeContext } from './choices';

/// The scope radio group: this page, the selected pages, pages with the ticked review statuses, the whole corpus.
/// Ticking a status chooses the status scope.
export function ScopePicker({
  scope,
  statuses,
  context,
  onChange,
}: {
  scope: ExportScopeKind;
  statuses: readonly ReviewStatus[];
  context: ScopeContext;
  onChange(change: Pick<ExportChoices, 'scope' | 'statuses'>): void;
}) {
  const t = useT();
  const name = useId();
  const counts = statusCounts(context.pages);
  const radio = (kind: ExportScopeKind, label: string, disabled = false) => (
    <label>
      <input type="radio" name={name} checked={scope === kind} disabled={disabled} onChange={() => onChange({ scope: kind, statuses: [...statuses] })} />
      {label}
    </label>
  );
  return (
    <fieldset className="export-scope">
      <legend>{t('export.scope')}</legend>
      {radio('page', context.openPage === null ? t('export.scope.noPage') : t('export.scope.page', { name: context.openPage }), context.openPage === null)}
      {radio('selected', t('export.scope.selected', { count: context.selected.length }), context.selected.length === 0)}
      {radio('status', t('export.scope.status', { count: scopeCount('status', statuses, context) }))}
      <div role="group" aria-label={t('export.statuses')} className="export-statuses">
        {REVIEW_STATUSES.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={statuses.includes(status)}
              onChange={(event) => onChange({ scope: 'status', statuses: toggled(statuses, status, event.currentTarget.checked) })}
            />
            {status === 'unreviewed'
              ? t('export.status.unreviewed', { count: counts.unreviewed })
              : t('export.status.other', { status: t(`status.${status}`), count: counts[status] })}
          </label>
        ))}
      </div>
      {radio('all', t('export.scope.all', { count: context.pages.length }))}
    </fieldset>
  );
}
