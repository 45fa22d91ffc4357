import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';

/** Alerts arrive with the alerts issue; until then the card states that nothing is open. */
export function AlertsPlaceholder() {
  const { t } = useTranslation();
  return (
    <Card title={t('overview.alerts')}>
      <EmptyState title={t('overview.noAlerts')}>
        <p>{t('overview.alertsHint')}</p>
      </EmptyState>
    </Card>
  );
}
