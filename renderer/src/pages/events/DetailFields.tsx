import { useTranslation } from 'react-i18next';
import { eventLabel } from '../../../../src/shared/events.js';
import type { EventDetail } from '../../../../src/shared/schemas.js';
import { CategoryBadge } from '../../components/CategoryBadge.js';
import { useFormat } from '../../format/useFormat.js';

/** The columns FarmHook extracted from the body, as a definition list. */
export function DetailFields({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: Array<[string, React.ReactNode]> = [
    [t('detail.field.event'), <><strong>{eventLabel(detail.event, format.lang)}</strong> <span className="mono muted">{detail.event}</span></>],
    [t('detail.field.category'), <CategoryBadge category={detail.category} />],
    [t('detail.field.receivedAt'), format.dateTime(detail.receivedAt)],
    [t('detail.field.timestamp'), detail.timestamp === null ? null : `${format.dateTime(detail.timestamp * 1000)} (${detail.timestamp})`],
    [t('detail.field.printer'), detail.printerName || detail.printerId ? `${detail.printerName ?? ''}${detail.printerId ? ` #${detail.printerId}` : ''}` : null],
    [t('detail.field.jobId'), detail.jobId],
    [t('detail.field.jobUid'), detail.jobUid],
    [t('detail.field.jobFile'), detail.jobFile],
    [t('detail.field.jobState'), detail.jobState],
    [t('detail.field.user'), detail.userName],
    [t('detail.field.queueFile'), detail.queueFile],
    [t('detail.field.webhookId'), detail.webhookId],
    [t('detail.field.remoteAddress'), detail.remoteAddress],
    [t('detail.field.duplicates'), detail.duplicates > 0 ? format.number(detail.duplicates) : null],
    [t('detail.field.known'), detail.known ? t('common.yes') : detail.canonical ? t('detail.legacyOf', { event: detail.canonical }) : t('detail.unknownEvent')],
  ];
  return (
    <dl className="fields">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label} className="field-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
