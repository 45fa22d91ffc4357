// Where the logs are, for a technician chasing a problem: the core's `farmhook.log` (rotated) and,
// in the desktop app, the shell's `main.log`, both in the data folder's `logs/`.
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../../src/shared/schemas.js';
import { Card } from '../../components/Card.js';
import { CopyButton } from '../../components/CopyButton.js';
import { logsDirOf } from './logsDir.js';

export function LogsLocation({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const dir = logsDirOf(status.dataDir);
  return (
    <Card title={t('health.logs.title')} className="logs-card">
      <p className="muted small">{t('health.logs.body')}</p>
      <ul className="url-list">
        <li>
          <code className="mono" data-testid="logs-dir">
            {dir}
          </code>
          <CopyButton text={dir} label={t('common.copy')} />
        </li>
      </ul>
      <p className="small muted">{t('health.logs.files')}</p>
      <p className="small muted">
        {t('health.logs.dataDir')} <code className="mono">{status.dataDir}</code>
      </p>
    </Card>
  );
}
