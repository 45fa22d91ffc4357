import { useTranslation } from 'react-i18next';
import { AppApiError } from '../../../src/shared/api.js';

/** A failed load, said plainly, with a retry. Server messages are shown as text. */
export function ErrorNote({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const network = error instanceof AppApiError && error.code === 'network';
  return (
    <div className="error-note" role="alert">
      <strong>{network ? t('common.offline') : t('common.loadFailed')}</strong>
      <span>{error.message}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
