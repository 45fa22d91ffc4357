import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../src/shared/schemas.js';
import { Card } from '../../components/Card.js';
import { CopyButton } from '../../components/CopyButton.js';
import { StatusBadge } from '../../components/StatusBadge.js';

export function ReceiverCard({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const r = status.receiver;
  return (
    <Card
      title={t('overview.receiver')}
      actions={<StatusBadge tone={r.listening ? 'good' : 'bad'}>{r.listening ? t('overview.listening') : t('overview.notListening')}</StatusBadge>}
      className="receiver-card"
    >
      {r.error ? (
        <p className="error-line" role="alert">
          {r.error}
        </p>
      ) : null}
      <p className="muted small">{t('overview.webhookUrls')}</p>
      <ul className="url-list">
        {r.webhookUrls.map((url) => (
          <li key={url}>
            <code className="mono">{url}</code>
            <CopyButton text={url} label={t('common.copy')} />
          </li>
        ))}
      </ul>
      <p className="small">
        <StatusBadge tone={r.secretConfigured ? 'good' : 'warn'}>{r.secretConfigured ? t('overview.secretOn') : t('overview.secretOff')}</StatusBadge>
      </p>
    </Card>
  );
}
