import type { PageData } from '../../shared/ipc/contract';
import { MAX_NOTE_LENGTH, type ReviewStatus } from '../../shared/model/sidecar-schema';
import { useT } from '../i18n/LanguageContext';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import './page-list-controls.css';

/// The strip above the editor: page path, encoding, line endings, status, page note, save state, read-only and
/// notices.
export function PageHeader({
  page,
  status,
  statuses,
  onStatusChange,
  note,
  onNoteChange,
  dirty,
  saveState,
  correctionCount,
}: {
  page: PageData;
  status: ReviewStatus;
  statuses: readonly ReviewStatus[];
  onStatusChange(status: ReviewStatus): void;
  /// The page note ('' for none) and its edits (issue 16).
  note: string;
  onNoteChange(note: string): void;
  dirty: boolean;
  saveState: { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };
  correctionCount: number;
}) {
  const t = useT();
  return (
    <div className="page-header">
      <div className="page-title-row">
        <h1 className="page-title">
          {dirty && <span className="dirty-dot" aria-hidden="true">● </span>}
          {page.path}
        </h1>
        <label className="status-select">
          {t('status')}
          <select value={status} onChange={(event) => onStatusChange(event.target.value as ReviewStatus)} disabled={page.readOnly !== null}>
            {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      <label className="page-note">
        <span>{t('note.label')}</span>
        <input
          type="text"
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          placeholder={t('note.placeholder')}
          title={t('note.hint')}
          disabled={page.readOnly !== null}
          onChange={(event) => onNoteChange(event.target.value)}
        />
      </label>
      <dl className="page-facts">
        <dt>{t('encoding')}</dt>
        <dd data-testid="encoding">{page.encoding.name}{page.encoding.bom ? ' (BOM)' : ''}</dd>
        <dt>{t('lineEnding')}</dt>
        <dd data-testid="line-ending">{t(`lineEnding.${page.lineEnding}`)}</dd>
        <dd data-testid="correction-count">{correctionCount === 1 ? t('correctionsOne') : t('corrections', { count: correctionCount })}</dd>
        {/* The live region is inside the <dd>: a <dl> may hold only <dt>/<dd> (axe: definition-list). */}
        <dd className="save-state">
          <span role="status" data-testid="save-state">
            {dirty ? t('unsaved') : saveState.kind === 'saving' ? t('saving') : saveState.kind === 'saved' ? t('savedAt', { time: saveState.at }) : ''}
          </span>
        </dd>
      </dl>
      {saveState.kind === 'error' && <p role="alert" className="error">{saveState.message}</p>}
      {page.readOnly && <ReadOnlyBanner readOnly={page.readOnly} />}
      {page.notices.map((notice) => (
        <p key={notice.code} className="notice" role="note">
          {t(`notice.${notice.code}`, { count: page.undecodable.count, encoding: page.encoding.name })}
          {notice.code === 'undecodable-bytes' && page.undecodable.lines.length > 0 && ` (${page.undecodable.lines.slice(0, 20).join(', ')})`}
        </p>
      ))}
      <p className="hint">{t('originalHint')}</p>
    </div>
  );
}
