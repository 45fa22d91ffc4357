import { useTranslation } from 'react-i18next';
import type { PrinterStats } from '../../../../src/shared/stats.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useFormat } from '../../format/useFormat.js';

export function TopFailing({ printers }: { printers: readonly PrinterStats[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (printers.length === 0) return <EmptyState title={t('stats.noFailures')} />;
  const max = Math.max(...printers.map((p) => p.jobsFailed), 1);
  return (
    <ol className="bars">
      {printers.map((p) => (
        <li key={p.printerId}>
          <span className="bar-label">{p.printerName ?? p.printerId}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill tone-bad" style={{ width: `${(p.jobsFailed / max) * 100}%` }} />
          </span>
          <span className="bar-value">{t('stats.failedCount', { count: p.jobsFailed, formatted: f.number(p.jobsFailed) })}</span>
        </li>
      ))}
    </ol>
  );
}
