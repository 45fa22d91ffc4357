import { useTranslation } from 'react-i18next';
import { eventLabel } from '../../../../src/shared/events.js';
import type { PrinterStateItem } from '../../../../src/shared/stats.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useNow } from '../../components/useNow.js';
import { useFormat } from '../../format/useFormat.js';
import { PrinterTimeline } from './PrinterTimeline.js';
import { STATE_TONE } from './stateTone.js';

export function PrinterCard({ printer }: { printer: PrinterStateItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(10_000);
  const name = printer.printerName ?? t('printers.unnamed', { id: printer.printerId });
  return (
    <article className={`printer-card state-${printer.state}`} aria-labelledby={`printer-${printer.printerId}`} data-printer-id={printer.printerId} data-state={printer.state}>
      <header className="printer-head">
        <h2 id={`printer-${printer.printerId}`}>{name}</h2>
        <StatusBadge tone={STATE_TONE[printer.state]}>{t(`printers.state.${printer.state}`)}</StatusBadge>
      </header>
      <dl className="printer-facts">
        <div>
          <dt>{t('printers.since')}</dt>
          <dd>{printer.since ? <span title={f.dateTime(printer.since)}>{f.duration(now - Date.parse(printer.since))}</span> : '—'}</dd>
        </div>
        <div>
          <dt>{printer.state === 'printing' || printer.state === 'paused' ? t('printers.currentFile') : t('printers.lastFile')}</dt>
          <dd className="file" title={printer.currentFile ?? undefined}>
            {printer.currentFile ?? '—'}
          </dd>
        </div>
        {printer.lastEvent && printer.lastEventAt ? (
          <div>
            <dt>{t('printers.lastEvent')}</dt>
            <dd>
              {eventLabel(printer.lastEvent, f.lang)} · <span title={f.dateTime(printer.lastEventAt)}>{f.relative(printer.lastEventAt, now)}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      {printer.stale ? (
        <p className="warning-line" role="note">
          {t('printers.stale')}
        </p>
      ) : null}
      <PrinterTimeline printerId={printer.printerId} version={printer.lastEventAt} />
      <footer className="printer-foot mono muted">#{printer.printerId}</footer>
    </article>
  );
}
