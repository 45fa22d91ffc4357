import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { Icon } from '../../components/Icon.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { CHECK_ORDER, CHECK_TONE } from './checkTone.js';
import { HealthCheckRow } from './HealthCheckRow.js';
import { LogsLocation } from './LogsLocation.js';

const REFRESH_MS = 30_000;

export function HealthPage() {
  const { t } = useTranslation();
  const api = useApi();
  const report = useAsync(() => api.health(), [api]);
  const status = useAsync(() => api.status(), [api]);
  useEffect(() => {
    const timer = setInterval(report.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [report.reload]);
  const checks = [...(report.data?.checks ?? [])].sort((a, b) => CHECK_ORDER[a.status] - CHECK_ORDER[b.status]);

  return (
    <div className="page">
      <PageHeader
        title={t('health.title')}
        subtitle={report.data ? <StatusBadge tone={CHECK_TONE[report.data.status]}>{t(`health.overall.${report.data.status}`)}</StatusBadge> : undefined}
        actions={
          <button type="button" className="btn" onClick={report.reload} disabled={report.loading}>
            <Icon name="refresh" size={15} />
            {t('health.recheck')}
          </button>
        }
      />
      {report.error ? <ErrorNote error={report.error} onRetry={report.reload} /> : null}
      <ul className="checks" data-testid="health-checks">
        {checks.map((check) => (
          <HealthCheckRow key={check.id} check={check} />
        ))}
      </ul>
      {status.data ? <LogsLocation status={status.data} /> : null}
    </div>
  );
}
