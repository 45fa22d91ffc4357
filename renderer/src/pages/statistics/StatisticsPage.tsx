import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { useThrottledRefresh } from '../../api/usePush.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFormat } from '../../format/useFormat.js';
import { LazyDeliveriesChart as DeliveriesChart } from './LazyDeliveriesChart.js';
import { FarmTotals } from './FarmTotals.js';
import { PrinterTable } from './PrinterTable.js';
import { QueueFigures } from './QueueFigures.js';
import { rangeToQuery, type RangeChoice } from './range.js';
import { RangePicker } from './RangePicker.js';
import { TopFailing } from './TopFailing.js';

/** Today as an `<input type="date">` value, in local time. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function StatisticsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const [choice, setChoice] = useState<RangeChoice>({ preset: '24h', customFrom: today(), customTo: today() });
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const query = useMemo(() => rangeToQuery(choice), [choice, tick]);
  const data = useAsync(
    () => (query ? Promise.all([api.statsFarm(query), api.statsDeliveries(query), api.statsPrinters(query)]) : Promise.resolve(null)),
    [api, query],
  );
  useThrottledRefresh((push) => push.type === 'event.stored', () => setTick((n) => n + 1), 5000);
  const [farm, deliveries, printers] = data.data ?? [];

  return (
    <div className="page">
      <PageHeader
        title={t('stats.title')}
        subtitle={farm ? t('stats.rangeText', { from: f.dateTime(farm.range.from), to: f.dateTime(farm.range.to) }) : undefined}
        actions={<RangePicker value={choice} onChange={setChoice} />}
      />
      {!query ? <p className="muted">{t('stats.invalidRange')}</p> : null}
      {data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : null}
      {farm && deliveries && printers ? (
        <>
          <FarmTotals farm={farm} />
          <Card title={t('stats.deliveriesTitle')}>
            {deliveries.total > 0 ? <DeliveriesChart stats={deliveries} /> : <EmptyState title={t('stats.noDeliveries')} />}
          </Card>
          <div className="grid-2">
            <Card title={t('stats.topFailing')}>
              <TopFailing printers={farm.topFailing} />
            </Card>
            <Card title={t('stats.queueTitle')}>
              <QueueFigures queue={farm.queue} />
            </Card>
          </div>
          <Card title={t('stats.perPrinter')}>
            {printers.printers.length > 0 ? <PrinterTable printers={printers.printers} /> : <EmptyState title={t('stats.noPrinters')} />}
          </Card>
        </>
      ) : data.loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}
