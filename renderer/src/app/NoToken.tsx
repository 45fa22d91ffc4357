import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Shown when the page was opened without the token (or with a stale one). */
export function NoToken({ rejected }: { rejected?: boolean }) {
  const { t } = useTranslation();
  return (
    <main className="locked">
      <div className="locked-card card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          FarmHook
        </div>
        <h1>{rejected ? t('locked.rejectedTitle') : t('locked.title')}</h1>
        <p>{t('locked.body')}</p>
        <pre className="code">farmhook serve</pre>
        <LanguageSwitch />
      </div>
    </main>
  );
}
