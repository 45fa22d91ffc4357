// The outcome of "Send test": delivered or not, with the attempt's answer.
import { useTranslation } from 'react-i18next';
import type { DeliveryDetail } from '../../../../src/shared/forward.js';
import { AttemptList } from './AttemptList.js';

export function TestResult({ result }: { result: DeliveryDetail }) {
  const { t } = useTranslation();
  const ok = result.status === 'delivered';
  return (
    <div className={`test-result ${ok ? 'tone-good' : 'tone-bad'}`} role="status" data-testid="test-result" data-ok={ok ? 'true' : 'false'}>
      <p className="test-result-title">{ok ? t('forwarding.test.ok') : t('forwarding.test.failed')}</p>
      <AttemptList attempts={result.attemptLog} />
    </div>
  );
}
