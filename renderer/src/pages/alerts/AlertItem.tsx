// One alert: severity, what happened (the rule's name in the operator's language, the core's own
// sentence under it), where, since when and how often, and what can be done about it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../src/shared/alerts.js';
import { hrefOfEvent } from '../../app/routes.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormat } from '../../format/useFormat.js';
import { SEVERITY_TONE, ruleKey } from './severity.js';

interface Props {
  alert: Alert;
  /** Offered while the alert is open and not yet acknowledged. */
  onAcknowledge?: (id: string) => Promise<void>;
}

export function AlertItem({ alert, onAcknowledge }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const title = t(ruleKey(alert.rule), { defaultValue: alert.title });
  const canAck = onAcknowledge && alert.status === 'open' && alert.acknowledgedAt === null;

  const acknowledge = () => {
    if (!onAcknowledge) return;
    setBusy(true);
    setError(undefined);
    onAcknowledge(alert.id).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <li className={`alert alert-${alert.severity}`} data-testid="alert" data-alert-id={alert.id} data-rule={alert.rule} data-status={alert.status}>
      <div className="alert-main">
        <div className="alert-head">
          <StatusBadge tone={SEVERITY_TONE[alert.severity]}>{t(`alerts.severity.${alert.severity}`)}</StatusBadge>
          <h3 className="alert-title">
            {title}
            {alert.printerName ?? alert.printerId ? <span className="alert-printer"> — {alert.printerName ?? alert.printerId}</span> : null}
          </h3>
          {alert.count > 1 ? (
            <span className="alert-count" title={t('alerts.countHint', { count: alert.count })}>
              ×{f.number(alert.count)}
            </span>
          ) : null}
        </div>
        <p className="alert-message">{alert.message}</p>
        <dl className="alert-facts">
          {alert.file ? (
            <div>
              <dt>{t('alerts.file')}</dt>
              <dd className="mono">{alert.file}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('alerts.firstSeen')}</dt>
            <dd>
              <RelativeTime value={alert.firstSeenAt} />
            </dd>
          </div>
          {alert.lastSeenAt !== alert.firstSeenAt ? (
            <div>
              <dt>{t('alerts.lastSeen')}</dt>
              <dd>
                <RelativeTime value={alert.lastSeenAt} />
              </dd>
            </div>
          ) : null}
          {alert.resolvedAt ? (
            <div>
              <dt>{t('alerts.resolvedAt')}</dt>
              <dd>
                <time dateTime={alert.resolvedAt}>{f.dateTime(alert.resolvedAt)}</time>
                {alert.resolution ? <span className="muted"> · {t(`alerts.resolution.${alert.resolution}`)}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
        {error ? (
          <p className="error-line small" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="alert-actions">
        {alert.status === 'open' && alert.acknowledgedAt ? <StatusBadge tone="neutral">{t('alerts.acknowledged')}</StatusBadge> : null}
        {canAck ? (
          <button type="button" className="btn btn-small" onClick={acknowledge} disabled={busy} aria-label={t('alerts.acknowledgeNamed', { title })} data-testid="alert-acknowledge">
            {t('alerts.acknowledge')}
          </button>
        ) : null}
        {alert.eventId ? (
          <a className="btn btn-small btn-ghost" href={hrefOfEvent(alert.eventId)}>
            {t('alerts.openEvent')}
          </a>
        ) : null}
      </div>
    </li>
  );
}
