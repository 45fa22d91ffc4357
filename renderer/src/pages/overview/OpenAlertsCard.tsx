// The Overview's "Open alerts" card: what needs a human right now, live, with Acknowledge.
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { AlertItem } from '../alerts/AlertItem.js';
import { SEVERITY_TONE } from '../alerts/severity.js';
import { useOpenAlerts } from '../alerts/useOpenAlerts.js';

const SHOWN = 5;

export function OpenAlertsCard() {
  const { t } = useTranslation();
  const alerts = useOpenAlerts();
  const top = alerts.items[0];
  return (
    <Card
      title={t('overview.alerts')}
      className="alerts-card"
      actions={top ? <StatusBadge tone={SEVERITY_TONE[top.severity]}>{t('alerts.openCount', { count: alerts.items.length })}</StatusBadge> : undefined}
    >
      {alerts.error ? <ErrorNote error={alerts.error} onRetry={alerts.reload} /> : null}
      {alerts.items.length === 0 ? (
        alerts.loaded ? (
          <EmptyState title={t('overview.noAlerts')}>
            <p>{t('overview.alertsHint')}</p>
          </EmptyState>
        ) : null
      ) : (
        <ul className="alert-list alert-list-compact" data-testid="open-alerts" aria-live="polite">
          {alerts.items.slice(0, SHOWN).map((alert) => (
            <AlertItem key={alert.id} alert={alert} onAcknowledge={alerts.acknowledge} />
          ))}
        </ul>
      )}
      <p className="card-foot small">
        <a href={hrefOf('alerts')}>{alerts.items.length > SHOWN ? t('alerts.seeAllMore', { count: alerts.items.length - SHOWN }) : t('alerts.seeAll')}</a>
      </p>
    </Card>
  );
}
