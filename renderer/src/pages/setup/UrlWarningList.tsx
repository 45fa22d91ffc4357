// The URL warnings in the technician's language, next to the URL they are about.
import { useTranslation } from 'react-i18next';
import type { UrlWarning } from './urlWarnings.js';

export function UrlWarningList({ warnings }: { warnings: readonly UrlWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="url-warnings" aria-label={t('setup.warnings.title')} data-testid="url-warnings">
      {warnings.map((w) => (
        <li key={w.code} className={w.severity === 'problem' ? 'error-line' : 'warning-line'} data-warning={w.code}>
          {t(`setup.warnings.${w.code}`, w.params)}
        </li>
      ))}
    </ul>
  );
}
