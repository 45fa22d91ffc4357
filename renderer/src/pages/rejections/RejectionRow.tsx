import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectionItem } from '../../../../src/shared/schemas.js';
import { useFormat } from '../../format/useFormat.js';

/** One refused delivery; expands to the headers and the start of the body, shown as text. */
export function RejectionRow({ item }: { item: RejectionItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <li className={`rejection${open ? ' open' : ''}`} data-rejection-id={item.id}>
      <button type="button" className="rejection-summary" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={`reason reason-${item.reason}`}>{t(`rejections.reason.${item.reason}`, { defaultValue: item.reason })}</span>
        <span className="rej-status mono">{item.status}</span>
        <span className="rej-time" title={f.dateTime(item.receivedAt)}>
          {f.rowTime(item.receivedAt)}
        </span>
        <span className="rej-from mono">{item.remoteAddress ?? '—'}</span>
        <span className="rej-path mono">
          {item.method} {item.path}
        </span>
        <span className="rej-size">{f.bytes(item.bodySize)}</span>
      </button>
      {open ? (
        <div className="rejection-detail">
          <p>
            <strong>{t('rejections.why')}</strong> {t(`rejections.explain.${item.reason}`, { defaultValue: '' })}
          </p>
          <p className="muted">{item.message}</p>
          <h3>{t('rejections.headers')}</h3>
          <table className="kv">
            <tbody>
              {Object.entries(item.headers).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('rejections.body')}</h3>
          {item.bodySample ? <pre className="code">{item.bodySample}</pre> : <p className="muted">{t('rejections.noBody')}</p>}
        </div>
      ) : null}
    </li>
  );
}
