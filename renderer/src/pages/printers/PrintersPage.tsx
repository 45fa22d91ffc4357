import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTER_STATES, type PrinterState } from '../../../../src/shared/stats.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { useThrottledRefresh } from '../../api/usePush.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormat } from '../../format/useFormat.js';
import { PrinterCard } from './PrinterCard.js';
import { STATE_PRIORITY, STATE_TONE } from './stateTone.js';

export function PrintersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const printers = useAsync(() => api.listPrinters(), [api]);
  useThrottledRefresh((push) => push.type === 'event.stored' && push.event.printerId !== null, printers.reload, 1500);
  const items = useMemo(() => {
    const collator = new Intl.Collator(f.locale, { numeric: true });
    return [...(printers.data?.items ?? [])].sort(
      (a, b) => STATE_PRIORITY[a.state] - STATE_PRIORITY[b.state] || collator.compare(a.printerName ?? a.printerId, b.printerName ?? b.printerId),
    );
  }, [printers.data, f.locale]);
  const counts = useMemo(() => {
    const c = new Map<PrinterState, number>();
    for (const p of items) c.set(p.state, (c.get(p.state) ?? 0) + 1);
    return c;
  }, [items]);

  return (
    <div className="page">
      <PageHeader
        title={t('printers.title')}
        subtitle={
          <span className="state-summary">
            {PRINTER_STATES.filter((s) => counts.has(s)).map((s) => (
              <StatusBadge key={s} tone={STATE_TONE[s]}>
                {t(`printers.state.${s}`)}: {f.number(counts.get(s) ?? 0)}
              </StatusBadge>
            ))}
          </span>
        }
      />
      {printers.error ? <ErrorNote error={printers.error} onRetry={printers.reload} /> : null}
      {items.length === 0 && !printers.loading && !printers.error ? (
        <EmptyState title={t('printers.empty')}>
          <p>{t('printers.emptyHint')}</p>
        </EmptyState>
      ) : (
        <div className="printer-grid">
          {items.map((p) => (
            <PrinterCard key={p.printerId} printer={p} />
          ))}
        </div>
      )}
    </div>
  );
}
