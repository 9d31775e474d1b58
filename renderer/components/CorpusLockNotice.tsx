import type { CorpusInfo } from '../../shared/ipc/contract';
import { useContext } from 'react';
import { formatDateTime } from '../i18n/format';
import { LanguageContext, useT } from '../i18n/LanguageContext';

/// The sidebar notice shown while the open corpus is read-only because another program holds its lock: who holds
/// it (computer, process, since when) and what to do. Nothing when the corpus is writable.
export function CorpusLockNotice({ corpus }: { corpus: CorpusInfo | null }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const holder = corpus?.readOnly?.holder;
  if (!holder) return null;
  const since = holder.since ? formatDateTime(language, holder.since) : '?';
  return (
    <p role="status" aria-label={t('readOnly')} className="notice corpus-lock-notice">
      {holder.pid > 0 ? t('corpusLock.notice', { host: holder.host, pid: holder.pid, since }) : t('corpusLock.unknownHolder')}
    </p>
  );
}
