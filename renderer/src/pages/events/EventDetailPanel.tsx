// The selected event in full: extracted fields, pretty JSON, the raw body and received headers
// (secrets already masked by the server), plus "copy as curl". Everything is rendered as text.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../src/shared/schemas.js';
import { useApi } from '../../api/ApiContext.js';
import { useAsync } from '../../api/useAsync.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { Icon } from '../../components/Icon.js';
import { JsonView } from '../../components/JsonView.js';
import { ReplayToDestination } from '../forwarding/ReplayToDestination.js';
import { buildCurl, pickWebhookUrl } from './curl.js';
import { DetailFields } from './DetailFields.js';
import { Tabs } from './Tabs.js';

type Tab = 'fields' | 'json' | 'raw' | 'headers';

export function EventDetailPanel({ id, status, onClose }: { id: string; status: AppStatus | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [tab, setTab] = useState<Tab>('fields');
  const detail = useAsync(() => api.getEvent(id), [api, id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const webhookUrl = status ? pickWebhookUrl(status.receiver.webhookUrls) : null;
  const data = detail.data?.id === id ? detail.data : undefined;

  return (
    <aside className="detail" aria-label={t('detail.title')} data-testid="event-detail">
      <div className="detail-head">
        <h2>{t('detail.title')}</h2>
        <div className="detail-actions">
          {data && webhookUrl ? (
            <CopyButton text={buildCurl({ url: webhookUrl, raw: data.raw, secretConfigured: status?.receiver.secretConfigured ?? false })} label={t('detail.copyCurl')} />
          ) : null}
          <button type="button" className="btn btn-icon" onClick={onClose} aria-label={t('common.close')}>
            <Icon name="close" />
          </button>
        </div>
      </div>
      <Tabs
        label={t('detail.title')}
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'fields', label: t('detail.tab.fields') },
          { id: 'json', label: t('detail.tab.json') },
          { id: 'raw', label: t('detail.tab.raw') },
          { id: 'headers', label: t('detail.tab.headers') },
        ]}
      />
      <div className="detail-body" role="tabpanel">
        {detail.error ? <ErrorNote error={detail.error} onRetry={detail.reload} /> : null}
        {!data ? (
          detail.error ? null : <p className="muted">{t('common.loading')}</p>
        ) : tab === 'fields' ? (
          <DetailFields detail={data} />
        ) : tab === 'json' ? (
          <JsonView value={data.payload} label={t('detail.tab.json')} />
        ) : tab === 'raw' ? (
          <pre className="code" tabIndex={0} aria-label={t('detail.tab.raw')}>
            {data.raw}
          </pre>
        ) : (
          <table className="kv">
            <tbody>
              {Object.entries(data.headers).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="detail-foot">
        <ReplayToDestination eventId={id} />
      </div>
    </aside>
  );
}
