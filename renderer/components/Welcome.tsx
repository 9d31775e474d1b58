import { useT } from '../i18n/LanguageContext';

/// Whether the first-run welcome shows: the main process asks for it (`?welcome=1`, when it opened the bundled
/// sample corpus on a first start) and the user has not dismissed it before.
export function welcomeWanted(search: string, dismissed: boolean | undefined): boolean {
  return new URLSearchParams(search).get('welcome') === '1' && dismissed !== true;
}

/// The first-run welcome: what the app does and how to open a folder of one's own. A region at the top of the page
/// area, not a dialog: it takes no focus and hides nothing; "Got it" dismisses it for good.
export function Welcome({ onDismiss }: { onDismiss: () => void }) {
  const t = useT();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.what')}</p>
      <p>{t('welcome.open')}</p>
      <button type="button" onClick={onDismiss}>
        {t('welcome.dismiss')}
      </button>
    </section>
  );
}
