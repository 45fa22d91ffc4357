import { useTranslation } from 'react-i18next';
import type { DestinationConfigView } from '../../../../src/shared/forward.js';

/** Where a destination sends, as far as that can be shown without a secret. */
export function DestinationTarget({ config }: { config: DestinationConfigView }) {
  const { t } = useTranslation();
  switch (config.type) {
    case 'http':
      return <span className="mono">{config.url}</span>;
    case 'mqtt':
      return (
        <span className="mono">
          {config.url} · {config.topicPrefix}/…
        </span>
      );
    case 'telegram':
      return <span>{t('forwarding.target.chat', { chat: config.chatId })}</span>;
    default:
      return <span className="mono">{config.webhookHost ?? t('forwarding.secretSet')}</span>;
  }
}
