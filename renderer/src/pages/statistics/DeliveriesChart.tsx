// Deliveries per hour or day, stacked by category.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeliveryStats } from '../../../../src/shared/stats.js';
import { axisProps, categoryColor, CHART_CATEGORIES, tooltipStyle } from '../../components/chartTheme.js';
import { useFormat } from '../../format/useFormat.js';

export function DeliveriesChart({ stats, height = 280, compact = false }: { stats: DeliveryStats; height?: number; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bucket = stats.range.bucket;
  const used = CHART_CATEGORIES.filter((c) => (stats.byCategory[c] ?? 0) > 0);
  const rows = useMemo(() => stats.buckets.map((b) => ({ start: b.start, ...b.counts })), [stats]);
  const summary = t('stats.deliveriesSummary', { count: stats.total, formatted: format.number(stats.total) });
  return (
    <figure className="chart" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: compact ? -20 : 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="start" {...axisProps} tickFormatter={(v: string) => format.bucket(v, bucket)} minTickGap={24} />
          <YAxis {...axisProps} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} width={48} />
          <Tooltip {...tooltipStyle} labelFormatter={(v) => format.dateTime(String(v))} formatter={(v, name) => [format.number(Number(v)), t(`categories.${String(name)}`)]} />
          {compact ? null : <Legend formatter={(name: string) => t(`categories.${name}`)} wrapperStyle={{ fontSize: 12 }} />}
          {used.map((category, i) => (
            <Bar key={category} dataKey={category} stackId="d" fill={categoryColor(category)} radius={i === used.length - 1 ? [3, 3, 0, 0] : 0} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
