// Every destination with how it is doing: state, success rate, response times, last success,
// failures in a row and what waits in the queue.
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useFormat } from '../../format/useFormat.js';
import { DestinationState } from './DestinationState.js';
import type { DestinationRow } from './useForwarding.js';

export function DestinationTable({ rows, selectedId, onSelect }: { rows: DestinationRow[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : t('forwarding.ms', { value: f.number(value) }));
  return (
    <div className="table-wrap">
      <table className="table destination-table" data-testid="destination-table">
        <caption className="visually-hidden">{t('forwarding.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forwarding.col.name')}</th>
            <th scope="col">{t('forwarding.col.type')}</th>
            <th scope="col">{t('forwarding.col.state')}</th>
            <th scope="col" className="num">{t('forwarding.col.successRate')}</th>
            <th scope="col" className="num">{t('forwarding.col.median')}</th>
            <th scope="col" className="num">{t('forwarding.col.p95')}</th>
            <th scope="col">{t('forwarding.col.lastSuccess')}</th>
            <th scope="col" className="num">{t('forwarding.col.failures')}</th>
            <th scope="col" className="num">{t('forwarding.col.queue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ destination: d, stats: s }) => (
            <tr key={d.id} className={d.id === selectedId ? 'selected' : undefined} data-destination-id={d.id} aria-selected={d.id === selectedId}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(d.id)} aria-pressed={d.id === selectedId}>
                  {d.name}
                </button>
              </th>
              <td>{t(`forwarding.type.${d.type}`)}</td>
              <td>
                <DestinationState destination={d} />
              </td>
              <td className="num" data-testid="destination-success-rate">
                {f.percent(s?.successRate ?? null)}
              </td>
              <td className="num">{ms(s?.medianMs)}</td>
              <td className="num">{ms(s?.p95Ms)}</td>
              <td>{d.lastSuccessAt ? <RelativeTime value={d.lastSuccessAt} /> : <span className="muted">{t('forwarding.never')}</span>}</td>
              <td className={`num${d.consecutiveFailures > 0 ? ' error-line' : ''}`}>{f.number(d.consecutiveFailures)}</td>
              <td className="num" data-testid="destination-queue">
                {f.number(s?.queueDepth ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 ? <p className="muted small table-note">{t('forwarding.windowNote', { hours: rows[0]?.stats?.windowHours ?? 24 })}</p> : null}
    </div>
  );
}
