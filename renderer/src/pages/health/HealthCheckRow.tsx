import { useTranslation } from 'react-i18next';
import { localiseHealthMessage } from '../../../../src/shared/health-messages.js';
import type { HealthCheck } from '../../../../src/shared/schemas.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormat } from '../../format/useFormat.js';
import { CHECK_TONE } from './checkTone.js';

/**
 * A check's title is translated by its id; its finding and advice come from the core as catalogue
 * messages (src/shared/health-messages.ts), rendered here in the operator's language. A check
 * without one (or with a key this dashboard does not know) shows the core's English text.
 */
export function HealthCheckRow({ check }: { check: HealthCheck }) {
  const { t } = useTranslation();
  const f = useFormat();
  const key = `health.checks.${check.id.replace(/\./g, '_')}`;
  const finding = localiseHealthMessage(check.findingMessage, f.lang) ?? check.finding;
  const action = check.action === null ? null : (localiseHealthMessage(check.actionMessage, f.lang) ?? check.action);
  return (
    <li className={`check check-${check.status}`} data-check-id={check.id}>
      <div className="check-main">
        <h2>{t(key, { defaultValue: check.title })}</h2>
        <p>{finding}</p>
        {action ? (
          <p className="check-action">
            <strong>{t('health.whatToDo')}</strong> {action}
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
