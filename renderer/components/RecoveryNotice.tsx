import { useEffect, useState } from 'react';
import type { JiaoduiApi } from '../../shared/ipc/api';
import type { EventPayloads } from '../../shared/ipc/contract';
import { useT } from '../i18n/LanguageContext';

/// The notice shown after the main process reloaded a crashed or hung window (`app.rendererRecovered`), until
/// dismissed. The unsaved work itself comes back through the recovery journal's own notice on the page.
export function RecoveryNotice({ api }: { api: Pick<JiaoduiApi, 'on'> }) {
  const t = useT();
  const [code, setCode] = useState<EventPayloads['app.rendererRecovered']['code'] | null>(null);
  useEffect(() => api.on('app.rendererRecovered', (payload) => setCode(payload.code)), [api]);
  if (code === null) return null;
  return (
    <div role="alert" className="notice recovery-notice">
      <span>{t(`recovery.${code}`)}</span>{' '}
      <button type="button" onClick={() => setCode(null)}>
        {t('recovery.dismiss')}
      </button>
    </div>
  );
}
