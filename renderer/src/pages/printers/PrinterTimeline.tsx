// The printer's recent events, newest first, read from the event log.
import { useTranslation } from 'react-i18next';
import { eventLabel } from '../../../../src/shared/events.js';
import type { EventItem } from '../../../../src/shared/schemas.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { useFormat } from '../../format/useFormat.js';

/** When it happened on the farm (SimplyPrint's time); delivery time only when none was sent. */
const happenedAt = (item: EventItem) => (item.timestamp !== null ? new Date(item.timestamp * 1000).toISOString() : item.receivedAt);

export function PrinterTimeline({ printerId, version }: { printerId: string; version: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const f = useFormat();
  const events = useAsync(() => api.listEvents({ printer: printerId, limit: 6 }), [api, printerId, version]);
  const items = events.data?.items ?? [];
  if (items.length === 0) return events.loading ? null : <p className="muted small">{t('printers.noEvents')}</p>;
  return (
    <ol className="timeline" aria-label={t('printers.recent')}>
      {items.map((item) => (
        <li key={item.id} className={`tl-${item.category}`}>
          <span className="tl-dot" aria-hidden="true" />
          <span className="tl-label">{eventLabel(item.event, f.lang)}</span>
          <time className="tl-time" dateTime={happenedAt(item)} title={f.dateTime(happenedAt(item))}>
            {f.rowTime(happenedAt(item))}
          </time>
        </li>
      ))}
    </ol>
  );
}
