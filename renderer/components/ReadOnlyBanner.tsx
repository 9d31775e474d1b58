import { useContext } from 'react';
import type { ReadOnlyInfo } from '../../shared/ipc/contract';
import { reasonIn } from '../../shared/errors/reasons';
import { wordReasons } from '../i18n/error-words';
import { LanguageContext, useT } from '../i18n/LanguageContext';

/// The read-only notice of a page: why it is read-only (by reason code) and, when the checker says, what exactly is
/// wrong (the JSON's line and column, the first schema issue or consistency problem, and how many more), all in the
/// UI language. The checker's own English sentence is the detail's tooltip in the English UI.
export function ReadOnlyBanner({ readOnly }: { readOnly: ReadOnlyInfo }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const why = readOnly.why;
  const worded = why !== undefined && reasonIn(why, 'problem') !== undefined ? wordReasons(language, why) : null;
  const more = typeof why?.more === 'number' ? why.more : 0;
  return (
    <p role="alert" className="read-only-banner">
      <strong>{t('readOnly')}:</strong> {t(`readonly.${readOnly.reason}`)}
      {worded !== null && (
        <span className="detail" title={language === 'en' ? readOnly.message : undefined}>
          {t('readonly.why', { problem: worded.problem! })}
          {more > 0 && ` ${t('readonly.more', { count: more })}`}
        </span>
      )}
    </p>
  );
}
