// One delivery in the log: the event, why it was sent (event, replay, test), where it stands; opened,
// its attempts. A failed (or waiting) delivery can be retried now, with the same delivery id.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLabel } from '../../../../src/shared/events.js';
import type { Delivery, DeliveryStatus } from '../../../../src/shared/forward.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { hrefOfEvent } from '../../app/routes.js';
import type { Tone } from '../../components/Kpi.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { useFormat } from '../../format/useFormat.js';
import { AttemptList } from './AttemptList.js';

export const STATUS_TONE: Record<DeliveryStatus, Tone> = { pending: 'info', retrying: 'warn', delivered: 'good', failed: 'bad', cancelled: 'neutral' };

function Attempts({ id, version }: { id: string; version: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const detail = useAsync(() => api.getForwardDelivery(id), [api, id, version]);
  if (detail.error) return <ErrorNote error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <p className="muted small">{t('common.loading')}</p>;
  return <AttemptList attempts={detail.data.attemptLog} />;
}

export function DeliveryRow({ delivery: d, onRetried }: { delivery: Delivery; onRetried: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const retriable = d.kind !== 'test' && (d.status === 'failed' || d.status === 'retrying');
  const panelId = `delivery-${d.id}-attempts`;

  const retry = () => {
    setBusy(true);
    setError(undefined);
    api.retryForwardDelivery(d.id).then(
      () => {
        setBusy(false);
        onRetried();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <li className="delivery" data-testid="delivery" data-delivery-id={d.id} data-status={d.status} data-kind={d.kind}>
      <div className="delivery-summary">
        <button type="button" className="delivery-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          <span className="delivery-time muted small">{f.rowTime(d.createdAt)}</span>
          <span className="delivery-event">
            <span className="event-label">{eventLabel(d.event, f.lang)}</span>
            <span className="event-name mono">{d.event}</span>
          </span>
          <span className="delivery-kind small">{t(`forwarding.kind.${d.kind}`)}</span>
          <span>
            <StatusBadge tone={STATUS_TONE[d.status]}>{t(`forwarding.status.${d.status}`)}</StatusBadge>
          </span>
          <span className="small">
            {t('forwarding.log.attempts', { count: d.attempts })}
            {d.lastStatusCode !== null ? <span className="mono"> · {d.lastStatusCode}</span> : null}
          </span>
        </button>
        <span className="delivery-actions">
          {d.eventId ? (
            <a className="btn btn-small btn-ghost" href={hrefOfEvent(d.eventId)}>
              {t('forwarding.log.event')}
            </a>
          ) : null}
          {retriable ? (
            <button type="button" className="btn btn-small" onClick={retry} disabled={busy} data-testid="delivery-retry">
              {t('forwarding.log.retry')}
            </button>
          ) : null}
        </span>
      </div>
      {d.lastError && !open ? <p className="delivery-error error-line small">{d.lastError}</p> : null}
      {d.nextAttemptAt && d.status === 'retrying' ? (
        <p className="muted small delivery-next">{t('forwarding.log.nextAttempt', { time: f.rowTime(d.nextAttemptAt) })}</p>
      ) : null}
      {error ? (
        <p className="error-line small" role="alert">
          {error}
        </p>
      ) : null}
      {open ? (
        <div id={panelId} className="delivery-detail">
          <Attempts id={d.id} version={`${d.attempts}:${d.status}`} />
        </div>
      ) : null}
    </li>
  );
}
