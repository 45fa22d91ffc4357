import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.js';

const NAMES = { en: 'English', ru: 'Русский' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)} data-testid="language">
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {NAMES[lng]}
          </option>
        ))}
      </select>
    </label>
  );
}
