import { useTranslation } from 'react-i18next';
import type { QueueStats } from '../../../../src/shared/stats.js';
import { useFormat } from '../../format/useFormat.js';

const KEYS = ['added', 'pendingApproval', 'approved', 'denied', 'removed'] as const;

export function QueueFigures({ queue }: { queue: QueueStats }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="figures" data-testid="queue-figures">
      {KEYS.map((key) => (
        <div key={key} className="figure">
          <dt>{t(`stats.queue.${key}`)}</dt>
          <dd data-testid={`queue-${key}`}>{f.number(queue[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
