// The chart library is the largest part of the bundle: it loads in its own chunk after the first
// paint, so the figures (and the event log) appear without waiting for it.
import { lazy, Suspense, type ComponentProps } from 'react';

const DeliveriesChart = lazy(() => import('./DeliveriesChart.js').then((m) => ({ default: m.DeliveriesChart })));

export function LazyDeliveriesChart(props: ComponentProps<typeof DeliveriesChart>) {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: props.height ?? 280 }} />}>
      <DeliveriesChart {...props} />
    </Suspense>
  );
}
