// Chart colours are CSS variables, so recharts' SVG follows the light/dark theme without re-render.
import { EVENT_CATEGORIES, type EventCategory } from '../../../src/shared/catalogue.js';

export const categoryColor = (category: string) => `var(--cat-${category}, var(--cat-other))`;

export const CHART_CATEGORIES: readonly EventCategory[] = EVENT_CATEGORIES;

export const axisProps = {
  stroke: 'var(--text-muted)',
  tick: { fill: 'var(--text-muted)', fontSize: 12 },
  tickLine: false,
  axisLine: { stroke: 'var(--border)' },
} as const;

export const tooltipStyle = {
  contentStyle: { background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: 'var(--hover)' },
} as const;
