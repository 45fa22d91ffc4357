import { useTranslation } from 'react-i18next';
import type { FarmStats } from '../../../../src/shared/stats.js';
import { Kpi } from '../../components/Kpi.js';
import { useFormat } from '../../format/useFormat.js';

export function FarmTotals({ farm }: { farm: FarmStats }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = farm.totals;
  return (
    <div className="kpi-grid" data-testid="farm-totals">
      <Kpi label={t('stats.kpi.deliveries')} value={f.number(x.deliveries)} testId="stat-deliveries" />
      <Kpi label={t('stats.kpi.started')} value={f.number(x.jobsStarted)} testId="stat-started" />
      <Kpi label={t('stats.kpi.finished')} value={f.number(x.jobsFinished)} tone="good" testId="stat-finished" />
      <Kpi label={t('stats.kpi.failed')} value={f.number(x.jobsFailed)} tone={x.jobsFailed > 0 ? 'bad' : 'neutral'} testId="stat-failed" />
      <Kpi label={t('stats.kpi.cancelled')} value={f.number(x.jobsCancelled)} testId="stat-cancelled" />
      <Kpi label={t('stats.kpi.successRate')} value={f.percent(x.successRate)} hint={t('stats.byHours', { value: f.percent(x.successRateByHours) })} testId="stat-success" />
      <Kpi label={t('stats.kpi.printHours')} value={f.hours(x.printHours)} testId="stat-hours" />
      <Kpi label={t('stats.kpi.utilisation')} value={f.percent(x.utilisation)} hint={t('stats.printersCount', { count: x.printers })} testId="stat-utilisation" />
      <Kpi label={t('stats.kpi.mtbf')} value={f.hours(x.mtbfHours)} testId="stat-mtbf" />
      <Kpi label={t('stats.kpi.avgJob')} value={f.hours(x.avgJobHours)} testId="stat-avg" />
    </div>
  );
}
