// The attempts of one delivery, oldest first: when, the answer's status, how long it took, the
// error, and the start of the response body (the receiver's words, shown as text only).
import { useTranslation } from 'react-i18next';
import type { DeliveryAttempt } from '../../../../src/shared/forward.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormat } from '../../format/useFormat.js';

export function AttemptList({ attempts }: { attempts: DeliveryAttempt[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (attempts.length === 0) return <p className="muted small">{t('forwarding.log.noAttempts')}</p>;
  return (
    <ol className="attempts" data-testid="attempts">
      {attempts.map((a) => (
        <li key={a.id} className="attempt" data-attempt={a.attempt} data-ok={a.ok ? 'true' : 'false'}>
          <div className="attempt-head">
            <strong>{t('forwarding.log.attemptN', { n: a.attempt })}</strong>
            <StatusBadge tone={a.ok ? 'good' : 'bad'}>{a.statusCode !== null ? `HTTP ${a.statusCode}` : a.ok ? t('forwarding.log.ok') : t('forwarding.log.noAnswer')}</StatusBadge>
            <span className="muted small">
              <time dateTime={a.startedAt}>{f.dateTime(a.startedAt)}</time> · {t('forwarding.ms', { value: f.number(a.durationMs) })}
            </span>
          </div>
          {a.error ? (
            <p className="error-line small" data-testid="attempt-error">
              {a.error}
            </p>
          ) : null}
          {a.responseBody ? (
            <pre className="code attempt-body" tabIndex={0} aria-label={t('forwarding.log.responseBody')} data-testid="attempt-body">
              {a.responseBody}
            </pre>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
