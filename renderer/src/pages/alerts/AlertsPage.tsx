// Alerts: what is open now (live, with Acknowledge), what was resolved and how, the rules and
// thresholds, quiet hours, and "pause alerts for 1 hour".
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AlertItem } from './AlertItem.js';
import { AlertSettingsForm } from './AlertSettingsForm.js';
import { PauseControl } from './PauseControl.js';
import { useAlertHistory } from './useAlertHistory.js';
import { useAlertSettings } from './useAlertSettings.js';
import { useOpenAlerts } from './useOpenAlerts.js';

export function AlertsPage() {
  const { t } = useTranslation();
  const open = useOpenAlerts();
  const history = useAlertHistory();
  const settings = useAlertSettings();

  return (
    <div className="page page-alerts">
      <PageHeader title={t('alerts.title')} subtitle={t('alerts.subtitle')} actions={<PauseControl settings={settings.settings} onPause={settings.pause} />} />
      <div className="alerts-layout">
        <div className="alerts-lists">
          <Card title={t('alerts.open')}>
            {open.error ? <ErrorNote error={open.error} onRetry={open.reload} /> : null}
            {open.items.length === 0 ? (
              open.loaded ? <EmptyState title={t('overview.noAlerts')} /> : <p className="muted">{t('common.loading')}</p>
            ) : (
              <ul className="alert-list" data-testid="open-alerts" aria-live="polite">
                {open.items.map((alert) => (
                  <AlertItem key={alert.id} alert={alert} onAcknowledge={open.acknowledge} />
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('alerts.history')}>
            {history.error ? <ErrorNote error={history.error} onRetry={history.reload} /> : null}
            {history.items.length === 0 && !history.loading ? (
              <EmptyState title={t('alerts.noHistory')} />
            ) : (
              <ul className="alert-list alert-list-history" data-testid="alert-history">
                {history.items.map((alert) => (
                  <AlertItem key={alert.id} alert={alert} />
                ))}
              </ul>
            )}
            {history.nextCursor ? (
              <div className="load-more">
                <button type="button" className="btn btn-small" onClick={history.loadMore} disabled={history.loading}>
                  {t('common.loadMore')}
                </button>
              </div>
            ) : null}
          </Card>
        </div>
        <Card title={t('alerts.settings.title')} className="alerts-settings-card">
          {settings.error ? <ErrorNote error={settings.error} onRetry={settings.reload} /> : null}
          {settings.settings ? <AlertSettingsForm settings={settings.settings} onSave={settings.update} /> : <p className="muted">{t('common.loading')}</p>}
        </Card>
      </div>
    </div>
  );
}
