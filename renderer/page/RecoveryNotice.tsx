import { useFormat, useT } from '../i18n/LanguageContext';
import type { Recovery } from './session-types';

/// The notice offering back unsaved work found in the recovery journal: Restore or Discard.
export function RecoveryNotice({ recovery, onRestore, onDiscard }: { recovery: Recovery; onRestore(): void; onDiscard(): void }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="recovery-notice" role="alert">
      <span>{t('recovery.notice', { time: format.dateTime(recovery.record.at) })}</span>
      <button type="button" className="primary" onClick={onRestore}>{t('recovery.restore')}</button>
      <button type="button" onClick={onDiscard}>{t('recovery.discard')}</button>
    </div>
  );
}
