import { useTranslation } from 'react-i18next';
import type { HealthCheck } from '../../../../src/shared/schemas.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormat } from '../../format/useFormat.js';
import { CHECK_TONE } from './checkTone.js';

/** A check's title is translated by its id; its finding and advice are the core's words. */
export function HealthCheckRow({ check }: { check: HealthCheck }) {
  const { t } = useTranslation();
  const f = useFormat();
  const key = `health.checks.${check.id.replace(/\./g, '_')}`;
  return (
    <li className={`check check-${check.status}`} data-check-id={check.id}>
      <div className="check-main">
        <h2>{t(key, { defaultValue: check.title })}</h2>
        <p>{check.finding}</p>
        {check.action ? (
          <p className="check-action">
            <strong>{t('health.whatToDo')}</strong> {check.action}
          </p>
        ) : null}
      </div>
      <div className="check-side">
        <StatusBadge tone={CHECK_TONE[check.status]}>{t(`health.status.${check.status}`)}</StatusBadge>
        <time className="muted small" dateTime={check.checkedAt}>
          {f.rowTime(check.checkedAt)}
        </time>
      </div>
    </li>
  );
}
