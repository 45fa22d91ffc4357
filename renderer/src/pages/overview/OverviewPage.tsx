// The farm at a glance: is the receiver up, when did SimplyPrint last deliver, what happened today.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { useThrottledRefresh } from '../../api/usePush.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { Kpi } from '../../components/Kpi.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useNow } from '../../components/useNow.js';
import { useFormat } from '../../format/useFormat.js';
import { LazyDeliveriesChart as DeliveriesChart } from '../statistics/LazyDeliveriesChart.js';
import { rangeToQuery, todayQuery } from '../statistics/range.js';
import { OpenAlertsCard } from './OpenAlertsCard.js';
import { ReceiverCard } from './ReceiverCard.js';

/** The last delivery is "stale" after six hours, as the health check says. */
const STALE_MS = 6 * 3_600_000;

export function OverviewPage() {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const now = useNow(1000);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const queries = useMemo(() => ({ today: todayQuery(), day: rangeToQuery({ preset: '24h', customFrom: '', customTo: '' })! }), [tick]);
  const data = useAsync(() => Promise.all([api.status(), api.statsFarm(queries.today), api.statsDeliveries(queries.day)]), [api, queries]);
  useThrottledRefresh((push) => push.type !== 'event.duplicate', () => setTick((n) => n + 1), 2000);
  const [status, today, day] = data.data ?? [];
  const lastAt = status?.lastEventAt ?? null;
  const age = lastAt ? now - Date.parse(lastAt) : null;

  return (
    <div className="page">
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} />
      {data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : null}
      {status && today && day ? (
        <>
          <div className="kpi-grid">
            <Kpi
              label={t('overview.lastDelivery')}
              value={age === null ? t('overview.never') : t('overview.ago', { duration: f.duration(age) })}
              hint={lastAt ? f.dateTime(lastAt) : t('overview.neverHint')}
              tone={age === null ? 'neutral' : age > STALE_MS ? 'warn' : 'good'}
              testId="kpi-last-delivery"
            />
            <Kpi label={t('overview.deliveriesToday')} value={f.number(today.totals.deliveries)} testId="kpi-deliveries-today" />
            <Kpi label={t('overview.startedToday')} value={f.number(today.totals.jobsStarted)} testId="kpi-started-today" />
            <Kpi label={t('overview.finishedToday')} value={f.number(today.totals.jobsFinished)} tone="good" testId="kpi-finished-today" />
            <Kpi label={t('overview.failedToday')} value={f.number(today.totals.jobsFailed)} tone={today.totals.jobsFailed > 0 ? 'bad' : 'neutral'} testId="kpi-failed-today" />
            <Kpi
              label={t('overview.printingNow')}
              value={f.number(today.totals.printingNow)}
              hint={t('stats.printersCount', { count: today.totals.printers })}
              tone="info"
              testId="kpi-printing-now"
            />
          </div>
          <div className="grid-overview">
            <Card title={t('overview.activity')} className="span-2">
              {day.total > 0 ? <DeliveriesChart stats={day} height={220} compact /> : <EmptyState title={t('overview.noActivity')} />}
            </Card>
            <ReceiverCard status={status} />
            <OpenAlertsCard />
          </div>
        </>
      ) : data.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}
