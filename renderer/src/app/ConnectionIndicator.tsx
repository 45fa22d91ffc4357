import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api/ApiContext.js';

const TONE = { open: 'good', connecting: 'info', reconnecting: 'warn', unauthorized: 'bad' } as const;

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <div className={`connection tone-${TONE[state]}`} role="status" data-testid="connection" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </div>
  );
}
